package io.github.clerk4j.testing.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RS256 JWTs signed with the emulator's key, and the JWKS that lets a backend verify them. */
final class Jwts {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final KeyPair keyPair;
  private final String kid;

  Jwts(String kid) {
    try {
      // A fresh key per emulator: tokens from another run must not verify. Key generation needs
      // a SecureRandom, so it is not driven by the (possibly seeded) random source.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      this.keyPair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
    this.kid = kid;
  }

  String sign(Map<String, Object> claims) {
    String header = b64(Json.write(Json.obj("alg", "RS256", "kid", kid, "typ", "JWT")));
    String payload = b64(Json.write(claims));
    String input = header + "." + payload;
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(keyPair.getPrivate());
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }

  /** The claims of a token this emulator signed, or empty for anything else. */
  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> verify(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(keyPair.getPublic());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(B64D.decode(parts[2]))) {
        return Optional.empty();
      }
      Object claims = Json.read(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
      return claims instanceof Map ? Optional.of((Map<String, Object>) claims) : Optional.empty();
    } catch (IllegalArgumentException | GeneralSecurityException | java.io.UncheckedIOException
        | com.squareup.moshi.JsonDataException e) {
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

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
