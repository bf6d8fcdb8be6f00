package io.github.clerk4j;

import io.github.clerk4j.internal.wire.ClientResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Transport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A scripted {@link Transport}: each request takes the next answer from the script, or fails the
 * test if the script is empty. Records every request (one entry per attempt) so tests can assert
 * the exact wire sequence.
 */
final class FakeTransport implements Transport {

  /** One scripted answer: a response, or an exception to throw. */
  @FunctionalInterface
  interface Answer {
    FapiResponse answer(FapiRequest request);
  }

  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<FapiRequest> requests = new ArrayList<>();
  private Answer fallback;
  boolean closed;

  synchronized FakeTransport then(Answer answer) {
    script.add(answer);
    return this;
  }

  /** Answers with {@code response} and no piggybacked client or token. */
  FakeTransport thenRespond(Object response) {
    return then(r -> FapiResponse.of(200, response, null, null));
  }

  FakeTransport thenRespond(Object response, ClientResource client, String token) {
    return then(r -> FapiResponse.of(200, response, client, token));
  }

  /**
   * A {@link ClerkApiException} is the server's refusal (an answer, as a real transport returns
   * it); any other exception is thrown, as a transport reports a network failure.
   */
  FakeTransport thenThrow(RuntimeException e) {
    return then(r -> {
      if (e instanceof ClerkApiException refusal) {
        return FapiResponse.refusal(refusal, null);
      }
      throw e;
    });
  }

  /** The server refuses with {@code e}, and the answer carries {@code token}. */
  FakeTransport thenRefuse(ClerkApiException e, String token) {
    return then(r -> FapiResponse.refusal(e, token));
  }

  /** Answers every request the script does not cover. */
  synchronized FakeTransport otherwise(Answer answer) {
    this.fallback = answer;
    return this;
  }

  @Override
  public FapiResponse execute(FapiRequest request) {
    Answer a;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      requests.add(request);
      a = script.isEmpty() ? fallback : script.poll();
    }
    if (a == null) {
      throw new AssertionError("unexpected request " + request);
    }
    return a.answer(request);
  }

  synchronized List<FapiRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized List<Endpoint> endpoints() {
    return requests.stream().map(FapiRequest::endpoint).toList();
  }

  /** The form of request {@code i} as a map, for exact comparisons. */
  synchronized Map<String, String> form(int i) {
    return requests.get(i).form().fields();
  }

  synchronized FapiRequest request(int i) {
    return requests.get(i);
  }

  synchronized boolean scriptDone() {
    return script.isEmpty();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
