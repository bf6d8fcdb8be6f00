package io.github.clerk4j.it.browser;

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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium (Debian's {@code chromium} package) driven over the Chrome DevTools
 * Protocol with the JDK's own WebSocket client: no WebDriver, no browser download, no dependency
 * beyond Moshi (already on the test class path) for the protocol's JSON.
 *
 * <pre>{@code
 * Chromium.assumeInstalled();                 // skips the test, with the reason, without chromium
 * try (Chromium chromium = Chromium.launch()) {
 *   BrowserPage page = chromium.newPage();
 *   page.open(url);
 *   page.type("#token", "...");
 *   page.click("button[type=submit]");
 *   page.waitForText("#outbox td.code", "424242");
 *   page.screenshot(Path.of("target/surefire-reports/browser/outbox.png"));
 * }
 * }</pre>
 *
 * <p>The browser starts with a fresh profile in a temporary directory (deleted on {@link
 * #close()}), on a DevTools port the system picks, with every background service that would reach
 * out to the network switched off. Every wait is bounded ({@link #TIMEOUT}).
 */
public final class Chromium implements AutoCloseable {
  /** How long a command, a page load or a wait may take before the test fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final Type MAP = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final JsonAdapter<Map<String, Object>> JSON = MOSHI.adapter(MAP);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, Path profile, WebSocket socket, Listener listener) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
    listener.owner = this;
  }

  /** The {@code chromium} executable on the PATH, if any. */
  public static Optional<Path> executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, "chromium"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Skips the calling test when no Chromium is installed, saying how to get one. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(executable().isPresent(),
        "chromium is not installed, so the headless-browser test cannot run: apt-get install -y chromium"
            + " chromium-driver (.ci/run installs it when missing)");
  }

  /** Starts a headless Chromium and connects to it. */
  public static Chromium launch() throws IOException, InterruptedException {
    Path executable = executable().orElseThrow(() -> new IllegalStateException(
        "chromium is not on the PATH: apt-get install -y chromium (call assumeInstalled() first)"));
    Path profile = Files.createTempDirectory("clerk4j-chromium-");
    Path log = profile.resolve("stderr.log");
    Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--user-data-dir=" + profile.resolve("profile"), "--window-size=1280,900", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    try {
      String url = devToolsUrl(process, log);
      Listener listener = new Listener();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .connectTimeout(TIMEOUT)
          .buildAsync(URI.create(url), listener)
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new Chromium(process, profile, socket, listener);
    } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
      process.destroyForcibly();
      deleteTree(profile);
      throw new IllegalStateException("could not connect to chromium's DevTools: " + e, e);
    }
  }

  /** Chromium prints the browser's DevTools URL on stderr once it listens. */
  private static String devToolsUrl(Process process, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      Matcher m = DEVTOOLS_URL.matcher(text);
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with " + process.exitValue() + " before it listened:\n"
            + text);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromium printed no DevTools URL within " + TIMEOUT + ":\n"
        + Files.readString(log));
  }

  /** Opens a new tab (1280 × 900) and attaches to it. */
  public BrowserPage newPage() {
    String targetId = (String) call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
    String sessionId = (String) call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
        .get("sessionId");
    BrowserPage page = new BrowserPage(this, sessionId);
    page.call("Page.enable", Map.of());
    page.call("Runtime.enable", Map.of());
    page.call("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    return page;
  }

  /**
   * Sends one DevTools command and waits for its result.
   *
   * @param sessionId the page's session, or null for the browser
   * @throws IllegalStateException with Chromium's error message when the command fails
   */
  Map<String, Object> call(String sessionId, String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      socket.sendText(JSON.toJson(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Map<String, Object> reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.get("error") instanceof Map<?, ?> error) {
        throw new IllegalStateException(method + " failed: " + error.get("message"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) reply.getOrDefault("result", Map.of());
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + " got no answer within " + TIMEOUT + ": " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  private void receive(String text) {
    Map<String, Object> message;
    try {
      message = JSON.fromJson(text);
    } catch (IOException e) {
      return; // not for us: every DevTools message is a JSON object
    }
    if (message != null && message.get("id") instanceof Number id) {
      CompletableFuture<Map<String, Object>> answer = pending.get(id.intValue());
      if (answer != null) {
        answer.complete(message);
      }
    }
  }

  /** Closes the browser and deletes its profile. */
  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the browser is stopped below either way
    }
    // Chromium's helpers (zygote, renderers, crash handler) outlive the browser process for a
    // moment and still write into the profile: stop them too before deleting it.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle helper : helpers) {
        try {
          helper.onExit().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          helper.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(profile);
  }

  private static void deleteTree(Path root) {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) { // a helper killed forcibly may still be flushing
      try (Stream<Path> paths = Files.walk(root)) {
        List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
        for (Path p : all) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (NoSuchFileException gone) {
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("could not delete chromium's profile " + root, last);
  }

  /** Collects text frames (a screenshot arrives in many) and hands each message to its caller. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile Chromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (owner != null) {
          owner.receive(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
