package io.github.clerk4j.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One tab of a {@link Chromium}: open a URL, wait for a selector or a text, click, type, evaluate
 * JavaScript, take a screenshot. Clicks and typing are real input events (the mouse pressed at the
 * element's centre, text inserted at the focus), so forms submit as they do for a person. Every
 * wait ends within {@link Chromium#TIMEOUT}, failing with what it waited for and what the page
 * showed.
 */
public final class BrowserPage {
  private final Chromium browser;
  private final String sessionId;

  BrowserPage(Chromium browser, String sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
  }

  Map<String, Object> call(String method, Map<String, ?> params) {
    return browser.call(sessionId, method, params);
  }

  /** Loads the URL and waits until the document has loaded. */
  public BrowserPage open(String url) {
    Map<String, Object> result = call("Page.navigate", Map.of("url", url));
    if (result.get("errorText") instanceof String error && !error.isEmpty()) {
      throw new IllegalStateException("could not open " + url + ": " + error);
    }
    return waitUntilLoaded();
  }

  /** Waits until the current document (after a navigation or a form submission) has loaded. */
  public BrowserPage waitUntilLoaded() {
    waitFor("the page to load", () -> "complete".equals(evaluate("document.readyState")));
    return this;
  }

  /** The page's URL. */
  public String url() {
    return (String) evaluate("location.href");
  }

  /**
   * Evaluates a JavaScript expression in the page and returns its value (strings, numbers,
   * booleans, null; objects as JSON-like maps and lists). A thrown exception fails the test.
   */
  public Object evaluate(String expression) {
    Map<String, Object> result = call("Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.get("exceptionDetails") instanceof Map<?, ?> details) {
      Object exception = details.get("exception") instanceof Map<?, ?> e ? e.get("description") : details.get("text");
      throw new IllegalStateException("JavaScript failed: " + expression + "\n" + exception);
    }
    Map<?, ?> value = (Map<?, ?>) result.get("result");
    return value == null ? null : value.get("value");
  }

  /** Waits until an element matches the CSS selector. */
  public BrowserPage waitFor(String selector) {
    waitFor("an element " + selector, () -> Boolean.TRUE.equals(evaluate("!!document.querySelector(" + js(selector) + ")")));
    return this;
  }

  /** Waits until an element matching the selector contains the text, and returns that element's text. */
  public String waitForText(String selector, String text) {
    String expression = "Array.from(document.querySelectorAll(" + js(selector) + "))"
        + ".map(e => e.textContent).find(t => t.includes(" + js(text) + ")) || null";
    waitFor("\"" + text + "\" in " + selector, () -> evaluate(expression) != null);
    return (String) evaluate(expression);
  }

  /** The text of the first element matching the selector; fails if there is none. */
  public String text(String selector) {
    waitFor(selector);
    return (String) evaluate("document.querySelector(" + js(selector) + ").textContent");
  }

  /** Clicks the first element matching the selector with the mouse, at its centre. */
  public BrowserPage click(String selector) {
    waitFor(selector);
    @SuppressWarnings("unchecked")
    Map<String, Object> box = (Map<String, Object>) evaluate("(() => { const e = document.querySelector(" + js(selector)
        + "); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
    for (String type : new String[] {"mousePressed", "mouseReleased"}) {
      call("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x"), "y", box.get("y"),
          "button", "left", "clickCount", 1));
    }
    return this;
  }

  /** Focuses the first element matching the selector, clears it and types the text. */
  public BrowserPage type(String selector, String text) {
    waitFor(selector);
    evaluate("(() => { const e = document.querySelector(" + js(selector) + "); e.focus(); e.value = ''; })()");
    call("Input.insertText", Map.of("text", text));
    return this;
  }

  /** Saves a PNG of the whole page (beyond the viewport) and returns the file. */
  public Path screenshot(Path file) {
    Map<String, Object> shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the screenshot " + file, e);
    }
    return file;
  }

  private void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Chromium.TIMEOUT.toNanos();
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (IllegalStateException e) {
        // a navigation can destroy the context an expression ran in: ask again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + Chromium.TIMEOUT.toSeconds() + " s for " + what + " on " + safe(() -> url())
            + "; the page shows:\n" + safe(() -> (String) evaluate("document.body ? document.body.innerText.slice(0, 2000) : ''")));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private static String safe(Supplier<String> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A JavaScript string literal of the text. */
  static String js(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public String toString() {
    return "BrowserPage[" + sessionId + "]";
  }
}
