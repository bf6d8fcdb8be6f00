package io.github.clerk4j;

import static io.github.clerk4j.Fixtures.jwt;
import static io.github.clerk4j.Fixtures.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.clerk4j.internal.TokenKeeper;
import io.github.clerk4j.spi.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.github.clerk4j.spi.FapiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client-token rules of wire spec §1.2. */
class TokenStoreTest {

  final FakeTransport fake = new FakeTransport();

  @Test
  void aRotatedTokenIsSentVerbatimOnTheNextRequest() {
    TokenStore store = TokenStore.inMemory();
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    String t1 = "Bearer " + jwt("client_1", 1000, 99999);
    String t2 = "Bearer " + jwt("client_1", 2000, 99999);
    fake.thenRespond(Fixtures.client("client_1", Fixtures.T0, null, null), null, t1)
        .thenRespond(signIn("sia_1", "needs_first_factor").build(), null, t2)
        .thenRespond(signIn("sia_1", "needs_first_factor").build());
    clerk.loadClient();
    clerk.signIn().create(SignInCreateParams.identifier("ada@example.com")).reload();
    assertThat(fake.request(0).clientToken()).isNull();
    assertThat(fake.request(1).clientToken()).isEqualTo(t1);
    assertThat(fake.request(2).clientToken()).isEqualTo(t2);
    assertThat(store.get()).contains(t2);
  }

  @Test
  void aLateResponseWithAnOlderJwtDoesNotOverwrite() {
    TokenStore store = TokenStore.inMemory();
    TokenKeeper keeper = new TokenKeeper(store);
    String older = "Bearer " + jwt("client_1", 1000, 99999);
    String newer = "Bearer " + jwt("client_1", 2000, 99999);
    long first = keeper.ticket();
    long second = keeper.ticket();
    // the later request's older token: iat decides, not arrival
    assertThat(keeper.onResponse(first, null, newer)).isTrue();
    assertThat(keeper.onResponse(second, null, older)).isFalse();
    assertThat(store.get()).contains(newer);
  }

  /**
   * Two requests sent with the same token, the later one taken by the server before the earlier
   * one rotated the token (same second, same {@code iat}): whichever answer comes last, the
   * rotated token stays. Found while writing it.faults.ConcurrencyTest.
   */
  @Test
  void anAnswerHandingBackTheTokenItWasSentWithNeverUndoesARotation() {
    String old = "Bearer " + jwt("client_1", 1000, 99999);
    String rotated = "Bearer " + jwt("client_1", 1000, 99998);
    for (boolean rotationFirst : new boolean[] {true, false}) {
      TokenStore store = TokenStore.inMemory();
      TokenKeeper keeper = new TokenKeeper(store);
      keeper.onResponse(keeper.ticket(), null, old);
      long rotating = keeper.ticket();
      long overtaking = keeper.ticket();
      if (rotationFirst) {
        assertThat(keeper.onResponse(rotating, old, rotated)).isTrue();
        assertThat(keeper.onResponse(overtaking, old, old)).isFalse();
      } else {
        assertThat(keeper.onResponse(overtaking, old, old)).isFalse();
        assertThat(keeper.onResponse(rotating, old, rotated)).isTrue();
      }
      assertThat(store.get()).as("rotation answered first: %s", rotationFirst).contains(rotated);
    }
  }

  @Test
  void withoutJwtsRequestOrderDecides() {
    TokenStore store = TokenStore.inMemory();
    TokenKeeper keeper = new TokenKeeper(store);
    long a = keeper.ticket();
    long b = keeper.ticket();
    keeper.onResponse(b, null, "opaque-b");
    keeper.onResponse(a, null, "opaque-a");
    assertThat(store.get()).contains("opaque-b");
    long c = keeper.ticket();
    keeper.onResponse(c, null, "opaque-c");
    assertThat(keeper.current()).isEqualTo("opaque-c");
  }

