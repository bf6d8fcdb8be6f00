package io.github.clerk4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.clerk4j.testing.ClerkEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void parsesPortUsersAndSwitches(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.json");
    Files.writeString(users, "{\"users\": [{\"username\": \"cli-user\", \"password\": \"cli-password-1\"}]}");
    try (ClerkEmulator emulator = Main.parse(new String[] {"--port", "0", "--users", users.toString(),
        "--no-rate-limits", "--no-lockout", "--mfa-required", "--no-client-trust",
        "--password-iterations", "1", "--reverification-max-age", "5m", "--code-ttl", "PT30S",
        "--session-lifetime", "2h", "--clock-offset", "-1d"}).builder.build().start()) {
      assertThat(emulator.url()).startsWith("http://127.0.0.1:");
    }
  }

  @Test
  void signUpSettingsReachTheEnvironment() throws Exception {
    try (ClerkEmulator emulator = Main.parse(new String[] {"--port", "0", "--attribute", "phone_number=required",
        "--attribute", "email_address=off", "--attribute", "first_name=required", "--legal-consent",
        "--sign-up-mode", "restricted", "--password-min-length", "12", "--password-min-strength", "2"})
        .builder.build().start()) {
      String env = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/environment"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      @SuppressWarnings("unchecked")
      Map<String, Object> userSettings = (Map<String, Object>) ((Map<String, Object>) Json.read(env))
          .get("user_settings");
      assertThat(Json.write(userSettings))
          .contains("\"phone_number\":{\"enabled\":true,\"required\":true")
          .contains("\"email_address\":{\"enabled\":false,\"required\":false")
          .contains("\"first_name\":{\"enabled\":true,\"required\":true")
          .contains("\"mode\":\"restricted\"", "\"legal_consent_enabled\":true", "\"min_length\":12",
              "\"min_zxcvbn_strength\":2");
    }
  }

  @Test
  void browserSignInOptionsReachTheEnvironmentAndTheProviderPage() throws Exception {
    try (ClerkEmulator emulator = Main.parse(new String[] {"--port", "0", "--no-admin-token",
        "--oauth-provider", "google", "--idp-account", "google=ada@example.com,Ada Lovelace",
        "--enterprise-connection", "acme.com=Acme Corp", "--idp-account", "acme.com=bob@acme.com",
        "--allow-redirect-url", "http://127.0.0.1:45789/sso-callback", "--email-links"}).builder.build().start()) {
      HttpClient http = HttpClient.newHttpClient();
      String env = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/environment")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(env).contains("\"oauth_google\":{\"enabled\":true", "\"enterprise_sso\":{\"enabled\":true",
          "\"email_link\"");
      String form = "strategy=oauth_google&redirect_url=" + java.net.URLEncoder.encode("http://127.0.0.1:45789/sso-callback",
          StandardCharsets.UTF_8);
      String started = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/client/sign_ins?_is_native=true"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      String page = started.replaceAll(".*\"external_verification_redirect_url\":\"([^\"]+)\".*", "$1");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
          .body()).contains("Ada Lovelace", "ada@example.com");
      String refused = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/client/sign_ins?_is_native=true"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("strategy=oauth_google&redirect_url=myapp%3A%2F%2Fcallback")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(refused).contains("redirect_url_domain_mismatch");
    }
    assertThatThrownBy(() -> Main.parse(new String[] {"--idp-account", "github=x@example.com"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no --oauth-provider or --enterprise-connection");
    assertThatThrownBy(() -> Main.parse(new String[] {"--idp-account", "x@example.com"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROVIDER=EMAIL");
    assertThatThrownBy(() -> Main.parse(new String[] {"--oauth-provider", "google", "--oauth-provider", "google"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    assertThatThrownBy(() -> Main.parse(new String[] {"--enterprise-connection", "acme.com",
        "--idp-account", "acme.com=eve@example.com"})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot have the account eve@example.com");
  }

  @Test
  void accountSwitchesReachTheEnvironment() throws Exception {
    try (ClerkEmulator emulator = Main.parse(new String[] {"--port", "0", "--no-delete-self",
        "--attribute", "phone_number=required", "--no-admin-token"}).builder.build().start()) {
      String env = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.url() + "/v1/environment")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> settings = (java.util.Map<String, Object>)
          ((java.util.Map<String, Object>) Json.read(env)).get("user_settings");
      assertThat(settings.get("actions").toString()).contains("delete_self=false");
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> attributes = (java.util.Map<String, Object>) settings.get("attributes");
      assertThat(attributes.get("email_address").toString()).contains("required=true");
      assertThat(attributes.get("phone_number").toString()).contains("required=true");
      assertThat(attributes.get("username").toString()).contains("required=false");
    }
  }

  @Test
  void refusesBadSignUpSettings() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--attribute", "nickname=required"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got nickname");
    assertThatThrownBy(() -> Main.parse(new String[] {"--attribute", "username"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("=off, =optional or =required");
    assertThatThrownBy(() -> Main.parse(new String[] {"--sign-up-mode", "closed"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public, restricted or waitlist");
    assertThatThrownBy(() -> Main.parse(new String[] {"--password-min-strength", "5"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 4");
    assertThatThrownBy(() -> Main.parse(new String[] {"--attribute", "email_address=optional"}).builder.build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("make email_address, phone_number or username required");
  }

  @Test
  void rejectsUnknownOptionsAndMissingValues() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--frobnicate"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number");
    assertThatThrownBy(() -> Main.parse(new String[] {"--password-iterations", "0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Main.parse(new String[] {"--code-ttl", "ten minutes"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--code-ttl needs a duration");
    assertThatThrownBy(() -> Main.parse(new String[] {"--session-lifetime", "-1h"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> Main.parse(new String[] {"--clock-start", "tomorrow"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030-01-01T09:00:00Z");
    assertThatThrownBy(() -> Main.parse(new String[] {"--clock-start", "2030-01-01T00:00:00Z",
        "--clock-offset", "1h"})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> Main.parse(new String[] {"--admin-token", "t", "--no-admin-token"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
  }

  @Test
  void theStandaloneJarMakesUpAnAdminTokenUnlessToldOtherwise() {
    Main.Options made = Main.parse(new String[0]);
    assertThat(made.adminToken).hasSizeGreaterThanOrEqualTo(20);
    assertThat(Main.parse(new String[0]).adminToken).isNotEqualTo(made.adminToken);
    assertThat(Main.parse(new String[] {"--admin-token", "mine"}).adminToken).isEqualTo("mine");
    assertThat(Main.parse(new String[] {"--no-admin-token"}).adminToken).isNull();
  }

  @Test
  void aPortInUseIsOneLineAndExitStatusOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Main.run(new String[] {"--port", Integer.toString(taken.getLocalPort())},
          new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
          emulator -> { throw new AssertionError("must not start"); });
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8).strip())
          .isEqualTo("error: port " + taken.getLocalPort() + " on 127.0.0.1 is in use: stop what uses it,"
              + " or pass --port N (--port 0 picks a free one)");
    }
  }

  @Test
  void badOptionsAreExitStatusTwoWithoutAStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new String[] {"--code-ttl"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), emulator -> { });
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --code-ttl needs a value")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aDataDirectoryKeepsStateAcrossRunsAndACorruptOneIsOneErrorLine(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.json");
    Files.writeString(users, "{\"users\": [{\"email\": \"kept@example.com\", \"password\": \"kept-password-1\"}]}");
    Path data = dir.resolve("data");
    Path export = dir.resolve("export.json");
    String[] args = {"--port", "0", "--no-admin-token", "--users", users.toString(), "--data-dir", data.toString(),
        "--export-on-exit", export.toString()};
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    assertThat(Main.run(args, new PrintStream(first, true, StandardCharsets.UTF_8), System.err, ClerkEmulator::close))
        .isZero();
    assertThat(first.toString(StandardCharsets.UTF_8)).contains("Seeded 1 users in")
        .contains("State kept in " + data.resolve("emulator-state.json"));
    assertThat(export).exists();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    assertThat(Main.run(args, new PrintStream(second, true, StandardCharsets.UTF_8), System.err, ClerkEmulator::close))
        .isZero();
    assertThat(second.toString(StandardCharsets.UTF_8))
        .contains("Started from " + data.resolve("emulator-state.json")).contains("users are not seeded again");

    Files.writeString(data.resolve("emulator-state.json"), "garbage");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
        ClerkEmulator::close)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("not valid JSON")
        .doesNotContain("\tat ");
    assertThat(Files.readString(data.resolve("emulator-state.json"))).isEqualTo("garbage");
  }

  @Test
  void clockStartAndTheAdminCallMoveTheEmulatorsClock() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicReference<String> seen = new AtomicReference<>();
    int exit = Main.run(new String[] {"--port", "0", "--clock-start", "2030-01-01T09:00:00Z",
        "--admin-token", "the-admin-token"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err, emulator -> {
          try (emulator) {
            HttpClient http = HttpClient.newHttpClient();
            URI clock = URI.create(emulator.url() + "/__emulator/clock");
            assertThat(http.send(HttpRequest.newBuilder(clock).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
            String before = http.send(HttpRequest.newBuilder(clock).header("Authorization", "Bearer the-admin-token")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> moved = http.send(HttpRequest.newBuilder(clock)
                .header("Authorization", "Bearer the-admin-token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("advance=2h")).build(),
                HttpResponse.BodyHandlers.ofString());
            seen.set(before + "\n" + moved.statusCode() + " " + moved.body());
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Publishable key: pk_test_").contains("/__emulator/clock")
        .contains("Admin token: the-admin-token");
    String[] lines = seen.get().split("\n");
    Instant before = Instant.parse(field(lines[0], "iso"));
    assertThat(Duration.between(Instant.parse("2030-01-01T09:00:00Z"), before)).isBetween(Duration.ZERO, Duration.ofMinutes(5));
    assertThat(lines[1]).startsWith("200 ").contains("\"advanced_by_seconds\":7200");
    Instant after = Instant.parse(field(lines[1].substring(4), "iso"));
    assertThat(Duration.between(before, after)).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(5));
  }

  private static String field(String json, String name) {
    return ((java.util.Map<?, ?>) Json.read(json)).get(name).toString();
  }
}
