package io.alertbridge.zendesk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and constant-time comparison, for Zendesk's signatures. */
final class Hmac {

  private Hmac() {}

  /**
   * @param key the key bytes
   * @param parts the message, in parts that are signed one after the other with nothing between
   * @return HMAC-SHA256 of the message
   */
  static byte[] sha256(byte[] key, byte[]... parts) {
    return mac("HmacSHA256", key, parts);
  }

  /**
   * Compares in time that depends only on the lengths, never on where the arrays differ.
   *
   * @param expected what was computed
   * @param presented what the delivery carried
   * @return whether they are equal
   */
  static boolean constantTimeEquals(byte[] expected, byte[] presented) {
    return MessageDigest.isEqual(Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(presented, "presented"));
  }

  /**
   * @param key the key bytes
   * @return the key prepared once for HMAC-SHA256, for signing many messages
   */
  static Key sha256Key(byte[] key) {
    return new Key("HmacSHA256", key);
  }

  /**
   * A key prepared for one HMAC algorithm: signing clones an initialised {@link Mac} instead of
   * looking one up and keying it each time. Thread-safe. Its {@code toString()} never shows the key.
   */
  static final class Key {
    private final String algorithm;
    private final byte[] key;
    private final Mac prototype;

    private Key(String algorithm, byte[] key) {
      this.algorithm = algorithm;
      this.key = Objects.requireNonNull(key, "key").clone();
      this.prototype = init(algorithm, this.key);
    }

    /**
     * @param parts the message, in parts signed one after the other with nothing between
     * @return the HMAC of the message
     */
    public byte[] sign(byte[]... parts) {
      Mac mac;
      try {
        mac = (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        mac = init(algorithm, key);
      }
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    }

    @Override
    public String toString() {
      return "Hmac.Key[" + algorithm + ", redacted]";
    }
  }

  private static Mac init(String algorithm, byte[] key) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
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