  @Test
  void anEmptyOrBareBearerHeaderClearsTheToken() {
    TokenStore store = TokenStore.inMemory();
    TokenKeeper keeper = new TokenKeeper(store);
    keeper.onResponse(keeper.ticket(), null, "Bearer abc");
    keeper.onResponse(keeper.ticket(), null, "Bearer");
    assertThat(store.get()).isEmpty();
    keeper.onResponse(keeper.ticket(), null, "Bearer def");
    keeper.onResponse(keeper.ticket(), null, "");
    assertThat(store.get()).isEmpty();
    // an absent header changes nothing
    keeper.onResponse(keeper.ticket(), null, "Bearer ghi");
    keeper.onResponse(keeper.ticket(), null, null);
    assertThat(store.get()).contains("Bearer ghi");
  }

  private static ClerkApiException apiError(int status, String code) {
    return new ClerkApiException(status, List.of(new ClerkError(code, "m", "l", Map.of())), "trace");
  }

  /** The first request of a new client can fail (422) and still issue the client's token. */
  @Test
  void aTokenIssuedWithAnErrorIsKeptAndSentNext() {
    TokenStore store = TokenStore.inMemory();
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    String issued = "Bearer " + jwt("client_1", 1000, 99999);
    ClerkApiException sent = apiError(422, "form_identifier_not_found");
    fake.thenRefuse(sent, issued).thenRespond(signIn("sia_1", "needs_first_factor").build());

    ClerkApiException seen = catchThrowableOfType(ClerkApiException.class,
        () -> clerk.signIn().create(SignInCreateParams.identifier("nobody@example.com")));
    clerk.signIn().create(SignInCreateParams.identifier("ada@example.com"));

    assertThat(store.get()).contains(issued);
    assertThat(fake.request(0).clientToken()).isNull();
    assertThat(fake.request(1).clientToken()).isEqualTo(issued);
    assertThat(seen.isIdentifierNotFound()).isTrue();
    assertThat(seen.getMessage()).isEqualTo(sent.getMessage()).doesNotContain(issued);
  }

  @Test
  void anErrorCarryingAnOlderTokenThanTheStoredOneIsIgnored() {
    TokenStore store = TokenStore.inMemory();
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    String older = "Bearer " + jwt("client_1", 1000, 99999);
    String newer = "Bearer " + jwt("client_1", 2000, 99999);
    fake.thenRespond(Fixtures.client("client_1", Fixtures.T0, null, null), null, newer)
        .thenRefuse(apiError(422, "form_code_incorrect"), older);
    clerk.loadClient();
    assertThatThrownBy(() -> clerk.signIn().create(SignInCreateParams.identifier("ada@example.com")))
        .isInstanceOf(ClerkApiException.class);
    assertThat(store.get()).contains(newer);
  }

  @Test
  void aBareBearerOnAnErrorClearsTheToken() {
    TokenStore store = TokenStore.inMemory();
    store.set("Bearer stored");
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    fake.thenRefuse(apiError(400, "client_state_invalid"), "Bearer");
    assertThatThrownBy(clerk::loadClient).isInstanceOf(ClerkApiException.class);
    assertThat(store.get()).isEmpty();
  }

  /** A 429 is retried; the token it carried goes out with the retry, and the type survives. */
  @Test
  void aRateLimitedAnswerRotatesTheTokenBeforeTheRetry() {
    TokenStore store = TokenStore.inMemory();
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    String rotated = "Bearer " + jwt("client_1", 3000, 99999);
    ClerkRateLimitException limited =
        new ClerkRateLimitException(List.of(), null, java.time.Duration.ofSeconds(1), null);
    fake.thenRefuse(limited, rotated).thenRefuse(limited, rotated).thenRefuse(limited, rotated);
    ClerkRateLimitException seen = catchThrowableOfType(ClerkRateLimitException.class, clerk::loadClient);
    assertThat(seen.retryAfter()).contains(java.time.Duration.ofSeconds(1));
    assertThat(fake.request(1).clientToken()).isEqualTo(rotated);
    assertThat(store.get()).contains(rotated);
  }

  @Test
  void theTokenOfARefusalIsNotShownByTheAnswer() {
    String secret = jwt("client_secret", 1000, 99999);
    assertThat(FapiResponse.refusal(apiError(422, "form_code_incorrect"), "Bearer " + secret).toString())
        .doesNotContain(secret)
        .contains("form_code_incorrect");
  }

