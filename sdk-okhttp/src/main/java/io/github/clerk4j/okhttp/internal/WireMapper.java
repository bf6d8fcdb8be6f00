package io.github.clerk4j.okhttp.internal;

import io.github.clerk4j.BackupCodes;
import io.github.clerk4j.ClerkError;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.Factor;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.Totp;
import io.github.clerk4j.UserData;
import io.github.clerk4j.Verification;
import io.github.clerk4j.okhttp.internal.dto.BackupCodesDto;
import io.github.clerk4j.okhttp.internal.dto.ClientDto;
import io.github.clerk4j.okhttp.internal.dto.DeletedObjectDto;
import io.github.clerk4j.okhttp.internal.dto.EmailAddressDto;
import io.github.clerk4j.okhttp.internal.dto.EnvironmentDto;
import io.github.clerk4j.okhttp.internal.dto.ErrorDto;
import io.github.clerk4j.okhttp.internal.dto.FactorDto;
import io.github.clerk4j.okhttp.internal.dto.PhoneNumberDto;
import io.github.clerk4j.okhttp.internal.dto.ReverificationDto;
import io.github.clerk4j.okhttp.internal.dto.SessionDto;
import io.github.clerk4j.okhttp.internal.dto.SessionTaskDto;
import io.github.clerk4j.okhttp.internal.dto.SignInDto;
import io.github.clerk4j.okhttp.internal.dto.TokenDto;
import io.github.clerk4j.okhttp.internal.dto.TotpDto;
import io.github.clerk4j.okhttp.internal.dto.UserDataDto;
import io.github.clerk4j.okhttp.internal.dto.UserDto;
import io.github.clerk4j.okhttp.internal.dto.VerificationDto;
import io.github.clerk4j.spi.ClientResource;
import io.github.clerk4j.spi.DeletedObject;
import io.github.clerk4j.spi.EnvironmentResource;
import io.github.clerk4j.spi.PhoneNumberResource;
import io.github.clerk4j.spi.ReverificationResource;
import io.github.clerk4j.spi.SessionResource;
import io.github.clerk4j.spi.SignInResource;
import io.github.clerk4j.spi.UserResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Wire DTOs → the SPI's resources and core's values. Every method maps {@code null} to {@code
 * null}: FAPI sends explicit nulls for absent objects, and {@code GET /v1/client} of an unknown
 * client answers {@code response: null}. Absent booleans become {@code false}.
 */
public final class WireMapper {

  private WireMapper() {}

  public static ClientResource client(ClientDto d) {
    if (d == null) {
      return null;
    }
    return new ClientResource(
        d.id(),
        list(d.sessions(), WireMapper::session),
        signIn(d.signIn()),
        d.lastActiveSessionId(),
        d.cookieExpiresAt(),
        d.createdAt(),
        d.updatedAt());
  }

  public static SignInResource signIn(SignInDto d) {
    if (d == null) {
      return null;
    }
    return new SignInResource(
        d.id(),
        d.status(),
        nonNull(d.supportedIdentifiers()),
        list(d.supportedFirstFactors(), WireMapper::factor),
        list(d.supportedSecondFactors(), WireMapper::factor),
        verification(d.firstFactorVerification()),
        verification(d.secondFactorVerification()),
        d.identifier(),
        userData(d.userData()),
        d.createdSessionId(),
        d.abandonAt(),
        d.clientTrustState());
  }

  static Factor factor(FactorDto d) {
    if (d == null) {
      return null;
    }
    return new Factor(
        d.strategy(),
        d.safeIdentifier(),
        d.emailAddressId(),
        d.phoneNumberId(),
        d.primary(),
        isTrue(d.isDefault()));
  }

  static Verification verification(VerificationDto d) {
    if (d == null) {
      return null;
    }
    return new Verification(d.status(), d.strategy(), d.attempts(), d.expireAt(), error(d.error()));
  }

  static UserData userData(UserDataDto d) {
    if (d == null) {
      return null;
    }
    return new UserData(d.firstName(), d.lastName(), d.imageUrl(), isTrue(d.hasImage()));
  }

  public static SessionResource session(SessionDto d) {
    if (d == null) {
      return null;
    }
    return new SessionResource(
        d.id(),
        d.status(),
        d.expireAt(),
        d.abandonAt(),
        d.lastActiveAt(),
        token(d.lastActiveToken()),
        d.lastActiveOrganizationId(),
        list(d.tasks(), WireMapper::task),
        user(d.user()),
        nonNull(d.factorVerificationAge()),
        d.createdAt(),
        d.updatedAt());
  }

  static SessionTask task(SessionTaskDto d) {
    return d == null ? null : new SessionTask(d.key());
  }

  /** The JWT of {@code {object: token, jwt}}. */
  public static String token(TokenDto d) {
    return d == null ? null : d.jwt();
  }

