package io.github.clerk4j.samples.harness;

import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.SignInResource;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests a flow sends and records the status of every sign-in the server answered
 * with: a transport decorator, the kind of extension the transport SPI is for. The recipes know
 * nothing of it.
 */
final class RecordingTransport implements Transport {

  /** What the transports of one flow saw. */
  static final class Record {
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> signInStatuses = Collections.synchronizedList(new ArrayList<>());

    /** Requests sent, answered or not. */
    int requests() {
      return requests.get();
    }

    /** The status of each sign-in in a successful answer, in order. */
    List<String> signInStatuses() {
      synchronized (signInStatuses) {
        return List.copyOf(signInStatuses);
      }
    }
  }

  private final Transport delegate;
  private final Record record;

  private RecordingTransport(Transport delegate, Record record) {
    this.delegate = delegate;
    this.record = record;
  }

  /** A factory whose transports add what they send and receive to {@code record}. */
  static TransportFactory recording(TransportFactory delegate, Record record) {
    return url -> new RecordingTransport(delegate.create(url), record);
  }

  @Override
  public <T> FapiResponse<T> execute(FapiRequest<T> request) {
    record.requests.incrementAndGet();
    FapiResponse<T> response = delegate.execute(request);
    if (response.response() instanceof SignInResource signIn) {
      record.signInStatuses.add(signIn.status());
    }
    return response;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
