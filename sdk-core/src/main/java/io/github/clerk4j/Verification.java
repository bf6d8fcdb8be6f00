package io.github.clerk4j;

import io.github.clerk4j.internal.wire.VerificationResource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state of one verification of a sign-in step, a sign-up's e-mail address or phone number, or
 * an identifier of the user. Immutable; made by clerk4j from the server's answer.
 */
public final class Verification {

  /** What a phone number or e-mail address shows before its verification started. */
  static final Verification NONE =
      new Verification(new VerificationResource("unverified", null, null, null, null));

  private final VerificationResource resource;

  Verification(VerificationResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** The verification of {@code r}, or {@code null} for none. */
  static @Nullable Verification of(@Nullable VerificationResource r) {
    return r == null ? null : new Verification(r);
  }

  /** {@return the status; {@link VerificationStatus#UNKNOWN} for one this version does not name} */
  public VerificationStatus status() {
    return VerificationStatus.fromWire(resource.status());
  }

  /** {@return the status as sent} */
  public String rawStatus() {
    return resource.status();
  }

  /** {@return the strategy; {@link Strategy#UNKNOWN} for one this version does not name} */
  public Strategy strategy() {
    return Strategy.fromWire(resource.strategy());
  }

  /** {@return the strategy as sent, or {@code null}} */
  public @Nullable String rawStrategy() {
    return resource.strategy();
  }

  /** {@return how many attempts were made, or {@code null}} */
  public @Nullable Integer attempts() {
    return resource.attempts();
  }

  /** {@return when a sent code stops working, or {@code null}} */
  public @Nullable Instant expireAt() {
    return resource.expireAt();
  }

  /**
   * {@return an error the server attached (for example {@code identifier_already_signed_in}), or
   * {@code null}}
   */
  public @Nullable ClerkError error() {
    return resource.error();
  }

  /**
   * {@return a sign-up verification's next step as sent: {@code needs_prepare} (send a code),
   * {@code needs_attempt} (a code is out: verify it) or {@code ""} (done)} Empty for verifications
   * that carry none (sign-in steps, identifiers).
   */
  public Optional<String> nextAction() {
    return Optional.ofNullable(resource.nextAction());
  }

  /**
   * {@return a sign-up verification's strategies (for example {@code [email_code]}); empty
   * elsewhere}
   */
  public List<String> supportedStrategies() {
    return resource.supportedStrategies();
  }

  /**
   * {@return the provider's page to open in a browser ({@code
   * external_verification_redirect_url}), while the verification is {@code unverified}} OAuth,
   * SAML and enterprise SSO only: empty for other strategies.
   *
   * @throws ClerkException the server sent something that is not an absolute URL
   */
  public Optional<URI> externalVerificationRedirectUrl() {
    String url = resource.externalVerificationRedirectUrl();
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url);
      if (uri.isAbsolute()) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below; the URL itself stays out of the message (it carries the OAuth state)
    }
    throw new ClerkException("the server sent an external_verification_redirect_url that is not an absolute URL");
  }

  /**
   * The provider's page while the browser is still to be sent there: the verification is {@code
   * unverified}, or in a status newer than this version knows (the server still sent the page).
   * Empty once it is verified, transferable, failed or expired.
   */
  Optional<URI> pendingProviderPage() {
    VerificationStatus s = status();
    return s == VerificationStatus.UNVERIFIED || s == VerificationStatus.UNKNOWN
        ? externalVerificationRedirectUrl() : Optional.empty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Verification v && v.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "Verification{" + rawStatus() + (rawStrategy() == null ? "" : ", " + rawStrategy())
        + (error() == null ? "" : ", error=" + error().code()) + '}';
  }
}
