package io.github.clerk4j.internal;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * clerk4j's one logger, {@code io.github.clerk4j}. On a JVM it writes through {@link
 * System.Logger}, so that SLF4J, Log4j 2 or {@code java.util.logging} get the records as the
 * application configured; on Android, which has no {@code System.Logger}, through {@code
 * java.util.logging}, which Android forwards to logcat. Messages are built only when the level is
 * enabled, and are redacted by their callers.
 *
 * <p>Routine lines (requests, retries, token rotation) are DEBUG; INFO and above only say that
 * something the application should know about happened (the server dropped the client, a listener
 * threw).
 */
public final class Log {

  /** The logger's name, for the application's logging configuration. */
  public static final String NAME = "io.github.clerk4j";

  /** What writes the records. */
  interface Backend {
    boolean debugEnabled();

    void log(boolean warning, boolean debug, String message);
  }

  private static final Backend BACKEND = backend();

  private Log() {}

  /** Whether DEBUG records are written, to skip building expensive messages. */
  public static boolean debugEnabled() {
    return BACKEND.debugEnabled();
  }

  public static void debug(String message) {
    if (BACKEND.debugEnabled()) {
      BACKEND.log(false, true, message);
    }
  }

  public static void debug(Supplier<String> message) {
    if (BACKEND.debugEnabled()) {
      BACKEND.log(false, true, message.get());
    }
  }

  public static void info(Supplier<String> message) {
    BACKEND.log(false, false, message.get());
  }

  public static void warn(Supplier<String> message) {
    BACKEND.log(true, false, message.get());
  }

  /**
   * {@code System.Logger} where the platform has it (loaded by name, so that this class never
   * links against it on Android), else {@code java.util.logging}.
   */
  private static Backend backend() {
    try {
      Class.forName("java.lang.System$Logger", false, Log.class.getClassLoader());
      return (Backend) Class.forName("io.github.clerk4j.internal.SystemLoggerBackend")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError noSystemLogger) {
      return new JulBackend();
    }
  }

  /** {@code java.util.logging}: on Android, where {@code System.Logger} does not exist. */
  static final class JulBackend implements Backend {
    private final Logger logger = Logger.getLogger(NAME);

    @Override
    public boolean debugEnabled() {
      return logger.isLoggable(Level.FINE);
    }

    @Override
    public void log(boolean warning, boolean debug, String message) {
      logger.log(warning ? Level.WARNING : debug ? Level.FINE : Level.INFO, message);
    }
  }
}
