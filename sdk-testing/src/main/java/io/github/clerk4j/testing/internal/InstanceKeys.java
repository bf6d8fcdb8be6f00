package io.github.clerk4j.testing.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The secrets of one emulator instance: the RSA key pair that signs session tokens (and its key
 * id, the JWKS {@code kid}), the HMAC key of client tokens, and the HMAC key of password digests.
 * New for every emulator, so that nothing from another run verifies; kept in the state file of a
 * {@code --data-dir}, so that client tokens, session tokens and passwords from before a restart
 * still work. toString() is not overridden by a record's: it names no secret.
 */
final class InstanceKeys {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  final String kid;
  final KeyPair rsa;
  final byte[] clientTokenKey;
  final byte[] passwordKey;

  private InstanceKeys(String kid, KeyPair rsa, byte[] clientTokenKey, byte[] passwordKey) {
    this.kid = kid;
    this.rsa = rsa;
    this.clientTokenKey = clientTokenKey;
    this.passwordKey = passwordKey;
  }

  /**
   * Fresh keys, and a key id {@code ins_} and 27 base-62 characters. A {@code SecureRandom}, never
   * the (possibly seeded) random source of the emulator: keys must differ from run to run.
   */
  static InstanceKeys generate() {
    SecureRandom random = new SecureRandom();
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder kid = new StringBuilder("ins_");
    for (int i = 0; i < 27; i++) {
      kid.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      byte[] clientTokenKey = new byte[32];
      byte[] passwordKey = new byte[32];
      random.nextBytes(clientTokenKey);
      random.nextBytes(passwordKey);
      return new InstanceKeys(kid.toString(), generator.generateKeyPair(), clientTokenKey, passwordKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  /** The keys as the state file keeps them (base64 PKCS#8 and X.509 for RSA). */
  Map<String, Object> toJson() {
    return Json.obj("kid", kid,
        "rsa_private_pkcs8", B64.encodeToString(rsa.getPrivate().getEncoded()),
        "rsa_public_x509", B64.encodeToString(rsa.getPublic().getEncoded()),
        "client_token_hmac_key", B64.encodeToString(clientTokenKey),
        "password_hmac_key", B64.encodeToString(passwordKey));
  }

  /**
   * The keys of a state file.
   *
   * @throws IllegalArgumentException if a key is missing or not a key
   */
  static InstanceKeys fromJson(Map<?, ?> json) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      KeyPair pair = new KeyPair(
          rsa.generatePublic(new X509EncodedKeySpec(bytes(json, "rsa_public_x509"))),
          rsa.generatePrivate(new PKCS8EncodedKeySpec(bytes(json, "rsa_private_pkcs8"))));
      return new InstanceKeys(string(json, "kid"), pair, bytes(json, "client_token_hmac_key"),
          bytes(json, "password_hmac_key"));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("keys.rsa is not an RSA key pair: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(Map<?, ?> json, String name) {
    try {
      return B64D.decode(string(json, name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("keys." + name + " is not base64");
    }
  }

  private static String string(Map<?, ?> json, String name) {
    if (!(json.get(name) instanceof String s)) {
      throw new IllegalArgumentException("keys." + name + " is missing");
    }
    return s;
  }
}
