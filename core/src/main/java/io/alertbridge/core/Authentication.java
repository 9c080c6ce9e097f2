package io.alertbridge.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an alert source's deliveries are authenticated. Every variant accepts several secrets at once,
 * so that secrets can be rotated without downtime.
 */
public sealed interface Authentication {

  /** The kinds of authentication, for integrations to say which one their tool can send. */
  enum Kind {
    /** {@link Authentication#none()}. */
    NONE,
    /** {@link SharedSecretHeader}. */
    SHARED_SECRET_HEADER,
    /** {@link Basic}. */
    BASIC,
    /** {@link Signature}. */
    SIGNATURE
  }

  /** @return which kind this is */
  Kind kind();

  /** @return no authentication (the host may route by a secret URL instead) */
  static Authentication none() {
    return None.INSTANCE;
  }

  /**
   * @param headerName the header that carries the secret, e.g. {@code X-AlertBridge-Secret}
   * @param secrets the accepted secrets
   * @return a shared-secret header check
   */
  static Authentication sharedSecretHeader(String headerName, Secret... secrets) {
    return new SharedSecretHeader(headerName, List.of(secrets));
  }

  /**
   * @param credentials the accepted user names and passwords
   * @return an HTTP Basic check
   */
  static Authentication basic(Credentials... credentials) {
    return new Basic(List.of(credentials));
  }

  /**
   * @param secrets the accepted signing secrets
   * @return the integration's own signature check, with the default tolerance of 5 minutes
   */
  static Authentication signature(Secret... secrets) {
    return new Signature(List.of(secrets), Signature.DEFAULT_TOLERANCE);
  }

  /** No authentication. */
  enum None implements Authentication {
    /** The only value. */
    INSTANCE;

    @Override
    public Kind kind() {
      return Kind.NONE;
    }
  }

  /**
   * A secret in a request header, compared in constant time.
   *
   * @param headerName the header that carries the secret
   * @param secrets the accepted secrets, at least one
   */
  record SharedSecretHeader(String headerName, List<Secret> secrets) implements Authentication {
    /**
     * Checks for nulls and at least one secret.
     *
     * @param headerName the header that carries the secret
     * @param secrets the accepted secrets, at least one
     */
    public SharedSecretHeader {
      Objects.requireNonNull(headerName, "headerName");
      secrets = requireSome(secrets, "secrets");
    }

    @Override
    public Kind kind() {
      return Kind.SHARED_SECRET_HEADER;
    }
  }

  /**
   * HTTP Basic, compared in constant time.
   *
   * @param credentials the accepted user names and passwords, at least one
   */
  record Basic(List<Credentials> credentials) implements Authentication {
    /**
     * Checks for nulls and at least one credential.
     *
     * @param credentials the accepted user names and passwords, at least one
     */
    public Basic {
      credentials = requireSome(credentials, "credentials");
    }

    @Override
    public Kind kind() {
      return Kind.BASIC;
    }
  }

  /**
   * The integration's own signature check (for tools that sign their requests).
   *
   * @param secrets the accepted signing secrets, at least one
   * @param tolerance how far the signed timestamp may be from now, in either direction
   */
  record Signature(List<Secret> secrets, Duration tolerance) implements Authentication {
    /** The tolerance when none is given: 5 minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /**
     * Checks for nulls, at least one secret and a positive tolerance.
     *
     * @param secrets the accepted signing secrets, at least one
     * @param tolerance how far the signed timestamp may be from now, in either direction
     */
    public Signature {
      secrets = requireSome(secrets, "secrets");
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
      }
    }

    @Override
    public Kind kind() {
      return Kind.SIGNATURE;
    }

    /**
     * @param tolerance the new tolerance
     * @return a copy with that tolerance
     */
    public Signature withTolerance(Duration tolerance) {
      return new Signature(secrets, tolerance);
    }
  }

  /**
   * A user name and password for HTTP Basic.
   *
   * @param username the user name
   * @param password the password
   */
  record Credentials(String username, Secret password) {
    /**
     * Checks for nulls.
     *
     * @param username the user name
     * @param password the password
     */
    public Credentials {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /**
     * @param username the user name
     * @param password the password
     * @return the credentials
     */
    public static Credentials of(String username, String password) {
      return new Credentials(username, Secret.of(password));
    }
  }

  private static <T> List<T> requireSome(List<T> list, String name) {
    List<T> copy = List.copyOf(list);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return copy;
  }
}
