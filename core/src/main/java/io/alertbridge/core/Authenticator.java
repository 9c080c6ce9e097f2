package io.alertbridge.core;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a delivery is authentic. Runs on the raw delivery, before parsing. Implementations
 * compare in constant time. The sender only ever hears "401"; the reason a check gives ({@link
 * #check}) goes to the operator: into the explanation and one log line, never with a secret.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * @param delivery the delivery as received
   * @return whether it is authentic
   */
  boolean authenticate(Delivery delivery);

  /**
   * Checks the delivery and says why it failed. The default gives a reason that names no part;
   * implementations that can tell a missing header from a wrong secret or an old timestamp override
   * it.
   *
   * @param delivery the delivery as received
   * @return empty when authentic, else why not, for the operator: never a secret or what was presented
   */
  default Optional<String> check(Delivery delivery) {
    return authenticate(delivery) ? Optional.empty() : Optional.of("the credentials did not match");
  }

  /**
   * @param reason why a check failed
   * @return the same, as {@link #check} returns it
   */
  static Optional<String> failed(String reason) {
    return Optional.of(Objects.requireNonNull(reason, "reason"));
  }

  /**
   * @param check gives empty for an authentic delivery, else the reason (see {@link #check})
   * @return an authenticator built on that check: authentic when it gives empty
   */
  static Authenticator checking(Function<Delivery, Optional<String>> check) {
    Objects.requireNonNull(check, "check");
    return new Authenticator() {
      @Override
      public boolean authenticate(Delivery delivery) {
        return check(delivery).isEmpty();
      }

      @Override
      public Optional<String> check(Delivery delivery) {
        return Objects.requireNonNull(check.apply(delivery), "the check gave null");
      }
    };
  }
}
