package io.alertbridge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/** A secret value (signing secret, shared secret, password). Its {@code toString()} never shows it. */
public final class Secret {
  private final byte[] utf8;

  private Secret(byte[] utf8) {
    this.utf8 = utf8;
  }

  /**
   * @param value the secret; must not be empty
   * @return the secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /** @return a copy of the secret's UTF-8 bytes */
  public byte[] utf8Bytes() {
    return utf8.clone();
  }

  /** @return the secret as text; for building outgoing requests, never for logging */
  public String reveal() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && MessageDigest.isEqual(utf8, other.utf8);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(utf8);
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
