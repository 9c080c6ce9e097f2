package io.alertbridge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The authentication building blocks every integration can use: a shared-secret header and HTTP
 * Basic. Both compare digests in constant time against every configured secret (no early exit, no
 * length leak) and never say which part failed.
 */
public final class Authenticators {

  private Authenticators() {}

  /**
   * @param headerName the header carrying the secret
   * @param secrets the accepted secrets
   * @return an authenticator that accepts a delivery whose header equals one of the secrets
   */
  public static Authenticator sharedSecretHeader(String headerName, List<Secret> secrets) {
    List<byte[]> expected = secrets.stream().map(s -> sha256(s.utf8Bytes())).toList();
    return delivery -> {
      Optional<String> presented = delivery.headers().first(headerName);
      if (presented.isEmpty()) {
        return false;
      }
      String value = presented.get().strip();
      boolean utf8 = matchesAny(expected, sha256(value.getBytes(StandardCharsets.UTF_8)));
      Optional<byte[]> octets = octets(value);
      boolean raw = octets.isPresent() && matchesAny(expected, sha256(octets.get()));
      return utf8 | raw;
    };
  }

  /**
   * The bytes the sender sent, when the host's server decoded the header as ISO-8859-1 (as the JDK's
   * server and most servlet containers do): one character per byte. Secrets are compared on their
   * UTF-8 bytes, so a non-ASCII secret matches whichever way the host decoded the header.
   */
  private static Optional<byte[]> octets(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0xFF) {
        return Optional.empty();
      }
    }
    return Optional.of(value.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * @param credentials the accepted user names and passwords
   * @return an authenticator that accepts a delivery whose {@code Authorization: Basic} header holds
   *     one of the credentials
   */
  public static Authenticator basic(List<Authentication.Credentials> credentials) {
    List<byte[]> expected = credentials.stream()
        .map(c -> sha256((c.username() + ':' + c.password().reveal()).getBytes(StandardCharsets.UTF_8)))
        .toList();
    return delivery -> {
      Optional<byte[]> presented = delivery.headers().first("Authorization").flatMap(Authenticators::basicToken);
      return presented.isPresent() && matchesAny(expected, sha256(presented.get()));
    };
  }

  /**
   * @param expected digests of what is accepted
   * @param presented the digest of what was presented
   * @return whether it equals any of them, having compared against all of them
   */
  public static boolean matchesAny(List<byte[]> expected, byte[] presented) {
    boolean any = false;
    for (byte[] candidate : expected) {
      any |= MessageDigest.isEqual(candidate, presented);
    }
    return any;
  }

  private static Optional<byte[]> basicToken(String header) {
    String value = header.strip();
    if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(value.substring(6).strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
