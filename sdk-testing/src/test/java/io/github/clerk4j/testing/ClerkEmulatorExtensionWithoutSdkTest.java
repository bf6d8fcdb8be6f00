package io.github.clerk4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * clerk4j-core is an optional dependency of this module, used only for injecting a {@code Clerk}:
 * users who test with the emulator alone must not need it. This runs the extension's own tests
 * again in a class loader holding this module's test class path minus the SDK, where loading any
 * SDK class fails.
 */
class ClerkEmulatorExtensionWithoutSdkTest {

  @Test
  void extensionInjectsEmulatorsWithoutTheSdkOnTheClassPath() throws Exception {
    URL[] withoutSdk = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !isSdk(Path.of(entry)))
        .map(ClerkEmulatorExtensionWithoutSdkTest::url)
        .toArray(URL[]::new);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(withoutSdk, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("io.github.clerk4j.Clerk")).isInstanceOf(ClassNotFoundException.class);
      thread.setContextClassLoader(loader); // where the launcher looks for the Jupiter engine
      String summary = (String) loader.loadClass(Launch.class.getName())
          .getMethod("run", String[].class)
          .invoke(null, (Object) new String[] {
              ClerkEmulatorExtensionTest.class.getName(), ClerkEmulatorExtensionStaticTest.class.getName()});
      assertThat(summary).startsWith("3 succeeded, 0 failed");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** clerk4j-core or clerk4j-okhttp, as a jar from a repository or a reactor module's classes. */
  private static boolean isSdk(Path entry) {
    String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
    return name.startsWith("clerk4j-core") || name.startsWith("clerk4j-okhttp")
        || entry.toAbsolutePath().toString().contains(File.separator + "sdk-core" + File.separator)
        || entry.toAbsolutePath().toString().contains(File.separator + "sdk-okhttp" + File.separator);
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }

  /** Loaded in the SDK-less class loader, so that the tests it runs see only that loader's classes. */
  public static final class Launch {
    private Launch() {}

    /** Runs test classes; answers "N succeeded, M failed" and the failures. */
    public static String run(String... testClasses) {
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(Arrays.stream(testClasses).map(DiscoverySelectors::selectClass).toList())
          .build(), listener);
      TestExecutionSummary summary = listener.getSummary();
      StringWriter failures = new StringWriter();
      summary.printFailuresTo(new PrintWriter(failures), 20);
      return summary.getTestsSucceededCount() + " succeeded, " + summary.getTotalFailureCount() + " failed"
          + failures;
    }
  }
}
