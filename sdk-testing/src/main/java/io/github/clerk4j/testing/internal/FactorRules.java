package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.TotpGenerator;
import io.github.clerk4j.testing.internal.Model.EmailRecord;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.TotpRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which factors a user is offered, which one a call picks, and the second factors: SMS and e-mail
 * codes, TOTP (±1 step, no replay), single-use backup codes, and what enabling MFA changes.
 */
final class FactorRules {
  private static final String BACKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final EmulatorState state;

  FactorRules(EmulatorState state) {
    this.state = state;
  }

  // offers

  /**
   * First factors of a user: password, a code to each verified e-mail address and phone number;
   * {@code forSignIn} (a reverification can verify none of these) adds, with a password, the reset
   * codes to the primary ones, an e-mail link to each verified address where the instance sends
   * links, and enterprise SSO where an address's domain has a connection.
   */
  List<FactorOffer> firstFactors(UserRecord u, boolean forSignIn) {
    List<FactorOffer> factors = new ArrayList<>();
    if (u.password != null) {
      factors.add(FactorOffer.of(FactorStrategy.PASSWORD));
    }
    boolean links = forSignIn && state.settings.browserAuth().emailLinks();
    for (EmailRecord e : u.emails) {
      if (e.verified()) {
        factors.add(emailFactor(FactorStrategy.EMAIL_CODE, u, e));
        if (links) {
          factors.add(emailFactor(FactorStrategy.EMAIL_LINK, u, e));
        }
      }
    }
    if (forSignIn && u.emails.stream().anyMatch(e -> state.settings.browserAuth().connectionFor(e.address).isPresent())) {
      factors.add(FactorOffer.of(FactorStrategy.ENTERPRISE_SSO));
    }
    for (PhoneRecord p : u.phones) {
      if (p.verified()) {
        factors.add(phoneFactor(FactorStrategy.PHONE_CODE, u, p));
      }
    }
    if (forSignIn && u.password != null) {
      u.primaryEmail().ifPresent(e -> factors.add(emailFactor(FactorStrategy.RESET_PASSWORD_EMAIL_CODE, u, e)));
      u.primaryPhone().filter(PhoneRecord::verified)
          .ifPresent(p -> factors.add(phoneFactor(FactorStrategy.RESET_PASSWORD_PHONE_CODE, u, p)));
    }
    return factors;
  }

  /** MFA factors, the default one first and flagged {@code default: true}. */
  List<FactorOffer> secondFactors(UserRecord u) {
    List<FactorOffer> factors = new ArrayList<>();
    PhoneRecord defaultPhone = u.phones.stream()
        .filter(p -> p.reservedForSecondFactor && p.verified() && p.defaultSecondFactor)
        .findFirst().orElse(null);
    boolean totpDefault = defaultPhone == null && u.totpEnabled();
    for (PhoneRecord p : u.phones) {
      if (p.reservedForSecondFactor && p.verified()) {
        FactorOffer f = phoneFactor(FactorStrategy.PHONE_CODE, u, p).asSecondFactor(p == defaultPhone);
        factors.add(p == defaultPhone ? 0 : factors.size(), f);
      }
    }
    if (u.totpEnabled()) {
      FactorOffer f = FactorOffer.of(FactorStrategy.TOTP).asSecondFactor(totpDefault);
      factors.add(totpDefault ? 0 : factors.size(), f);
    }
    if (!u.backupCodeDigests.isEmpty()) {
      factors.add(FactorOffer.of(FactorStrategy.BACKUP_CODE).asSecondFactor(false));
    }
    return factors;
  }

  /**
   * Client trust asks for a code to the primary e-mail address (or, where e-mail links are on, a
   * link: wire spec §16.2), else a code to the primary phone.
   */
  List<FactorOffer> clientTrustFactors(UserRecord u) {
    boolean links = state.settings.browserAuth().emailLinks();
    return u.primaryEmail().map(e -> links
            ? List.of(emailFactor(FactorStrategy.EMAIL_CODE, u, e), emailFactor(FactorStrategy.EMAIL_LINK, u, e))
            : List.of(emailFactor(FactorStrategy.EMAIL_CODE, u, e)))
        .or(() -> u.primaryPhone().filter(PhoneRecord::verified)
            .map(p -> List.of(phoneFactor(FactorStrategy.PHONE_CODE, u, p))))
        .orElse(List.of());
  }

