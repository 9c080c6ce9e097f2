package io.alertbridge.core;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * One ITSM tool: how to read its deliveries and what its statuses mean. Implementations are found
 * by {@link IntegrationRegistry} through {@link java.util.ServiceLoader}, and can be built by hand.
 */
public interface Integration {

  /** @return the tool's name: lower case, e.g. {@code zendesk}; unique within a registry */
  String name();

  /** @return the parser for this tool's deliveries */
  DeliveryParser parser();

  /** @return the lifecycle table used unless an alert source overrides it */
  StatusMappingTable defaultTable();

  /** @return how this tool's priorities map to alert priorities */
  PriorityMapping priorityMapping();

  /** @return the media types the parser reads; a delivery without a Content-Type is always read */
  default Set<String> mediaTypes() {
    return Set.of("application/json");
  }

  /**
   * @param delivery a delivery
   * @return the id that a retry of this delivery repeats, if the tool sends one
   */
  default Optional<String> deliveryId(Delivery delivery) {
    return Optional.empty();
  }

  /**
   * The tool's own signature check, for {@link Authentication.Signature}.
   *
   * @param signature the secrets and tolerance
   * @param clock the clock to check timestamps against
   * @return the check, or empty when the tool does not sign its deliveries
   */
  default Optional<Authenticator> signatureVerifier(Authentication.Signature signature, Clock clock) {
    return Optional.empty();
  }
}