  public static UserResource user(UserDto d) {
    if (d == null) {
      return null;
    }
    return new UserResource(
        d.id(),
        d.username(),
        d.firstName(),
        d.lastName(),
        d.imageUrl(),
        d.primaryEmailAddressId(),
        d.primaryPhoneNumberId(),
        list(d.emailAddresses(), WireMapper::emailAddress),
        list(d.phoneNumbers(), WireMapper::phoneNumber),
        isTrue(d.passwordEnabled()),
        isTrue(d.twoFactorEnabled()),
        isTrue(d.totpEnabled()),
        isTrue(d.backupCodeEnabled()),
        d.createdAt(),
        d.updatedAt());
  }

  static EmailAddress emailAddress(EmailAddressDto d) {
    if (d == null) {
      return null;
    }
    return new EmailAddress(d.id(), d.emailAddress(), verification(d.verification()));
  }

  public static PhoneNumberResource phoneNumber(PhoneNumberDto d) {
    if (d == null) {
      return null;
    }
    return new PhoneNumberResource(
        d.id(),
        d.phoneNumber(),
        isTrue(d.reservedForSecondFactor()),
        isTrue(d.defaultSecondFactor()),
        verification(d.verification()),
        nonNull(d.backupCodes()));
  }

  public static Totp totp(TotpDto d) {
    if (d == null) {
      return null;
    }
    return new Totp(
        d.id(),
        d.secret(),
        d.uri(),
        isTrue(d.verified()),
        nonNull(d.backupCodes()),
        d.createdAt(),
        d.updatedAt());
  }

  public static BackupCodes backupCodes(BackupCodesDto d) {
    return d == null ? null : new BackupCodes(d.id(), nonNull(d.codes()), d.createdAt());
  }

  public static DeletedObject deletedObject(DeletedObjectDto d) {
    return d == null ? null : new DeletedObject(d.object(), d.id(), isTrue(d.deleted()));
  }

  public static ReverificationResource reverification(ReverificationDto d) {
    if (d == null) {
      return null;
    }
    return new ReverificationResource(
        d.level(),
        d.status(),
        list(d.supportedFirstFactors(), WireMapper::factor),
        list(d.supportedSecondFactors(), WireMapper::factor),
        verification(d.firstFactorVerification()),
        verification(d.secondFactorVerification()),
        session(d.session()));
  }

  /**
   * The strategies of the enabled attributes of {@code user_settings.attributes}, in the order the
   * instance lists them. {@code password} has no {@code first_factors} entry of its own on the wire
   * (its list is empty), so an enabled password attribute used for the first factor adds the {@code
   * password} strategy.
   */
  public static EnvironmentResource environment(EnvironmentDto d) {
    if (d == null) {
      return null;
    }
    Set<String> first = new LinkedHashSet<>();
    Set<String> second = new LinkedHashSet<>();
    Map<String, EnvironmentDto.Attribute> attributes =
        d.userSettings() == null || d.userSettings().attributes() == null
            ? Map.of()
            : d.userSettings().attributes();
    attributes.forEach(
        (name, a) -> {
          if (a == null || !isTrue(a.enabled())) {
            return;
          }
          if (isTrue(a.usedForFirstFactor())) {
            if (a.firstFactors() != null) {
              first.addAll(a.firstFactors());
            }
            if ("password".equals(name)) {
              first.add("password");
            }
          }
          if (isTrue(a.usedForSecondFactor()) && a.secondFactors() != null) {
            second.addAll(a.secondFactors());
          }
        });
    String applicationName = d.displayConfig() == null ? null : d.displayConfig().applicationName();
    return new EnvironmentResource(applicationName, List.copyOf(first), List.copyOf(second));
  }

  /**
   * One error of an error envelope or a verification. {@code meta} values become String, Long (for
   * whole numbers; Moshi reads every number as a double), Double, Boolean, List or Map; null
   * members are dropped, because {@link ClerkError} keeps an immutable map that cannot hold them.
   */
  public static ClerkError error(ErrorDto d) {
    if (d == null) {
      return null;
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (d.meta() != null) {
      d.meta()
          .forEach(
              (k, v) -> {
                if (k != null && v != null) {
                  meta.put(k, metaValue(v));
                }
              });
    }
    return new ClerkError(d.code(), d.message(), d.longMessage(), meta);
  }

  private static Object metaValue(Object v) {
    if (v instanceof Double) {
      double x = (Double) v;
      if (x == Math.rint(x) && !Double.isInfinite(x) && Math.abs(x) < 0x1p53) {
        return (long) x;
      }
      return x;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(e == null ? null : metaValue(e));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v)
          .forEach((k, e) -> out.put(String.valueOf(k), e == null ? null : metaValue(e)));
      return Collections.unmodifiableMap(out);
    }
    return v;
  }

  private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
    if (items == null) {
      return null;
    }
    List<B> out = new ArrayList<>(items.size());
    for (A item : items) {
      if (item != null) {
        out.add(map.apply(item));
      }
    }
    return out;
  }

  /**
   * The list without null elements (the SPI copies lists with {@code List.copyOf}, which rejects
   * them).
   */
  private static <A> List<A> nonNull(List<A> items) {
    return list(items, Function.identity());
  }

  private static boolean isTrue(Boolean b) {
    return b != null && b;
  }
}
