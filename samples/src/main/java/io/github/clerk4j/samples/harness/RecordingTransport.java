package io.github.clerk4j.samples.harness;

import io.github.clerk4j.Client;
import io.github.clerk4j.ClerkListener;
import io.github.clerk4j.SignIn;
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
 * is for) and records the status of the sign-in in every client snapshot the server answered with
 * (a {@link ClerkListener}). The recipes know nothing of it.
 */
final class RecordingTransport implements Transport {

  /** What one flow's transports and client snapshots showed. */
  static final class Record implements ClerkListener {
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> signInStatuses = Collections.synchronizedList(new ArrayList<>());
    private Optional<String> lastActiveSession = Optional.empty();

    /** Requests sent, answered or not. */
    int requests() {
      return requests.get();
    }

    /** The sign-in status of each client snapshot that had a sign-in, in order. */
    List<String> signInStatuses() {
      synchronized (signInStatuses) {
        return List.copyOf(signInStatuses);
      }
    }

    /**
     * Clerk drops a sign-in from the client once it completes, and the same answer makes the
     * session it created the last active one: a snapshot without a sign-in and with a new last
     * active session is a completed sign-in.
     */
    @Override
    public void onClientChanged(Client client) {
      Optional<SignIn> signIn = client.signIn();
      synchronized (signInStatuses) {
        if (signIn.isPresent()) {
          signInStatuses.add(signIn.get().rawStatus());
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
    return delegate.execute(request);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
