package io.alertbridge.topdesk.testing;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * TOPdesk action-sequence deliveries: {@code TopdeskDeliveries.event("RESOLVE", "I 2504 117").build()}.
 */
public final class TopdeskDeliveries {

  private TopdeskDeliveries() {}

  /**
   * @param eventType ALERT, ACCEPT or RESOLVE
   * @param incidentKey the incident number, e.g. {@code I 2504 117}
   * @return a builder with a summary filled in
   */
  public static Builder event(String eventType, String incidentKey) {
    return new Builder(eventType, incidentKey);
  }

  /** Builds one TOPdesk delivery. */
  public static final class Builder {
    private final Map<String, Object> body = new LinkedHashMap<>();

    private Builder(String eventType, String incidentKey) {
      body.put("eventType", Objects.requireNonNull(eventType, "eventType"));
      body.put("incidentKey", Objects.requireNonNull(incidentKey, "incidentKey"));
      body.put("summary", "Mailserver reageert niet");
    }

    /**
     * @param summary the brief description
     * @return this builder
     */
    public Builder summary(String summary) {
      return field("summary", summary);
    }

    /**
     * @param priority HIGH or LOW
     * @return this builder
     */
    public Builder priority(String priority) {
      return field("priority", priority);
    }

    /**
     * @param name a top-level field (an own field, or a custom detail such as {@code aanmeldernaam})
     * @param value a plain Java value
     * @return this builder
     */
    public Builder field(String name, Object value) {
      body.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /** @return the delivery, as {@code application/json} */
    public Delivery build() {
      return Delivery.of(Headers.of("Content-Type", "application/json"),
          Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
  }
}