  private static FactorOffer emailFactor(FactorStrategy strategy, UserRecord u, EmailRecord e) {
    return new FactorOffer(strategy, e.id, e.address, e.id.equals(u.primaryEmailId), null);
  }

  private static FactorOffer phoneFactor(FactorStrategy strategy, UserRecord u, PhoneRecord p) {
    return new FactorOffer(strategy, p.id, p.number, p.id.equals(u.primaryPhoneId), null);
  }

  /**
   * The factors as a sign-in shows them: the identifier the person typed in full, every other one
   * masked as Clerk masks it (recorded: {@code +*********01} for a phone number, {@code
   * t**************@d********.london} for an e-mail address), so that a sign-in started with one
   * identifier does not reveal the account's others.
   */
  static List<FactorOffer> asShownFor(List<FactorOffer> factors, @Nullable String typedIdentifier) {
    String typed = typedIdentifier == null ? "" : typedIdentifier.trim();
    return factors.stream().map(f -> f.safeIdentifier() == null || isTyped(f.safeIdentifier(), typed) ? f
        : new FactorOffer(f.strategy(), f.identifierId(), mask(f.safeIdentifier()), f.primary(), f.isDefault()))
        .toList();
  }

  private static boolean isTyped(String identifier, String typed) {
    return identifier.equalsIgnoreCase(typed) || identifier.equals(UserRules.normalizePhone(typed));
  }

  /** Keeps a phone number's last two digits, an address's first letters and top-level domain. */
  static String mask(String identifier) {
    int at = identifier.lastIndexOf('@');
    if (at < 0) {
      int keep = Math.min(2, Math.max(0, identifier.length() - 1));
      return "+" + "*".repeat(identifier.length() - 1 - keep) + identifier.substring(identifier.length() - keep);
    }
    String domain = identifier.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String name = dot < 0 ? domain : domain.substring(0, dot);
    return maskAfterFirst(identifier.substring(0, at)) + "@" + maskAfterFirst(name)
        + (dot < 0 ? "" : domain.substring(dot));
  }

  private static String maskAfterFirst(String part) {
    return part.isEmpty() ? part : part.charAt(0) + "*".repeat(part.length() - 1);
  }

  static boolean offers(List<FactorOffer> factors, FactorStrategy strategy) {
    return factors.stream().anyMatch(f -> f.strategy() == strategy);
  }

  /**
   * The identifier id of the factor to use: the one asked for when it is offered, else the first
   * offered (the default second factor comes first); null for a factor without one (a password).
   *
   * @throws ApiException 400 {@code strategy_for_user_invalid} when the strategy is not offered,
   *     422 {@code form_param_value_invalid} when the wanted identifier is not
   */
  static @Nullable String pickFactor(List<FactorOffer> factors, FactorStrategy strategy, @Nullable String wantedId) {
    List<FactorOffer> offered = factors.stream().filter(f -> f.strategy() == strategy).toList();
    if (offered.isEmpty()) {
      throw ApiException.strategyForUserInvalid("strategy");
    }
    if (wantedId == null) {
      return offered.get(0).identifierId();
    }
    return offered.stream().map(FactorOffer::identifierId).filter(wantedId::equals).findFirst()
        .orElseThrow(() -> ApiException.paramValueInvalid(strategy.idParam()));
  }

  // second factors

