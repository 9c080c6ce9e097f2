package io.alertbridge.core;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC and constant-time comparison, for integrations that check signed deliveries. */
public final class Hmac {

  private Hmac() {}

  /**
   * @param key the key bytes
   * @param parts the message, in parts that are signed one after the other with nothing between
   * @return HMAC-SHA256 of the message
   */
  public static byte[] sha256(byte[] key, byte[]... parts) {
    return mac("HmacSHA256", key, parts);
  }

  /**
   * @param key the key bytes
   * @param parts the message, in parts that are signed one after the other with nothing between
   * @return HMAC-SHA1 of the message
   */
  public static byte[] sha1(byte[] key, byte[]... parts) {
    return mac("HmacSHA1", key, parts);
  }

  /**
   * Compares in time that depends only on the lengths, never on where the arrays differ.
   *
   * @param expected what was computed
   * @param presented what the delivery carried
   * @return whether they are equal
   */
  public static boolean constantTimeEquals(byte[] expected, byte[] presented) {
    return MessageDigest.isEqual(Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(presented, "presented"));
  }

  private static byte[] mac(String algorithm, byte[] key, byte[]... parts) {
    Objects.requireNonNull(key, "key");
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }
}
