package io.github.clerk4j.testing.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Signs and checks the emulator's JWTs: session tokens are RS256, signed with a key whose JWKS lets a backend
 * verify them; client tokens are HS256 with a secret of this emulator, because only the emulator
 * reads them back (clients treat them as opaque), so RSA's cost would buy nothing: it was two RSA
 * signatures of about a millisecond each per sign-in, the largest item in a profile of the
 * benchmark.
 */
final class TokenSigner {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final KeyPair keyPair;
  private final Hmac clientTokenMac;
  private final String kid;

  /** Signs with the instance's keys: fresh per emulator, or those of its state file. */
  TokenSigner(InstanceKeys keys) {
    this.keyPair = keys.rsa;
    this.kid = keys.kid;
    this.clientTokenMac = new Hmac(keys.clientTokenKey);
  }

  /**
   * A session token (RS256, key id {@code kid}, verifiable with {@link #jwks()}), signed when first
   * asked for. Responses carry it unsigned and {@link Json#write} asks for it outside the
   * emulator's lock, so that the signature (about a millisecond) no longer holds up every other
   * request. Thread-safe; signed once.
   */
  Supplier<String> sessionToken(Map<String, Object> claims) {
    Map<String, Object> copy = new LinkedHashMap<>(claims); // keeps order and explicit nulls
    return new Supplier<>() {
      private @Nullable String jwt;

      @Override
      public synchronized String get() {
        if (jwt == null) {
          jwt = signSessionToken(copy);
        }
        return jwt;
      }
    };
  }

  private String signSessionToken(Map<String, Object> claims) {
    String input = signingInput(Json.obj("alg", "RS256", "kid", kid, "typ", "JWT"), claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(keyPair.getPrivate());
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }

  /** A client token (HS256). */
  String signClientToken(Map<String, Object> claims) {
    String input = signingInput(Json.obj("alg", "HS256", "typ", "JWT"), claims);
    return input + "." + B64.encodeToString(mac(input));
  }

  /** The claims of a client token this emulator signed, or empty for anything else. */
  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> verifyClientToken(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      byte[] expected = mac(parts[0] + "." + parts[1]);
      if (!MessageDigest.isEqual(expected, B64D.decode(parts[2]))) {
        return Optional.empty();
      }
      Object claims = Json.read(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
      return claims instanceof Map ? Optional.of((Map<String, Object>) claims) : Optional.empty();
    } catch (IllegalArgumentException | java.io.UncheckedIOException | com.squareup.moshi.JsonDataException e) {
      return Optional.empty();
    }
  }

  Map<String, Object> jwks() {
    RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
    return Json.obj("keys", List.of(Json.obj(
        "use", "sig", "kty", "RSA", "kid", kid, "alg", "RS256",
        "n", B64.encodeToString(unsigned(key.getModulus())),
        "e", B64.encodeToString(unsigned(key.getPublicExponent())))));
  }

  private static String signingInput(Map<String, Object> header, Map<String, Object> claims) {
    return b64(Json.write(header)) + "." + b64(Json.write(claims));
  }

  private byte[] mac(String input) {
    return clientTokenMac.of(input.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