  /**
   * Verifies a second factor: a code sent by SMS (or e-mail, for client trust) through
   * {@code pending}, a TOTP code (±1 step, no replay) or a single-use backup code.
   *
   * @return the verification to show on the sign-in or reverification
   */
  VerificationRecord verifySecondFactor(UserRecord user, FactorStrategy strategy, String code,
      @Nullable VerificationRecord pending) {
    switch (strategy) {
      case PHONE_CODE, EMAIL_CODE -> {
        if (!(pending instanceof Otp otp) || otp.strategy() != strategy) {
          throw ApiException.of(400, "verification_missing", "missing",
              "This strategy needs a code to be sent first (prepare_second_factor).");
        }
        otp.attempt(code, state.now());
        return pending;
      }
      case TOTP -> {
        if (!user.totpEnabled()) {
          throw ApiException.strategyForUserInvalid("strategy");
        }
        verifyTotp(Objects.requireNonNull(user.totp, "totpEnabled() has it"), code);
        return VerificationRecord.verified("verification_totp", FactorStrategy.TOTP);
      }
      case BACKUP_CODE -> {
        if (!useBackupCode(user, code)) {
          throw ApiException.codeIncorrect();
        }
        return VerificationRecord.verified("verification_backup_code", FactorStrategy.BACKUP_CODE);
      }
      default -> throw ApiException.paramFormatInvalid("strategy");
    }
  }

  /** Accepts the code of the current step or one step either side, once per step. */
  void verifyTotp(TotpRecord totp, String code) {
    long current = TotpGenerator.step(Instant.ofEpochMilli(state.now()));
    for (long step = current - 1; step <= current + 1; step++) {
      String expected = TotpGenerator.codeAtStep(totp.secret, step);
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          code.trim().getBytes(StandardCharsets.US_ASCII))) {
        if (step <= totp.lastUsedStep) {
          break; // a replay: the code was already used
        }
        totp.lastUsedStep = step;
        return;
      }
    }
    throw ApiException.codeIncorrect();
  }

  private static boolean useBackupCode(UserRecord user, String code) {
    byte[] digest = Passwords.sha256(code.trim().toLowerCase(Locale.ROOT));
    for (Iterator<byte[]> it = user.backupCodeDigests.iterator(); it.hasNext(); ) {
      if (MessageDigest.isEqual(it.next(), digest)) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** Replaces the user's backup codes with ten new ones and returns them (shown once). */
  List<String> newBackupCodes(UserRecord user) {
    List<String> codes = new ArrayList<>();
    user.backupCodeDigests.clear();
    for (int i = 0; i < 10; i++) {
      String code = state.randomString(BACKUP_ALPHABET, 8);
      codes.add(code);
      user.backupCodeDigests.add(Passwords.sha256(code));
    }
    user.backupCodesId = state.newId("bc");
    return codes;
  }

  /** A new, not yet verified authenticator-app secret for the user. */
  TotpRecord newTotp(UserRecord user) {
    byte[] secret = new byte[20];
    state.random.nextBytes(secret);
    user.totp = new TotpRecord(state.newId("totp"), secret, state.now());
    return user.totp;
  }

  /**
   * Records an MFA change. On first enablement Clerk hands out backup codes; they are returned
   * here (empty otherwise) for the caller to show in its response.
   */
  List<String> mfaChanged(UserRecord user, boolean wasEnabled) {
    boolean enabled = user.twoFactorEnabled();
    long now = state.now();
    user.updatedAt = now;
    if (enabled && !wasEnabled) {
      user.mfaEnabledAt = now;
      if (user.backupCodeDigests.isEmpty()) {
        return newBackupCodes(user);
      }
    } else if (!enabled && wasEnabled) {
      user.mfaDisabledAt = now;
      user.backupCodeDigests.clear();
    }
    return List.of();
  }

  /** With SMS MFA and no default second factor chosen, the first reserved phone becomes it. */
  static void ensureDefaultSecondFactor(UserRecord user) {
    List<PhoneRecord> reserved = user.phones.stream()
        .filter(p -> p.reservedForSecondFactor && p.verified()).toList();
    if (!reserved.isEmpty() && reserved.stream().noneMatch(p -> p.defaultSecondFactor) && !user.totpEnabled()) {
      reserved.get(0).defaultSecondFactor = true;
    }
  }
}
