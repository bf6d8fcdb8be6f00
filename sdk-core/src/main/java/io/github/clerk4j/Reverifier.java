package io.github.clerk4j;

import io.github.clerk4j.internal.Log;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The implementation of {@link Clerk#withReverification(Supplier, ReverificationHandler)}: the
 * {@code useReverification} loop of clerk-js, with the app's handler in place of the modal.
 */
final class Reverifier {


  /** Answers per step before the last refusal is thrown; servers fail a code after a few tries anyway. */
  static final int MAX_ANSWERS_PER_STEP = 3;
  /** A verification has at most a first and a second factor; more steps mean the server is stuck. */
  private static final int MAX_STEPS = 3;

  private Reverifier() {}

  static <T> T run(Clerk clerk, Supplier<T> action, ReverificationHandler handler) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(handler, "handler");
    try {
      return action.get();
    } catch (ClerkApiException e) {
      if (!e.isReverificationRequired()) {
        throw e;
      }
      Session session = clerk.session().orElseThrow(() -> e);
      Log.debug(() -> "session " + session.id() + " must verify again; asking the handler");
      if (!verify(session, handler, e)) {
        Log.debug("the reverification handler gave up");
        throw e;
      }
    }
    // Once only: a second refusal means something else is wrong, and looping would ask the user forever.
    return action.get();
  }

  /** Completes a verification of the session; false when the handler gave up. */
  private static boolean verify(Session session, ReverificationHandler handler, ClerkApiException original) {
    SessionVerification v = start(session);
    for (int step = 0; step < MAX_STEPS; step++) {
      switch (v.status()) {
        case COMPLETE -> {
          return true;
        }
        case NEEDS_FIRST_FACTOR, NEEDS_SECOND_FACTOR -> {
          v = completeStep(v, v.status() == SessionVerification.Status.NEEDS_SECOND_FACTOR, handler, original);
          if (v == null) {
            return false;
          }
        }
        default -> throw original.withHint(
            "the reverification is " + v.rawStatus() + ", which clerk4j cannot complete");
      }
    }
    if (v.status() == SessionVerification.Status.COMPLETE) {
      return true;
    }
    throw original.withHint("the reverification did not complete (status " + v.rawStatus() + ")");
  }

  /**
   * {@code second_factor}, as clerk-js asks by default; the server itself falls back to a first
   * factor for users without one. A server that refuses the level outright gets {@code first_factor}.
   */
  private static SessionVerification start(Session session) {
    try {
      return session.startVerification(VerificationLevel.SECOND_FACTOR);
    } catch (ClerkApiException e) {
      if (!e.fieldErrors().containsKey("level")) {
        throw e;
      }
      Log.debug("the server refused level second_factor; verifying with first_factor");
      return session.startVerification(VerificationLevel.FIRST_FACTOR);
    }
  }

  /**
   * One factor: choose it, send its code if it has one, and ask the handler until the server
   * accepts an answer. Returns the next verification, or null when the handler gave up.
   */
  private static @Nullable SessionVerification completeStep(SessionVerification v, boolean second,
      ReverificationHandler handler, ClerkApiException original) {
    List<Factor> offered = second ? v.supportedSecondFactors() : v.supportedFirstFactors();
    Factor factor = (second ? chooseSecond(offered) : chooseFirst(offered)).orElseThrow(() -> original.withHint(
        "the reverification offers no factor clerk4j can complete: " + strategies(offered)));
    Log.debug(() -> "reverifying by " + factor.rawStrategy() + " (" + (second ? "second" : "first")
        + " factor, level " + v.rawLevel() + ")");
    SessionVerification current = send(v, factor, second);
    ClerkApiException error = null;
    for (int attempt = 1; ; attempt++) {
      Optional<String> answer =
          handler.respond(new ReverificationPrompt(current.level(), second, factor, offered, error, attempt));
      if (answer == null || answer.isEmpty()) {
        return null;
      }
      try {
        return attempt(current, factor, second, answer.get());
      } catch (ClerkApiException e) {
        boolean newCodeNeeded = e.isVerificationExpired() || e.isVerificationFailed();
        boolean wrong = e.isCodeIncorrect() || e.isPasswordIncorrect() || e.hasCode("form_password_validation_failed");
        if (attempt >= MAX_ANSWERS_PER_STEP || !(wrong || (newCodeNeeded && sendsCode(factor)))) {
          e.addSuppressed(original);
          throw e;
        }
        error = e;
        if (newCodeNeeded) {
          current = send(current, factor, second);
        }
      }
    }
  }

  /** A password when offered (nothing to send), else the default, primary or first code factor. */
  private static Optional<Factor> chooseFirst(List<Factor> offered) {
    Optional<Factor> password = offered.stream().filter(f -> f.strategy() == Strategy.PASSWORD).findFirst();
    if (password.isPresent()) {
      return password;
    }
    List<Factor> codes = offered.stream().filter(Reverifier::sendsCode).toList();
    return codes.stream().filter(Factor::isDefault).findFirst()
        .or(() -> codes.stream().filter(f -> Boolean.TRUE.equals(f.primary())).findFirst())
        .or(() -> codes.stream().findFirst());
  }

  /** The user's default second factor when it is one clerk4j completes, else TOTP, SMS, backup code. */
  private static Optional<Factor> chooseSecond(List<Factor> offered) {
    List<Strategy> usable = List.of(Strategy.TOTP, Strategy.PHONE_CODE, Strategy.BACKUP_CODE);
    Optional<Factor> byDefault =
        offered.stream().filter(f -> f.isDefault() && usable.contains(f.strategy())).findFirst();
    if (byDefault.isPresent()) {
      return byDefault;
    }
    for (Strategy s : usable) {
      Optional<Factor> f = offered.stream().filter(x -> x.strategy() == s).findFirst();
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  private static boolean sendsCode(Factor f) {
    return f.strategy() == Strategy.EMAIL_CODE || f.strategy() == Strategy.PHONE_CODE;
  }

  /** Sends the factor's code, before the handler is asked for it; no request for other factors. */
  private static SessionVerification send(SessionVerification v, Factor f, boolean second) {
    if (!sendsCode(f)) {
      return v;
    }
    String id = f.strategy() == Strategy.EMAIL_CODE ? f.emailAddressId() : f.phoneNumberId();
    return second
        ? v.prepareSecondFactor(PrepareSecondFactorParams.of(f.strategy(), id))
        : v.prepareFirstFactor(PrepareFirstFactorParams.of(f.strategy(), id));
  }

  private static SessionVerification attempt(SessionVerification v, Factor f, boolean second, String answer) {
    if (second) {
      return v.attemptSecondFactor(AttemptSecondFactorParams.of(f.strategy(), answer));
    }
    return v.attemptFirstFactor(f.strategy() == Strategy.PASSWORD
        ? AttemptFirstFactorParams.password(answer)
        : AttemptFirstFactorParams.code(f.strategy(), answer));
  }

  private static String strategies(List<Factor> factors) {
    return factors.isEmpty() ? "none" : factors.stream().map(Factor::rawStrategy).collect(Collectors.joining(", "));
  }
}
