package io.alertbridge.core;

import io.alertbridge.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ITSM tool: how to read its deliveries, what its statuses mean, its settings and, where the
 * deliveries only name tickets, where tickets come from. Implementations are found by {@link
 * IntegrationRegistry} through {@link java.util.ServiceLoader}, and can be built by hand. Everything a
 * tool needs lives in its integration: core, the command line and the test kit know no tool by name.
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

  /**
   * @return the authentication this tool's deliveries can carry best, for tools and configurations
   *     that turn "a secret" into an {@link Authentication}: {@link Authentication.Kind#SIGNATURE}
   *     when the tool signs, {@link Authentication.Kind#BASIC} when it can only send HTTP Basic, and
   *     otherwise {@link Authentication.Kind#SHARED_SECRET_HEADER}. The default says SIGNATURE when
   *     {@link #signatureVerifier} gives a check, else SHARED_SECRET_HEADER.
   */
  default Authentication.Kind preferredAuthentication() {
    Authentication.Signature probe = new Authentication.Signature(List.of(Secret.of("probe")),
        Authentication.Signature.DEFAULT_TOLERANCE);
    return signatureVerifier(probe, Clock.systemUTC()).isPresent() ? Authentication.Kind.SIGNATURE
        : Authentication.Kind.SHARED_SECRET_HEADER;
  }

  /**
   * @return where the tickets that deliveries only name ({@link TicketReference}) come from; empty
   *     when every delivery carries its ticket
   */
  default Optional<TicketSource> ticketSource() {
    return Optional.empty();
  }

  /**
   * Reads this integration's settings from a JSON object, such as the {@code settings} member of a
   * configuration file. Values are strings, numbers, booleans or objects as the integration documents.
   *
   * @param settings the object; {@link JsonObject#pointer()} is where it is in the configuration
   * @return the settings, or empty when the object is empty and the integration needs none
   * @throws ConfigurationException listing every problem, each with its JSON pointer; never a
   *     secret's value. The default refuses any member: the integration takes no settings.
   */
  default Optional<IntegrationSettings> readSettings(JsonObject settings) {
    if (settings.values().isEmpty()) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    settings.values().keySet().forEach(member -> problems.add("unknown member at " + settings.pointerOf(member)
        + ": the " + name() + " integration takes no settings"));
    throw new ConfigurationException("settings", problems);
  }

  /**
   * @return command-line options this integration offers for its settings, from the option's name
   *     (without {@code --}, prefixed with the integration's name) to the settings member it sets as a
   *     string; none by default
   */
  default Map<String, String> settingOptions() {
    return Map.of();
  }

  /**
   * Checks an alert source of this integration before its first delivery, for what only the
   * integration knows: settings it needs, settings of the wrong type. {@link
   * WebhookProcessor#validate} adds what core checks (such as a signature check the integration does
   * not have).
   *
   * @param source an alert source naming this integration
   * @return every problem, in words for the operator, never with a secret; empty when it is fine.
   *     The default refuses settings of any kind: the integration takes none.
   */
  default List<String> validate(AlertSource source) {
    return source.settings().isPresent()
        ? List.of("the " + name() + " integration takes no settings, but the source has "
            + source.settings().get().getClass().getSimpleName())
        : List.of();
  }

  /**
   * @return how this tool takes an alert's changes back to its ticket; empty when it cannot (the default)
   */
  default Optional<TicketWriter> ticketWriter() {
    return Optional.empty();
  }

  /** @return how this tool is polled for changed tickets; empty when it is not (the default) */
  default Optional<TicketPoller> ticketPoller() {
    return Optional.empty();
  }
}
