/**
 * clerk4j: a client for Clerk's Frontend API. {@link io.github.clerk4j.Clerk} is the entry point;
 * {@code io.github.clerk4j.spi} is what a transport implements, {@code io.github.clerk4j.desktop}
 * signs in through the system browser. A transport module (clerk4j-okhttp)
 * on the module path is found through {@link io.github.clerk4j.spi.TransportFactory} by service
 * binding, so an application needs only {@code requires io.github.clerk4j}.
 */
module io.github.clerk4j {
  exports io.github.clerk4j;
  exports io.github.clerk4j.spi;
  exports io.github.clerk4j.desktop;

  uses io.github.clerk4j.spi.TransportFactory;

  // Only where System.Logger is missing (Android, which has no module system) does the logging
  // facade fall back to java.util.logging; on a JVM nothing needs java.logging resolved.
  requires static java.logging;

  // nullness annotations, for compilers and IDEs only
  requires static org.jspecify;
}
