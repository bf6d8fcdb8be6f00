package io.github.clerk4j;

import io.github.clerk4j.internal.wire.EmailAddressResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Form;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one of the signed-in user's e-mail addresses, and what Clerk's "add an
 * e-mail address" guide does with it: verify it with a code sent to it, then make it primary
 * ({@link User#update(UserUpdateParams)}) or remove it ({@code /v1/me/email_addresses/...}). Get
 * one from {@link User#emailAddresses()} or {@link User#createEmailAddress(String)}.
 *
 * <p>Each action returns the new value (this one stays valid) and updates {@link Clerk#client()}
 * from the client the server piggybacks; listeners are told. {@code toString()} does not show the
 * address: it is personal data.
 */
public final class EmailAddress {

  private final Clerk clerk;
  private final String sessionId;
  private final EmailAddressResource resource;

  EmailAddress(Clerk clerk, String sessionId, EmailAddressResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the identification id ({@code idn_...})} */
  public String id() {
    return resource.id();
  }

  /** {@return the address} */
  public String emailAddress() {
    return resource.emailAddress();
  }

  /**
   * {@return its verification} An address whose verification never started (just added) has status
   * {@link VerificationStatus#UNVERIFIED} and no strategy.
   */
  public Verification verification() {
    Verification v = Verification.of(resource.verification());
    return v == null ? Verification.NONE : v;
  }

  /** {@return the session this value acts through ({@code sess_...})} */
  public String sessionId() {
    return sessionId;
  }

  // ---------------------------------------------------------------- actions

  /**
   * Sends a verification code to the address ({@code prepare_verification}, {@code
   * strategy=email_code}); continue with {@link #attemptVerification(String)}. Also the way to get
   * a new code.
   *
   * @return the address with its verification under way
   * @throws ClerkApiException for example {@code verification_already_verified}
   */
  public EmailAddress prepareVerification() {
    return call(Endpoint.PREPARE_EMAIL_ADDRESS_VERIFICATION, Form.empty().with("strategy", "email_code"));
  }

  /**
   * Verifies the address with the code from the e-mail ({@code attempt_verification}). A verified
   * address can sign in and can become the primary one.
   *
   * @param code the code from the e-mail
   * @return the address, verified
   * @throws IllegalArgumentException the code is empty (nothing is sent)
   * @throws ClerkApiException for example {@link ClerkApiException#isCodeIncorrect()} or {@link
   *     ClerkApiException#isVerificationExpired()} (then {@link #prepareVerification()} again)
   */
  public EmailAddress attemptVerification(String code) {
    return call(Endpoint.ATTEMPT_EMAIL_ADDRESS_VERIFICATION,
        Form.empty().with("code", FormParams.require(code, "code")));
  }

  /**
   * Removes the address from the user ({@code DELETE}). A sensitive action: it may need {@link
   * Clerk#withReverification}. The address leaves {@link Clerk#user()} at once.
   *
   * @throws ClerkApiException {@code identification_deletion_failed} or {@code
   *     last_required_identification_deletion_failed} when it is the user's last way to sign in
   *     (add another first); {@link ClerkApiException#isReverificationRequired()}
   */
  public void destroy() {
    FapiResponse r = User.call(clerk, sessionId, Endpoint.DELETE_EMAIL_ADDRESS, id(), Form.empty());
    if (r.client() == null) {
      User.editLocally(clerk, sessionId, u -> u.withoutEmailAddress(id()));
    }
  }

  /**
   * Runs {@code action} on this e-mail address on the Clerk's executor ({@link Clerk#async}).
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this e-mail address
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<EmailAddress, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  private EmailAddress call(Endpoint endpoint, Form form) {
    return new EmailAddress(clerk, sessionId,
        Clerk.resource(User.call(clerk, sessionId, endpoint, id(), form), EmailAddressResource.class));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EmailAddress e && e.clerk == clerk && e.sessionId.equals(sessionId)
        && e.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  /** The address is personal data: not shown. */
  @Override
  public String toString() {
    return "EmailAddress{id=" + id() + ", verification=" + verification().rawStatus() + '}';
  }
}
