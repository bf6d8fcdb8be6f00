package io.github.clerk4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Clerk#withReverification(Supplier, ReverificationHandler)} asks the {@link
 * ReverificationHandler} for: which factor the SDK chose ({@link #strategy()}), where a code went
 * ({@link #safeIdentifier()}), and the error of the previous answer, if it was wrong.
 */
public final class ReverificationPrompt {

  private final VerificationLevel level;
  private final boolean secondFactor;
  private final Factor factor;
  private final List<Factor> factors;
  private final @Nullable ClerkApiException error;
  private final int attempt;

  ReverificationPrompt(VerificationLevel level, boolean secondFactor, Factor factor, List<Factor> factors,
      @Nullable ClerkApiException error, int attempt) {
    this.level = Objects.requireNonNull(level, "level");
    this.secondFactor = secondFactor;
    this.factor = Objects.requireNonNull(factor, "factor");
    this.factors = List.copyOf(factors);
    this.error = error;
    this.attempt = attempt;
  }

  /** {@return the level of the verification, as the server applies it} */
  public VerificationLevel level() {
    return level;
  }

  /** {@return whether this step is the second factor (else the first)} */
  public boolean secondFactor() {
    return secondFactor;
  }

  /**
   * {@return what to ask the user for: {@link Strategy#PASSWORD}, a code that was just sent ({@link
   * Strategy#EMAIL_CODE}, {@link Strategy#PHONE_CODE}), a code of the authenticator app ({@link
   * Strategy#TOTP}) or a backup code ({@link Strategy#BACKUP_CODE})}
   */
  public Strategy strategy() {
    return factor.strategy();
  }

  /** {@return the chosen factor, with its ids} */
  public Factor factor() {
    return factor;
  }

  /** {@return every factor the server offered for this step} */
  public List<Factor> factors() {
    return factors;
  }

  /**
   * {@return where the code went, masked by the server (for example {@code +1******0100}), if
   * anywhere}
   */
  public Optional<String> safeIdentifier() {
    return Optional.ofNullable(factor.safeIdentifier());
  }

  /**
   * {@return why the previous answer was refused (for example {@link
   * ClerkApiException#isCodeIncorrect()}, or {@link ClerkApiException#isVerificationExpired()}
   * after which a new code was sent); empty on the first ask of a step}
   */
  public Optional<ClerkApiException> error() {
    return Optional.ofNullable(error);
  }

  /** {@return which ask of this step this is: 1 for the first, 2 after one wrong answer, ...} */
  public int attempt() {
    return attempt;
  }

  @Override
  public String toString() {
    return "ReverificationPrompt{level=" + level.name() + ", " + (secondFactor ? "second" : "first")
        + " factor, strategy=" + factor.rawStrategy()
        + (factor.safeIdentifier() == null ? "" : ", to=" + factor.safeIdentifier())
        + ", offered=" + factors.stream().map(Factor::rawStrategy).toList()
        + ", attempt=" + attempt
        + (error == null ? "" : ", error=" + error.errors().stream().map(ClerkError::code).toList()) + '}';
  }
}
