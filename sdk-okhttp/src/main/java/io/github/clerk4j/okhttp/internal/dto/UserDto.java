package io.github.clerk4j.okhttp.internal.dto;

import com.squareup.moshi.Json;
import java.time.Instant;
import java.util.List;

/** {@code object: user}. */
public record UserDto(
    String id,
    String username,
    @Json(name = "first_name") String firstName,
    @Json(name = "last_name") String lastName,
    @Json(name = "image_url") String imageUrl,
    @Json(name = "primary_email_address_id") String primaryEmailAddressId,
    @Json(name = "primary_phone_number_id") String primaryPhoneNumberId,
    @Json(name = "email_addresses") List<EmailAddressDto> emailAddresses,
    @Json(name = "phone_numbers") List<PhoneNumberDto> phoneNumbers,
    @Json(name = "password_enabled") Boolean passwordEnabled,
    @Json(name = "two_factor_enabled") Boolean twoFactorEnabled,
    @Json(name = "totp_enabled") Boolean totpEnabled,
    @Json(name = "backup_code_enabled") Boolean backupCodeEnabled,
    @Json(name = "created_at") Instant createdAt,
    @Json(name = "updated_at") Instant updatedAt) {}
