package io.github.clerk4j.it.support;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium for tests, driven over its DevTools protocol with the JDK's WebSocket
 * and Moshi (already on the test class path): no WebDriver, no download. Started from the
 * machine's own Chromium (Debian's {@code chromium} package) with a fresh profile, stopped and its
 * profile deleted by {@link #close()}. Every wait is bounded.
 *
 * <pre>{@code
 * assumeTrue(HeadlessChromium.executable().isPresent(), HeadlessChromium.MISSING);
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {
 *   HeadlessChromium.Page page = chromium.newPage();
 *   page.navigate("http://127.0.0.1:8787/...");
 *   page.evaluate("document.querySelector('button').click()");
 *   page.waitUntil("document.body.innerText.includes('Signed in')", Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Why a test that needs Chromium is skipped without it. */
  public static final String MISSING = "no chromium on this machine: install Debian's chromium package"
      + " (apt-get install -y chromium chromium-driver; .ci/run does), or name one with -Dchromium.path=...";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Type MAP = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build().adapter(MAP);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
  /** Events ({@code method} without {@code id}), for the waits of {@link Page#navigate}. */
  private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /**
   * The Chromium to run: {@code -Dchromium.path}, else {@code chromium}, {@code chromium-browser}
   * or {@code google-chrome} on the {@code PATH}.
   */
  public static Optional<Path> executable() {
    String configured = System.getProperty("chromium.path");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts Chromium headless with a fresh profile and connects to its DevTools endpoint (the port
   * it picked, from the profile's {@code DevToolsActivePort}).
   *
   * @throws IllegalStateException no Chromium, or it did not come up within 30 seconds
   */
  public static HeadlessChromium start() throws IOException {
    Path chromium = executable().orElseThrow(() -> new IllegalStateException(MISSING));
    Path profile = Files.createTempDirectory("clerk4j-chromium-");
    Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    try {
      URI endpoint = devToolsEndpoint(process, profile);
      CdpListener listener = new CdpListener();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, listener)
          .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium c = new HeadlessChromium(process, profile, socket);
      listener.owner = c;
      return c;
    } catch (Exception e) {
      stop(process);
      deleteTree(profile);
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("chromium did not start: " + e, e);
    }
  }

  private static URI devToolsEndpoint(Process process, Path profile) throws IOException, InterruptedException {
    Path active = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
            + Files.readString(profile.resolve("chromium.log")));
      }
      if (Files.exists(active)) {
        List<String> lines = Files.readAllLines(active);
        if (lines.size() >= 2) {
          return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromium wrote no DevToolsActivePort within " + START_TIMEOUT);
  }

  /** A new tab, attached in flat mode: its commands carry its session id. */
  public Page newPage() {
    String targetId = (String) call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
    String sessionId = (String) call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
        .get("sessionId");
    Page page = new Page(sessionId);
    page.call("Page.enable", Map.of());
    page.call("Runtime.enable", Map.of());
    return page;
  }

  /** One tab. */
  public final class Page {
    private final String sessionId;

    private Page(String sessionId) {
      this.sessionId = sessionId;
    }

    Map<String, Object> call(String method, Map<String, Object> params) {
      return HeadlessChromium.this.call(sessionId, method, params);
    }

    /** Opens {@code url} and waits for its load event. */
    public void navigate(String url) {
      events.clear();
      Map<String, Object> result = call("Page.navigate", Map.of("url", url));
      if (result.get("errorText") != null) {
        throw new IllegalStateException("chromium could not open " + url + ": " + result.get("errorText"));
      }
      awaitEvent("Page.loadEventFired");
    }

    /** Runs a JavaScript expression in the page and returns its value (a string, number, boolean or null). */
    public Object evaluate(String expression) {
      Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
          "awaitPromise", true));
      if (result.get("exceptionDetails") != null) {
        throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) result.get("result");
      return value == null ? null : value.get("value");
    }

    /**
     * Waits until {@code condition} (a JavaScript expression) is true in the page, checking every
     * 50 ms; navigations in between are fine.
     *
     * @throws IllegalStateException it was not true within {@code timeout}; the message has the page's URL
     */
    public void waitUntil(String condition, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        try {
          if (Boolean.TRUE.equals(evaluate(condition))) {
            return;
          }
        } catch (IllegalStateException navigating) {
          // the context went away with a navigation: ask again in the next one
        }
        sleep(50);
      }
      throw new IllegalStateException("not true within " + timeout + ": " + condition + " (at " + safeUrl() + ")");
    }

    private Object safeUrl() {
      try {
        return evaluate("location.href");
      } catch (RuntimeException e) {
        return "unknown";
      }
    }

    private void awaitEvent(String method) {
      long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        Map<String, Object> e;
        try {
          e = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ex);
        }
        if (e != null && method.equals(e.get("method")) && sessionId.equals(e.get("sessionId"))) {
          return;
        }
      }
      throw new IllegalStateException("no " + method + " within " + CALL_TIMEOUT);
    }
  }

  private Map<String, Object> call(String sessionId, String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    socket.sendText(JSON.toJson(message), true).join();
    try {
      Map<String, Object> reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.get("error") != null) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) reply.getOrDefault("result", Map.of());
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer: " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  private void received(String text) {
    Map<String, Object> message;
    try {
      message = JSON.fromJson(text);
    } catch (IOException e) {
      return;
    }
    Object id = message.get("id");
    if (id instanceof Number n) {
      CompletableFuture<Map<String, Object>> answer = pending.get(n.intValue());
      if (answer != null) {
        answer.complete(message);
      }
    } else if (message.get("method") != null) {
      events.add(message);
    }
  }

  /** Collects the text frames of one message, then hands it over. */
  private static final class CdpListener implements WebSocket.Listener {
    volatile HeadlessChromium owner;
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (owner != null) {
          owner.received(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /** Closes the browser, waits for it to exit (10 s, then it is killed) and deletes its profile. */
  @Override
  public void close() {
    try {
      call(null, "Browser.close", Map.of());
    } catch (RuntimeException e) {
      // it may be gone already; the process is stopped below either way
    } finally {
      socket.abort();
      stop(process);
      deleteTree(profile);
    }
  }

  private static void stop(Process process) {
    // Its renderer and GPU helpers, taken now: once the browser is gone they are nobody's children.
    List<ProcessHandle> helpers = process.descendants().toList();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete chromium's profile " + root, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
