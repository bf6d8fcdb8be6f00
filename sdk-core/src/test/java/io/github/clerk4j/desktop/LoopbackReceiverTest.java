package io.github.clerk4j.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The loopback receiver as a browser and as everything else meets it: the callback, other paths,
 * other methods, foreign hosts, malformed and oversized requests; the bounded wait, interrupt and
 * close; and the socket closed after each.
 */
class LoopbackReceiverTest {

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** A port free a moment ago (the receiver's port is fixed, so the test picks one). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Whether nothing listens on the port any more: it can be bound again. */
  static boolean portIsFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, LOOPBACK)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Sends raw bytes as one request and returns the whole answer (the receiver closes the connection). */
  static String send(int port, String raw) {
    try (Socket s = new Socket(LOOPBACK, port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String get(int port, String target) {
    return send(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: test\r\n\r\n");
  }

  /** Waits on another thread, so that the test can play the browser. */
  static CompletableFuture<URI> waitIn(LoopbackReceiver receiver, Duration timeout) {
    return CompletableFuture.supplyAsync(() -> receiver.awaitCallback(timeout));
  }

  @Test
  void theCallbackIsAnsweredWithAPageAndEndsTheWait() {
    int port = freePort();
    LoopbackReceiver receiver = LoopbackReceiver.bind(port, "/sso-callback");
    assertThat(receiver.redirectUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/sso-callback"));
    CompletableFuture<URI> wait = waitIn(receiver, Duration.ofMinutes(1));
    String answer = get(port, "/sso-callback?rotating_token_nonce=n%2B1&x=y");
    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: text/html; charset=utf-8")
        .contains("Referrer-Policy: no-referrer").contains("Cache-Control: no-store").contains("Connection: close")
        .contains("You can close this tab").doesNotContain("n%2B1");
    assertThat(wait.join()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/sso-callback?rotating_token_nonce=n%2B1&x=y"));
    assertThat(receiver.isClosed()).isTrue();
    assertThat(portIsFree(port)).isTrue();
  }

  @Test
  void otherRequestsAreRefusedAndTheWaitGoesOn() {
    int port = freePort();
    LoopbackReceiver receiver = LoopbackReceiver.bind(port, "/sso-callback");
    CompletableFuture<URI> wait = waitIn(receiver, Duration.ofMinutes(1));
    assertThat(get(port, "/favicon.ico")).startsWith("HTTP/1.1 404 ");
    assertThat(get(port, "/sso-callback/more?rotating_token_nonce=x")).startsWith("HTTP/1.1 404 ");
    assertThat(send(port, "POST /sso-callback HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 0\r\n\r\n"))
        .startsWith("HTTP/1.1 405 ").contains("Allow: GET");
    assertThat(send(port, "GET /sso-callback?rotating_token_nonce=x HTTP/1.1\r\nHost: evil.example:" + port + "\r\n\r\n"))
        .as("a DNS name pointing here is another site").startsWith("HTTP/1.1 400 ");
    assertThat(send(port, "GET /sso-callback HTTP/1.1\r\n\r\n")).as("no Host").startsWith("HTTP/1.1 400 ");
    assertThat(send(port, "GET /sso-callback HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: 127.0.0.1:" + port
        + "\r\n\r\n")).as("two Hosts").startsWith("HTTP/1.1 400 ");
    assertThat(send(port, "GET http://127.0.0.1/sso-callback HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n"))
        .as("absolute-form target").startsWith("HTTP/1.1 400 ");
    assertThat(send(port, "GET /sso callback HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    assertThat(send(port, "GET /sso-callback HTTP/2.0\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    assertThat(send(port, "x".repeat(LoopbackReceiver.MAX_HEAD_BYTES))).as("8 KiB without the end of a head")
        .startsWith("HTTP/1.1 400 ");
    assertThat(wait).isNotDone();
    assertThat(get(port, "/sso-callback?__clerk_status=failed&__clerk_error_code=oauth_access_denied"))
        .startsWith("HTTP/1.1 200 ").contains("shows what happened");
    assertThat(wait.join().getQuery()).isEqualTo("__clerk_status=failed&__clerk_error_code=oauth_access_denied");
    assertThat(portIsFree(port)).isTrue();
  }

  @Test
  void theHeadIsReadStrictly() throws IOException {
    assertThat(head("GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n"))
        .isEqualTo(new LoopbackReceiver.Head("GET", "/a?b=c", "127.0.0.1:1"));
    assertThat(head("GET /a HTTP/1.0\r\nhOsT:  127.0.0.1:1 \r\n\r\nbody")).extracting(LoopbackReceiver.Head::host)
        .isEqualTo("127.0.0.1:1");
    assertThat(head("GET /a HTTP/1.1\nHost: 127.0.0.1:1\n\n")).as("bare LF").isNull();
    assertThat(head("GET /a HTTP/1.1\r\nHost: 127.0.0.1:1\r\n")).as("cut off").isNull();
    assertThat(head("GET /a HTTP/1.1\r\nno colon\r\n\r\n")).isNull();
    assertThat(head("get /a HTTP/1.1\r\n\r\n")).isNull();
  }

  private static LoopbackReceiver.Head head(String raw) throws IOException {
    InputStream in = new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
    return LoopbackReceiver.readHead(in);
  }

  @Test
  void theWaitIsBoundedAndClosesTheSocket() {
    int port = freePort();
    LoopbackReceiver receiver = LoopbackReceiver.bind(port, "/cb");
    assertThatThrownBy(() -> receiver.awaitCallback(Duration.ofMillis(300)))
        .isInstanceOfSatisfying(ClerkTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300)))
        .hasMessageContaining("http://127.0.0.1:" + port + "/cb");
    assertThat(receiver.isClosed()).isTrue();
    assertThat(portIsFree(port)).isTrue();
  }

  @Test
  void anInterruptCancelsTheWait() throws InterruptedException {
    int port = freePort();
    LoopbackReceiver receiver = LoopbackReceiver.bind(port, "/cb");
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try {
        receiver.awaitCallback(Duration.ofMinutes(5));
      } catch (RuntimeException e) {
        outcome.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
      done.countDown();
    });
    waiter.start();
    waiter.interrupt();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    assertThat(stillInterrupted.get()).as("the interrupt flag is kept").isTrue();
    assertThat(portIsFree(port)).isTrue();
  }

  @Test
  void closingFromAnotherThreadCancelsTheWait() {
    int port = freePort();
    LoopbackReceiver receiver = LoopbackReceiver.bind(port, "/cb");
    CompletableFuture<URI> wait = waitIn(receiver, Duration.ofMinutes(5));
    receiver.close();
    assertThatThrownBy(wait::join).cause().isInstanceOf(CancellationException.class);
    receiver.close(); // idempotent
    assertThat(portIsFree(port)).isTrue();
  }

  @Test
  void aPortInUseOrABadPathIsReportedAtBind() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> LoopbackReceiver.bind(taken.getLocalPort(), "/cb"))
          .isInstanceOf(ClerkException.class).hasMessageContaining("in use").hasMessageContaining("allowlist");
    }
    assertThatThrownBy(() -> LoopbackReceiver.bind(0, "/cb")).hasMessageContaining("fixed port");
    assertThatThrownBy(() -> LoopbackReceiver.bind(freePort(), "cb")).hasMessageContaining("URL path");
    assertThatThrownBy(() -> LoopbackReceiver.bind(freePort(), "/cb?x=1")).hasMessageContaining("without query");
  }
}
