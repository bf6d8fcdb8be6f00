package io.github.clerk4j;

import io.github.clerk4j.internal.wire.PhoneNumberResource;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.Form;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one of the signed-in user's phone numbers, and what Clerk's "manage
 * SMS-based MFA" guide does with it: verify it by SMS code, reserve it for MFA, make it the
 * default second factor, remove it ({@code /v1/me/phone_numbers/...}).
 *
 * <p>Each action returns the new value (this one stays valid) and updates {@link Clerk#client()}
 * from the client the server piggybacks. {@code toString()} shows neither the number nor backup
 * codes.
 */
public final class PhoneNumber {

  private final Clerk clerk;
  private final String sessionId;
  private final PhoneNumberResource resource;

  PhoneNumber(Clerk clerk, String sessionId, PhoneNumberResource resource) {
    this.clerk = Objects.requireNonNull(clerk, "clerk");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the phone number's id ({@code idn_...})} */
  public String id() {
    return resource.id();
  }

  /** {@return the number in E.164 form} */
  public String phoneNumber() {
    return resource.phoneNumber();
  }

  /**
   * {@return the state of its verification} A number whose verification never started (just
   * created) has status {@link VerificationStatus#UNVERIFIED} and no strategy.
   */
  public Verification verification() {
    Verification v = Verification.of(resource.verification());
    return v != null ? v : Verification.NONE;
  }

  /** {@return whether it is used as an SMS second factor} */
  public boolean reservedForSecondFactor() {
    return resource.reservedForSecondFactor();
  }

  /** {@return whether it is the second factor offered first at sign-in} */
  public boolean defaultSecondFactor() {
    return resource.defaultSecondFactor();
  }

  /**
   * {@return backup codes the server issued with this answer: only in the answer that enabled MFA
   * for the first time (reserving the first second factor); otherwise empty} Show them once.
   */
  public List<String> backupCodes() {
    return resource.backupCodes();
  }

  /** {@return the session this value acts through ({@code sess_...})} */
  public String sessionId() {
    return sessionId;
  }

  // ---------------------------------------------------------------- actions

  /**
   * Sends a verification code by SMS ({@code prepare_verification}, {@code strategy=phone_code}).
   * Also the way to get a new code.
   *
   * @return the number with its verification under way
   */
  public PhoneNumber prepareVerification() {
    return call(Endpoint.PREPARE_PHONE_NUMBER_VERIFICATION, Form.empty().with("strategy", "phone_code"));
  }

  /**
   * Verifies the number with the code from the SMS ({@code attempt_verification}). When the number
   * was created reserved for MFA and this enables MFA, {@link #backupCodes()} may be filled.
   *
   * @param code the code from the SMS
   * @return the number, verified
   * @throws ClerkApiException for example {@link ClerkApiException#isCodeIncorrect()} or {@link
   *     ClerkApiException#isVerificationExpired()} (then {@link #prepareVerification()} again)
   */
  public PhoneNumber attemptVerification(String code) {
    return call(Endpoint.ATTEMPT_PHONE_NUMBER_VERIFICATION,
        Form.empty().with("code", FormParams.require(code, "code")));
  }

  /**
   * Uses the (verified) number as an SMS second factor, or stops using it ({@code PATCH}, {@code
   * reserved_for_second_factor}). The first second factor of a user enables MFA, and that answer
   * carries backup codes ({@link #backupCodes()}).
   *
   * @param reserved {@code true} to use it as a second factor, {@code false} to stop
   * @return the number as the server changed it
   * @throws ClerkApiException {@code identification_update_second_factor_unverified} for an
   *     unverified number; {@link ClerkApiException#isReverificationRequired()}
   */
  public PhoneNumber setReservedForSecondFactor(boolean reserved) {
    return call(Endpoint.UPDATE_PHONE_NUMBER, Form.empty().with("reserved_for_second_factor", reserved));
  }

  /**
   * Makes this reserved number the default second factor ({@code PATCH}, {@code
   * default_second_factor=true}).
   *
   * @return the number as the server changed it
   */
  public PhoneNumber makeDefaultSecondFactor() {
    return call(Endpoint.UPDATE_PHONE_NUMBER, Form.empty().with("default_second_factor", true));
  }

  /**
   * Removes the number ({@code DELETE}). Removing the user's last second factor disables MFA
   * where the instance allows it; where it does not, the server refuses ({@code
   * second_factor_deletion_not_allowed}). Reload the user to see the change.
   */
  public void destroy() {
    User.call(clerk, sessionId, Endpoint.DELETE_PHONE_NUMBER, id(), Form.empty());
  }

  /**
   * Runs {@code action} on this phone number on the Clerk's executor ({@link Clerk#async}).
   *
   * @param <R> what {@code action} returns
   * @param action the call to make, given this phone number
   * @return a future completed with what {@code action} returned, or exceptionally with what it
   *     threw; a closed Clerk fails it with {@link ClerkException}
   */
  public <R> CompletableFuture<R> async(Function<PhoneNumber, R> action) {
    Objects.requireNonNull(action, "action");
    return clerk.async(() -> action.apply(this));
  }

  private PhoneNumber call(Endpoint endpoint, Form form) {
    return new PhoneNumber(clerk, sessionId,
        Clerk.resource(User.call(clerk, sessionId, endpoint, id(), form), PhoneNumberResource.class));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PhoneNumber p && p.clerk == clerk && p.sessionId.equals(sessionId)
        && p.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "PhoneNumber{id=" + id() + ", verification=" + verification().rawStatus()
        + ", reservedForSecondFactor=" + reservedForSecondFactor()
        + ", defaultSecondFactor=" + defaultSecondFactor()
        + ", backupCodes=" + backupCodes().size() + " [redacted]}";
  }
}
