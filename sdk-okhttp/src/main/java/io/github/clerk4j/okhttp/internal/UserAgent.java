package io.github.clerk4j.okhttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code clerk4j/<version> (Java <java.version>)}: tells Clerk (and proxies) who is calling. */
public final class UserAgent {

  private static final String VERSION_RESOURCE = "/io/github/clerk4j/okhttp/version.properties";

  /** The header value of this build. */
  public static final String VALUE =
      "clerk4j/" + version() + " (Java " + System.getProperty("java.version", "unknown") + ")";

  private UserAgent() {}

  /**
   * The version Maven wrote into {@code version.properties}; else the jar manifest's
   * Implementation-Version (a repackaged jar may drop resources but keep the manifest); else {@code
   * dev} (classes run from an IDE without resource filtering).
   */
  static String version() {
    try (InputStream in = UserAgent.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException unreadable) {
      // fall through to the manifest: the version is informative, never worth failing for
    }
    String fromManifest = UserAgent.class.getPackage().getImplementationVersion();
    return fromManifest == null ? "dev" : fromManifest;
  }
}
