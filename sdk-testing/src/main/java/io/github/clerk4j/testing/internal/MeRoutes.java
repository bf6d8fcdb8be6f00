package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.OutboxMessage.Purpose;
import io.github.clerk4j.testing.internal.Model.PhoneRecord;
import io.github.clerk4j.testing.internal.Model.SessionRecord;
import io.github.clerk4j.testing.internal.Model.TotpRecord;
import io.github.clerk4j.testing.internal.Model.UserRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's MFA endpoints ({@code /v1/me...}): the user, phone numbers, TOTP, backup
 * codes and password (the profile, e-mail addresses and sessions are in {@link ProfileRoutes},
 * {@link EmailRoutes} and {@link ActiveSessionRoutes}). Sensitive changes need a recent factor
 * verification (reverification).
 */
final class MeRoutes implements Routes {
  private static final String PHONE = "/v1/me/phone_numbers/{id}";

  private final EmulatorState state;
  private final Rules rules;
  private final Views views;

  MeRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/v1/me", ex -> ok(ex, views.user(ex.meSession().user)));
    router.add("GET", "/v1/me/phone_numbers", this::listPhones);
    router.add("POST", "/v1/me/phone_numbers", this::createPhone);
    router.add("GET", PHONE, ex -> ok(ex, views.phone(phone(ex, ex.meSession().user), null)));
    router.add("PATCH", PHONE, this::updatePhone);
    router.add("DELETE", PHONE, this::deletePhone);
    router.add("POST", PHONE + "/prepare_verification", this::preparePhoneVerification);
    router.add("POST", PHONE + "/attempt_verification", this::attemptPhoneVerification);
    router.add("POST", "/v1/me/totp", this::createTotp);
    router.add("DELETE", "/v1/me/totp", this::deleteTotp);
    router.add("POST", "/v1/me/totp/attempt_verification", this::verifyTotp);
    router.add("POST", "/v1/me/backup_codes", this::createBackupCodes);
    router.add("POST", "/v1/me/change_password", this::changePassword);
  }

  private Response ok(Exchange ex, Object response) {
    return Response.json(views.wrap(response, ex.client));
  }

  // phone numbers

  private Response listPhones(Exchange ex) {
    List<Object> phones = new ArrayList<>();
    ex.meSession().user.phones.forEach(p -> phones.add(views.phone(p, null)));
    return Response.json(phones);
  }

  private static PhoneRecord phone(Exchange ex, UserRecord user) {
    return user.phone(ex.request.pathParam(0)).orElseThrow(() -> ApiException.notFound("Phone number"));
  }

  private Response createPhone(Exchange ex) {
    UserRecord user = ex.meSession().user;
    String number = UserRules.normalizePhone(ex.form().required("phone_number"));
    if (!UserRules.isE164(number)) {
      throw ApiException.paramFormatInvalid("phone_number");
    }
    boolean reserved = ex.form().bool("reserved_for_second_factor", false);
    if (rules.users.phoneTaken(user, number)) {
      throw ApiException.param(422, "form_identifier_exists", "phone_number", "is taken",
          "That phone number is taken. Please try another.");
    }
    PhoneRecord phone = new PhoneRecord(state.newId("idn"), number, false, state.now());
    phone.reservedForSecondFactor = reserved;
    user.phones.add(phone);
    user.updatedAt = state.now();
    return ok(ex, views.phone(phone, null));
  }

  private Response preparePhoneVerification(Exchange ex) {
    UserRecord user = ex.meSession().user;
    PhoneRecord phone = phone(ex, user);
    ex.form().strategy(EnumSet.of(FactorStrategy.PHONE_CODE));
    if (phone.verified()) {
      throw ApiException.of(400, "verification_already_verified", "already verified",
          "This phone number is already verified.");
    }
    phone.verification = rules.codes.sendCode(FactorStrategy.PHONE_CODE, phone.id, phone.number,
        Purpose.VERIFY_PHONE);
    phone.updatedAt = state.now();
    return ok(ex, views.phone(phone, null));
  }

  private Response attemptPhoneVerification(Exchange ex) {
    UserRecord user = ex.meSession().user;
    PhoneRecord phone = phone(ex, user);
    String code = ex.form().required("code");
    if (phone.verification == null) {
      throw ApiException.of(400, "verification_missing", "missing",
          "Send a code first with prepare_verification.");
    }
    boolean wasEnabled = user.twoFactorEnabled();
    phone.verification.attempt(code, state.now());
    phone.updatedAt = state.now();
    rules.users.indexPhone(user, phone);
    if (user.primaryPhoneId == null) {
      user.primaryPhoneId = phone.id;
    }
    if (phone.reservedForSecondFactor) {
      FactorRules.ensureDefaultSecondFactor(user);
    }
    return ok(ex, views.phone(phone, backupCodesOrNull(rules.factors.mfaChanged(user, wasEnabled))));
  }

  private Response updatePhone(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    PhoneRecord phone = phone(ex, user);
    Optional<Boolean> reserve = ex.form().optionalBool("reserved_for_second_factor");
    Optional<Boolean> makeDefault = ex.form().optionalBool("default_second_factor");
    rules.sessions.requireRecentVerification(session);
    if (!phone.verified() && (reserve.orElse(false) || makeDefault.orElse(false))) {
      throw ApiException.of(400, "identification_update_second_factor_unverified", "unverified",
          "Verify this phone number before using it as a second factor.");
    }
    if (makeDefault.orElse(false) && !phone.reservedForSecondFactor && !reserve.orElse(false)) {
      throw ApiException.paramValueInvalid("default_second_factor");
    }
    boolean wasEnabled = user.twoFactorEnabled();
    reserve.ifPresent(r -> {
      phone.reservedForSecondFactor = r;
      if (!r) {
        phone.defaultSecondFactor = false;
      }
    });
    makeDefault.ifPresent(d -> {
      if (d) {
        user.phones.forEach(p -> p.defaultSecondFactor = false);
      }
      phone.defaultSecondFactor = d;
    });
    FactorRules.ensureDefaultSecondFactor(user);
    phone.updatedAt = state.now();
    return ok(ex, views.phone(phone, backupCodesOrNull(rules.factors.mfaChanged(user, wasEnabled))));
  }

  private Response deletePhone(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    PhoneRecord phone = phone(ex, user);
    rules.sessions.requireRecentVerification(session);
    rules.identifications.requireRemovable(user, phone.verified(), "phone_number", "phone number");
    boolean wasEnabled = user.twoFactorEnabled();
    user.phones.remove(phone);
    rules.users.unindexPhone(user, phone);
    if (phone.id.equals(user.primaryPhoneId)) {
      user.primaryPhoneId = user.phones.stream().filter(PhoneRecord::verified).map(p -> p.id).findFirst().orElse(null);
    }
    FactorRules.ensureDefaultSecondFactor(user);
    rules.factors.mfaChanged(user, wasEnabled);
    return ok(ex, Views.deleted("phone_number", phone.id));
  }

  private static @Nullable List<String> backupCodesOrNull(List<String> codes) {
    return codes.isEmpty() ? null : codes;
  }

  // TOTP and backup codes

  private Response createTotp(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    rules.sessions.requireRecentVerification(session);
    if (user.totpEnabled()) {
      throw ApiException.of(400, "totp_already_enabled", "already enabled",
          "Authenticator app is already enabled for this account.");
    }
    TotpRecord totp = rules.factors.newTotp(user);
    String base32 = Base32.encode(totp.secret);
    String account = URLEncoder.encode(user.displayIdentifier(), StandardCharsets.UTF_8).replace("+", "%20");
    String uri = "otpauth://totp/clerk4j%20emulator:" + account + "?secret=" + base32
        + "&issuer=clerk4j%20emulator&algorithm=SHA1&digits=6&period=30";
    return ok(ex, totpJson(totp, base32, uri, null));
  }

  private Response verifyTotp(Exchange ex) {
    UserRecord user = ex.meSession().user;
    String code = ex.form().required("code");
    if (user.totp == null) {
      throw ApiException.notFound("TOTP");
    }
    if (user.totp.verified) {
      throw ApiException.of(400, "totp_already_enabled", "already enabled",
          "Authenticator app is already enabled for this account.");
    }
    boolean wasEnabled = user.twoFactorEnabled();
    try {
      rules.factors.verifyTotp(user.totp, code);
    } catch (ApiException e) {
      throw ApiException.param(422, "invalid_totp_secret_code", "code", "is incorrect",
          "The code is incorrect. Check your authenticator app and try again.");
    }
    user.totp.verified = true;
    user.totp.updatedAt = state.now();
    user.phones.forEach(p -> p.defaultSecondFactor = false); // the new app becomes the default
    return ok(ex, totpJson(user.totp, null, null, backupCodesOrNull(rules.factors.mfaChanged(user, wasEnabled))));
  }

  private Response deleteTotp(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    rules.sessions.requireRecentVerification(session);
    if (user.totp == null) {
      throw ApiException.notFound("TOTP");
    }
    boolean wasEnabled = user.twoFactorEnabled();
    String id = user.totp.id;
    user.totp = null;
    FactorRules.ensureDefaultSecondFactor(user);
    rules.factors.mfaChanged(user, wasEnabled);
    return ok(ex, Views.deleted("totp", id));
  }

  private static Map<String, Object> totpJson(TotpRecord totp, @Nullable String secret, @Nullable String uri,
      @Nullable List<String> backupCodes) {
    return Json.obj("object", "totp", "id", totp.id, "secret", secret, "uri", uri,
        "verified", totp.verified, "backup_codes", backupCodes,
        "created_at", totp.createdAt, "updated_at", totp.updatedAt);
  }

  private Response createBackupCodes(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    rules.sessions.requireRecentVerification(session);
    if (!user.twoFactorEnabled()) {
      throw ApiException.of(400, "backup_codes_not_available", "not available",
          "Backup codes need another second factor (SMS code or authenticator app) first.");
    }
    List<String> codes = rules.factors.newBackupCodes(user);
    long now = state.now();
    user.updatedAt = now;
    return ok(ex, Json.obj("object", "backup_code", "id", user.backupCodesId, "codes", codes,
        "created_at", now, "updated_at", now));
  }

  // password

  private Response changePassword(Exchange ex) {
    SessionRecord session = ex.meSession();
    UserRecord user = session.user;
    rules.sessions.requireRecentVerification(session);
    FormBody form = ex.form();
    String newPassword = form.required("new_password");
    boolean signOutOthers = form.bool("sign_out_of_other_sessions", false);
    // The reset-password task exists because the old password cannot be trusted: the user proved
    // who they are another way, so the task is completed without it.
    boolean resetTask = rules.sessions.tasks(session).contains(TaskKey.RESET_PASSWORD);
    if (user.password != null && !resetTask) {
      String current = form.required("current_password");
      if (!rules.passwords.isCurrent(user, current)) {
        throw ApiException.param(422, "form_password_validation_failed", "current_password",
            "is incorrect", "Incorrect password. Please try again.");
      }
    }
    rules.passwords.setPassword(user, newPassword, "new_password");
    if (signOutOthers) {
      rules.sessions.endOtherSessions(user, session.id);
    }
    return ok(ex, views.user(user));
  }
}
