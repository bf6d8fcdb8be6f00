package io.github.clerk4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a redaction test has seen: every line clerk4j logged through {@link System.Logger} (at all
 * levels, captured from the JDK logging backend it defaults to) and every text the test collected
 * with {@link #see} and {@link #seeFailure}, so that one assertion checks that no secret appears
 * in any of them. Register with {@code @RegisterExtension}.
 */
final class SecretCapture implements BeforeEachCallback, AfterEachCallback {

  private final List<String> logLines = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private Logger julLogger;
  private Handler handler;
  private Level oldLevel;

  @Override
  public void beforeEach(ExtensionContext context) {
    julLogger = Logger.getLogger("io.github.clerk4j");
    oldLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    SimpleFormatter fmt = new SimpleFormatter();
    handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        // the SDK logs from its executor threads too
        synchronized (logLines) {
          logLines.add(fmt.format(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    julLogger.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    julLogger.removeHandler(handler);
    julLogger.setLevel(oldLevel);
  }

  /** Records {@code o}'s {@code toString()}. */
  void see(Object o) {
    texts.add(String.valueOf(o));
  }

  /** Runs {@code r}, which must fail, and records the failure and its causes. */
  void seeFailure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.toString());
        texts.add(String.valueOf(t.getMessage()));
      }
      return;
    }
    throw new AssertionError("expected a failure");
  }

  /** The log lines so far, for checking that the capture worked. */
  List<String> logLines() {
    synchronized (logLines) {
      return List.copyOf(logLines);
    }
  }

  /** The texts recorded by {@link #see} and {@link #seeFailure}. */
  List<String> texts() {
    return List.copyOf(texts);
  }

  /** Fails if any recorded text or log line contains any of {@code secrets}. */
  void assertNoneContains(List<String> secrets) {
    List<String> all = new ArrayList<>(texts);
    all.addAll(logLines());
    for (String secret : secrets) {
      assertThat(all).as("texts containing a secret").noneMatch(t -> t.contains(secret));
    }
  }
}
