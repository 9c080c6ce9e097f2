package io.alertbridge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The shared-secret header and HTTP Basic checks. Both compare digests in constant time against
 * every configured secret (no early exit, no length leak); the reason for a failure is for the
 * operator only.
 */
final class Authenticators {

  private Authenticators() {}

  /**
   * @param headerName the header carrying the secret
   * @param secrets the accepted secrets
   * @return an authenticator that accepts a delivery whose header equals one of the secrets
   */
  static Authenticator sharedSecretHeader(String headerName, List<Secret> secrets) {
    List<byte[]> expected = secrets.stream().map(s -> sha256(s.utf8Bytes())).toList();
    return Authenticator.checking(delivery -> {
      Optional<String> presented = delivery.headers().first(headerName);
      if (presented.isEmpty()) {
        return Authenticator.failed("the " + headerName + " header is missing");
      }
      String value = presented.get().strip();
      boolean utf8 = matchesAny(expected, sha256(value.getBytes(StandardCharsets.UTF_8)));
      Optional<byte[]> octets = octets(value);
      boolean raw = octets.isPresent() && matchesAny(expected, sha256(octets.get()));
      return utf8 | raw ? Optional.empty() : Authenticator.failed("the " + headerName
          + " header matches none of the " + expected.size() + " secret(s)");
    });
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
  static Authenticator basic(List<Authentication.Credentials> credentials) {
    List<byte[]> expected = credentials.stream()
        .map(c -> sha256((c.username() + ':' + c.password().reveal()).getBytes(StandardCharsets.UTF_8)))
        .toList();
    return Authenticator.checking(delivery -> {
      Optional<String> header = delivery.headers().first("Authorization");
      if (header.isEmpty()) {
        return Authenticator.failed("the Authorization header is missing");
      }
      Optional<byte[]> presented = basicToken(header.get());
      if (presented.isEmpty()) {
        return Authenticator.failed("the Authorization header is not HTTP Basic with base64 credentials");
      }
      return matchesAny(expected, sha256(presented.get())) ? Optional.empty() : Authenticator.failed(
          "the HTTP Basic user name and password match none of the " + expected.size() + " credential(s)");
    });
  }

  /**
   * @param expected digests of what is accepted
   * @param presented the digest of what was presented
   * @return whether it equals any of them, having compared against all of them
   */
  static boolean matchesAny(List<byte[]> expected, byte[] presented) {
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