  @Test
  void signOutClearsTheTokenEvenWhenTheCallFails() {
    TokenStore store = TokenStore.inMemory();
    store.set("Bearer stored-client-token");
    Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(store).build();
    fake.thenRespond(Fixtures.client("client_1", Fixtures.T0, null, "sess_1", Fixtures.session("sess_1", "active")))
        .thenThrow(new ClerkNetworkException("connection reset", new IOException(), true));
    clerk.loadClient();
    List<Optional<Session>> sessions = new ArrayList<>();
    clerk.addListener(ClerkListener.onSession(sessions::add));
    assertThat(clerk.session()).isPresent();
    assertThatThrownBy(clerk::signOut).isInstanceOf(ClerkNetworkException.class);
    assertThat(fake.endpoints()).containsExactly(Endpoint.GET_CLIENT, Endpoint.DELETE_CLIENT);
    assertThat(fake.request(1).clientToken()).isEqualTo("Bearer stored-client-token");
    assertThat(store.get()).isEmpty();
    assertThat(clerk.session()).isEmpty();
    assertThat(clerk.client().id()).isEmpty();
    assertThat(sessions).containsExactly(Optional.empty());
  }

  @Test
  void aResponseToARequestSentBeforeSignOutCannotRestoreTheToken() {
    TokenStore store = TokenStore.inMemory();
    TokenKeeper keeper = new TokenKeeper(store);
    long before = keeper.ticket();
    keeper.clear();
    keeper.onResponse(before, null, "Bearer " + jwt("client_1", 5000, 99999));
    assertThat(store.get()).isEmpty();
  }

  @Test
  void fileStoreIsOwnerOnlyAndReplacedAtomically(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("state").resolve("clerk-token");
    TokenStore store = TokenStore.file(file);
    assertThat(store.get()).isEmpty();
    store.set("Bearer first");
    store.set("Bearer second");
    assertThat(store.get()).contains("Bearer second");
    assertThat(Files.readString(file)).isEqualTo("Bearer second");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).as("no temp file left behind, only the lock")
          .containsExactlyInAnyOrder(file, file.resolveSibling("clerk-token.lock"));
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    assertThat(store.toString()).doesNotContain("second");
    store.clear();
    assertThat(Files.exists(file)).isFalse();
    assertThat(store.get()).isEmpty();
  }

  @Test
  void aFileStoreAtAFileSystemRootIsRefusedWhenMadeNotAtItsFirstUse() {
    Path root = Path.of("").toAbsolutePath().getRoot();
    assertThatThrownBy(() -> TokenStore.file(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a file in a directory");
  }

  @Test
  void fileStoreKeepsTheClientSignedInAcrossInstances(@TempDir Path dir) {
    Path file = dir.resolve("token");
    String token = "Bearer " + jwt("client_1", 1000, 99999);
    fake.thenRespond(signIn("sia_1", "needs_first_factor").build(), null, token);
    try (Clerk clerk = Fixtures.builder(fake, new Fixtures.Sleeps()).tokenStore(TokenStore.file(file)).build()) {
      clerk.signIn().create(SignInCreateParams.identifier("ada@example.com"));
    }
    FakeTransport next = new FakeTransport();
    next.thenRespond(Fixtures.client("client_1", Fixtures.T0, null, null));
    try (Clerk clerk = Fixtures.builder(next, new Fixtures.Sleeps()).tokenStore(TokenStore.file(file)).build()) {
      clerk.loadClient();
    }
    assertThat(next.request(0).clientToken()).isEqualTo(token);
  }

  @Test
  void aReplacedFileIsNeverVisibleHalfWritten(@TempDir Path dir) throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("token");
    TokenStore store = TokenStore.file(file);
    String a = "Bearer " + "a".repeat(20_000);
    String b = "Bearer " + "b".repeat(20_000);
    store.set(a);
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 200; i++) {
        store.set(i % 2 == 0 ? b : a);
      }
    });
    writer.start();
    // read the file directly (not through the store's lock): with an atomic rename a reader sees
    // one whole value or the other, never a mix or an empty file
    while (writer.isAlive()) {
      if (Files.exists(file)) {
        String seen = Files.readString(file);
        assertThat(seen).isIn(a, b);
      }
    }
    writer.join();
  }
}
