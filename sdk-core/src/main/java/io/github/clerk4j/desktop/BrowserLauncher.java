package io.github.clerk4j.desktop;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Objects;

/**
 * Opens the provider's sign-in page for {@link BrowserSignIn}: the system browser by default,
 * anything else an app prefers (a browser of its choice, a QR code, a test's HTTP client).
 */
@FunctionalInterface
public interface BrowserLauncher {

  /**
   * Opens {@code url}, an {@code https} (or, against the emulator, {@code http}) URL. Returns once
   * the page was handed to a browser, not when the person finished there.
   *
   * @param url the provider's sign-in page
   * @throws IOException the page could not be opened; {@link BrowserSignIn} then closes its
   *     receiver and fails
   */
  void open(URI url) throws IOException;

  /**
   * {@return the system's default browser through {@code java.awt.Desktop} where the platform
   * supports it (a desktop session that is not headless); elsewhere, and when the desktop refuses,
   * the URL is printed to standard output for the person to open} {@code java.awt} is looked up at
   * run time, so this also loads where it is missing (a server JVM, Android).
   */
  static BrowserLauncher system() {
    return new SystemBrowser(printTo(System.out));
  }

  /**
   * {@return a launcher that prints "Open this page in your browser to sign in: URL" to {@code
   * out}} For terminals and SSH sessions.
   *
   * @param out where the line goes, such as {@code System.out}
   */
  static BrowserLauncher printTo(PrintStream out) {
    Objects.requireNonNull(out, "out");
    return url -> {
      out.println("Open this page in your browser to sign in: " + url);
      out.flush();
    };
  }
}
