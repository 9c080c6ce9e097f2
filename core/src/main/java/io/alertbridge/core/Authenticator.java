package io.alertbridge.core;

/**
 * Decides whether a delivery is authentic. Runs on the raw delivery, before parsing. Implementations
 * compare in constant time and never say which part failed.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * @param delivery the delivery as received
   * @return whether it is authentic
   */
  boolean authenticate(Delivery delivery);
}
