package io.github.clerk4j.benchmarks;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The {@code hand-rolled-full} variant's Moshi: {@link HandRolledClient}'s answers decoded into
 * classes that hold every member clerk4j-core decodes (the response and the piggybacked client:
 * sessions, their user with e-mail addresses and phone numbers, factors, verifications, tokens),
 * by Moshi's own reflective adapters. The client's flow code is the same: each small class of
 * {@link HandRolledClient} is decoded as its subclass here. It measures what decoding the state
 * clerk4j promises costs when Moshi's adapters do it, beside clerk4j's decoders over {@code
 * JsonSource}. One difference is Moshi's, not chosen: its adapters decode the client's copy of the
 * response (the sign-in in progress, the touched session) a second time, where clerk4j takes the
 * response for it.
 */
final class FullStateJson {

  private FullStateJson() {}

  /** A Moshi that decodes {@link HandRolledClient}'s answer classes as the full ones below. */
  static Moshi moshi() {
    Map<Type, Class<?>> full = Map.of(
        HandRolledClient.SignInAnswer.class, SignInAnswer.class,
        HandRolledClient.SessionAnswer.class, SessionAnswer.class,
        HandRolledClient.SignInJson.class, SignIn.class,
        HandRolledClient.FactorJson.class, Factor.class,
        HandRolledClient.SessionJson.class, Session.class);
    JsonAdapter.Factory asFull = (type, annotations, moshi) -> {
      Class<?> subclass = annotations.isEmpty() ? full.get(type) : null;
      return subclass == null ? null : moshi.adapter(subclass);
    };
    return new Moshi.Builder().add(asFull).build();
  }

  static final class SignInAnswer extends HandRolledClient.SignInAnswer {
    Client client;
  }

  static final class SessionAnswer extends HandRolledClient.SessionAnswer {
    Client client;
  }

  static final class Client {
    String id;
    List<HandRolledClient.SessionJson> sessions;
    @Json(name = "sign_in") HandRolledClient.SignInJson signIn;
    /** Not in these answers (null); a sign-up's members as Moshi reads any object. */
    @Json(name = "sign_up") Map<String, Object> signUp;
    @Json(name = "last_active_session_id") String lastActiveSessionId;
    @Json(name = "cookie_expires_at") Long cookieExpiresAt;
    @Json(name = "created_at") Long createdAt;
    @Json(name = "updated_at") Long updatedAt;
  }

  static final class SignIn extends HandRolledClient.SignInJson {
    @Json(name = "supported_identifiers") List<String> supportedIdentifiers;
    @Json(name = "supported_first_factors") List<HandRolledClient.FactorJson> supportedFirstFactors;
    @Json(name = "first_factor_verification") Verification firstFactorVerification;
    @Json(name = "second_factor_verification") Verification secondFactorVerification;
    String identifier;
    @Json(name = "user_data") UserData userData;
    @Json(name = "abandon_at") Long abandonAt;
    @Json(name = "client_trust_state") String clientTrustState;
  }

  static final class Factor extends HandRolledClient.FactorJson {
    @Json(name = "safe_identifier") String safeIdentifier;
    @Json(name = "phone_number_id") String phoneNumberId;
    Boolean primary;
    @Json(name = "default") Boolean isDefault;
  }

  static final class Verification {
    String status;
    String strategy;
    Integer attempts;
    @Json(name = "expire_at") Long expireAt;
    VerificationError error;
    @Json(name = "next_action") String nextAction;
    @Json(name = "supported_strategies") List<String> supportedStrategies;
    @Json(name = "external_verification_redirect_url") String externalVerificationRedirectUrl;
  }

  static final class VerificationError {
    String code;
    String message;
    @Json(name = "long_message") String longMessage;
    Map<String, Object> meta;
  }

  /** A sign-in's {@code user_data}; also the first members of a {@link User}. */
  static class UserData {
    @Json(name = "first_name") String firstName;
    @Json(name = "last_name") String lastName;
    @Json(name = "image_url") String imageUrl;
    @Json(name = "has_image") Boolean hasImage;
  }

  static final class Session extends HandRolledClient.SessionJson {
    @Json(name = "expire_at") Long expireAt;
    @Json(name = "abandon_at") Long abandonAt;
    @Json(name = "last_active_at") Long lastActiveAt;
    @Json(name = "last_active_token") Token lastActiveToken;
    @Json(name = "last_active_organization_id") String lastActiveOrganizationId;
    List<Task> tasks;
    User user;
    @Json(name = "factor_verification_age") List<Integer> factorVerificationAge;
    @Json(name = "created_at") Long createdAt;
    @Json(name = "updated_at") Long updatedAt;
  }

  static final class Token {
    String jwt;
  }

  static final class Task {
    String key;
  }

  static final class User extends UserData {
    String id;
    String username;
    @Json(name = "primary_email_address_id") String primaryEmailAddressId;
    @Json(name = "primary_phone_number_id") String primaryPhoneNumberId;
    @Json(name = "email_addresses") List<EmailAddress> emailAddresses;
    @Json(name = "phone_numbers") List<PhoneNumber> phoneNumbers;
    @Json(name = "password_enabled") Boolean passwordEnabled;
    @Json(name = "two_factor_enabled") Boolean twoFactorEnabled;
    @Json(name = "totp_enabled") Boolean totpEnabled;
    @Json(name = "backup_code_enabled") Boolean backupCodeEnabled;
    @Json(name = "public_metadata") Map<String, Object> publicMetadata;
    @Json(name = "unsafe_metadata") Map<String, Object> unsafeMetadata;
    @Json(name = "delete_self_enabled") Boolean deleteSelfEnabled;
    @Json(name = "created_at") Long createdAt;
    @Json(name = "updated_at") Long updatedAt;
  }

  static final class EmailAddress {
    String id;
    @Json(name = "email_address") String emailAddress;
    Verification verification;
  }

  static final class PhoneNumber {
    String id;
    @Json(name = "phone_number") String phoneNumber;
    @Json(name = "reserved_for_second_factor") Boolean reservedForSecondFactor;
    @Json(name = "default_second_factor") Boolean defaultSecondFactor;
    Verification verification;
    @Json(name = "backup_codes") List<String> backupCodes;
  }
}
