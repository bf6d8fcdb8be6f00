package io.github.clerk4j;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The query of the URL a browser came back to after OAuth or enterprise SSO (wire spec §14.2
 * step 5, §13.3): {@code rotating_token_nonce} on success; {@code __clerk_status=failed} with
 * {@code __clerk_error_code} for a transfer between sign-in and sign-up or a failure; the
 * provider's {@code error} and {@code error_description}. Nothing here is ever put in a message:
 * the nonce finishes a sign-in.
 */
final class RedirectCallback {

  static final String NONCE = "rotating_token_nonce";
  private static final Set<String> READ =
      Set.of(NONCE, "__clerk_status", "__clerk_error_code", "error", "error_description");

  private final Map<String, String> params;

  private RedirectCallback(Map<String, String> params) {
    this.params = params;
  }

  /**
   * Reads the callback's query.
   *
   * @throws IllegalArgumentException the URL has no query, or names one of the parameters read
   *     here twice (a URL a browser was sent back to by Clerk never does)
   */
  static RedirectCallback parse(URI callback) {
    Objects.requireNonNull(callback, "callback");
    String query = callback.getRawQuery();
    if (query == null || query.isEmpty()) {
      throw new IllegalArgumentException("the callback URL has no query: pass the whole URL the browser came back"
          + " to, with its rotating_token_nonce or error; nothing was sent");
    }
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (READ.contains(name) && params.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("the callback URL names " + name + " twice: it is not a URL Clerk sent"
            + " the browser to; nothing was sent");
      }
    }
    return new RedirectCallback(params);
  }

  private static String decode(String raw) {
    try {
      // The Charset overload is Java 10's, which Android (API 26) lacks.
      return URLDecoder.decode(raw, StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every JVM supports UTF-8", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the callback URL's query is not correctly escaped; nothing was sent");
    }
  }

  /** The nonce, or null. */
  @Nullable String nonce() {
    String n = params.get(NONCE);
    return n == null || n.isBlank() ? null : n;
  }

  /** Whether this is the signal that the flow must move to the other side ({@code __clerk_status=failed} with {@code code}). */
  boolean isTransferSignal(String code) {
    return "failed".equals(params.get("__clerk_status")) && code.equals(params.get("__clerk_error_code"));
  }

  /**
   * The error the callback reports (a {@link ClerkApiException} when it names a code), or null
   * when it reports none.
   */
  @Nullable ClerkException failure(String hint) {
    String clerkCode = params.get("__clerk_error_code");
    String error = params.get("error");
    String description = params.get("error_description");
    if (clerkCode != null && !clerkCode.isBlank()) {
      return ClerkApiException.fromRedirectCallback(
          new ClerkError(clerkCode, description, description, Map.of()), hint);
    }
    if (error != null && !error.isBlank()) {
      return ClerkApiException.fromRedirectCallback(new ClerkError(error, description, description, Map.of()), hint);
    }
    if ("failed".equals(params.get("__clerk_status"))) {
      return new ClerkException("the browser came back with __clerk_status=failed and no error code: " + hint);
    }
    return null;
  }

  /**
   * Finishes a browser sign-in or sign-up with this callback, the steps both share: the attempt
   * must have started a browser verification and still be the client's current one (else nothing
   * is sent); a transfer signal reloads it without a nonce; an error is thrown; the nonce reloads
   * it.
   *
   * @param kind "sign-in" or "sign-up", for messages
   * @param started the verification a browser finishes (first factor, external account)
   * @param current the id of the client's current attempt of this kind, if any
   * @param transferCode the {@code __clerk_error_code} that signals a transfer
   */
  <T> T finish(String kind, String id, Optional<Verification> started, Optional<String> current, String transferCode,
      Supplier<T> reload, Predicate<T> transferable, Function<String, T> reloadWithNonce) {
    Verification v = started.filter(x -> SignIn.isExternal(x.rawStrategy())).orElseThrow(() ->
        new IllegalStateException(kind + " " + id + " did not start a browser " + kind + ": call"
            + " handleRedirectCallback(...) on the value sso(...) returned, or on clerk."
            + (kind.equals("sign-in") ? "signIn()" : "signUp()") + "; nothing was sent"));
    current.filter(c -> !c.equals(id)).ifPresent(c -> {
      throw new IllegalStateException(kind + " " + id + " is no longer the client's current one (" + c
          + " replaced it): the browser finished a " + kind + " the server no longer continues; start again with"
          + " sso(...); nothing was sent");
    });
    if (isTransferSignal(transferCode)) {
      T reloaded = reload.get();
      if (transferable.test(reloaded)) {
        return reloaded;
      }
    }
    ClerkException failure = failure(v.rawStrategy() + " did not finish the " + kind + ": start again with sso(...)");
    if (failure != null) {
      throw failure;
    }
    String nonce = nonce();
    if (nonce == null) {
      throw new IllegalArgumentException("the callback URL carries no rotating_token_nonce and no transfer or error"
          + " signal: pass the URL the browser came back to, unchanged; nothing was sent");
    }
    return reloadWithNonce.apply(nonce);
  }

  /** An answer to {@code sso(...)} without the page to open. */
  static ClerkException noProviderPage(String kind, @Nullable String id, String status, String strategy) {
    return new ClerkException("the server started " + kind + " " + id + " (" + status + ") without a provider page"
        + " to open (no external_verification_redirect_url): check that the instance enables " + strategy);
  }

  @Override
  public String toString() {
    return "RedirectCallback" + params.keySet(); // names only: the nonce is a secret
  }
}
