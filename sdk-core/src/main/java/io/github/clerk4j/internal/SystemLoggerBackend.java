package io.github.clerk4j.internal;

import java.lang.System.Logger.Level;

/**
 * {@link Log}'s backend on a JVM: {@link System.Logger}, which the JDK routes to {@code
 * java.util.logging} unless the application installs another {@code LoggerFinder} (SLF4J's {@code
 * slf4j-jdk-platform-logging}, Log4j 2's {@code log4j-jpl}). Made by name from {@link Log}, so
 * that nothing links against it where {@code System.Logger} is missing (Android).
 */
@JvmOnly
final class SystemLoggerBackend implements Log.Backend {

  private final System.Logger logger = System.getLogger(Log.NAME);

  SystemLoggerBackend() {}

  @Override
  public boolean debugEnabled() {
    return logger.isLoggable(Level.DEBUG);
  }

  @Override
  public void log(boolean warning, boolean debug, String message) {
    logger.log(warning ? Level.WARNING : debug ? Level.DEBUG : Level.INFO, message);
  }
}
