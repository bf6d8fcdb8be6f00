/**
 * clerk4j's test support: {@link io.github.clerk4j.testing.ClerkEmulator}, a local Clerk Frontend
 * API to sign in against, its JUnit 5 extension, and {@code TransportContractSuite}, the suite a
 * transport passes. The emulator needs no SDK class; the SDK, JUnit and MockWebServer are needed
 * only by the parts that use them, so they are static requirements here.
 */
module io.github.clerk4j.testing {
  exports io.github.clerk4j.testing;
  exports io.github.clerk4j.testing.transport;

  requires jdk.httpserver;
  requires java.net.http; // EmulatedBrowser, the person at the fake provider page
  requires com.squareup.moshi;
  requires okio;

  requires static io.github.clerk4j;
  requires static org.junit.jupiter.api;
  requires static mockwebserver3;
  requires static okhttp3;

  // nullness annotations, for compilers and IDEs only
  requires static org.jspecify;
}
