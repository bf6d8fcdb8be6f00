package io.github.clerk4j.samples.harness;

import io.github.clerk4j.Client;
import io.github.clerk4j.ClerkListener;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests a flow sends (a transport decorator, the kind of extension the transport SPI
 * is for) and records the status of the sign-in or sign-up in every client snapshot the server answered with
 * (a {@link ClerkListener}). The recipes know nothing of it.
 */
final class RecordingTransport implements Transport {

  /** What one flow's transports and client snapshots showed. */
  static final class Record implements ClerkListener {
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger signInReloads = new AtomicInteger();
    private final List<String> signInStatuses = Collections.synchronizedList(new ArrayList<>());
    private Optional<String> lastActiveSession = Optional.empty();

    /** Requests sent, answered or not. */
    int requests() {
      return requests.get();
    }

    /** {@code GET /v1/client/sign_ins/{id}} answered so far: an app polling its sign-in has looked this often. */
    int signInReloads() {
      return signInReloads.get();
    }

    /** The sign-in (else sign-up) status of each client snapshot that had one, in order. */
    List<String> signInStatuses() {
      synchronized (signInStatuses) {
        return List.copyOf(signInStatuses);
      }
    }

    /**
     * Clerk drops a sign-in or sign-up from the client once it completes, and the same answer
     * makes the session it created the last active one: a snapshot without either and with a new
     * last active session is a completed one.
     */
    @Override
    public void onClientChanged(Client client) {
      Optional<String> status = client.signIn().map(SignIn::rawStatus)
          .or(() -> client.signUp().map(SignUp::rawStatus));
      synchronized (signInStatuses) {
        if (status.isPresent()) {
          signInStatuses.add(status.get());
        } else if (client.lastActiveSessionId().isPresent()
            && !client.lastActiveSessionId().equals(lastActiveSession)) {
          signInStatuses.add("complete");
        }
        lastActiveSession = client.lastActiveSessionId();
      }
    }
  }

  private final Transport delegate;
  private final Record record;

  private RecordingTransport(Transport delegate, Record record) {
    this.delegate = delegate;
    this.record = record;
  }

  /** A factory whose transports count what they send in {@code record}. */
  static TransportFactory recording(TransportFactory delegate, Record record) {
    return url -> new RecordingTransport(delegate.create(url), record);
  }

  @Override
  public FapiResponse execute(FapiRequest request) {
    record.requests.incrementAndGet();
    FapiResponse answer = delegate.execute(request);
    if (request.endpoint() == Endpoint.GET_SIGN_IN) {
      record.signInReloads.incrementAndGet();
    }
    return answer;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
