package io.alertbridge.example.servicenow.testing;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * ServiceNow incident bodies as a Business Rule or Flow REST message posts them, with state and
 * priority as strings (as ServiceNow sends them) unless set as numbers:
 * {@code ServiceNowDeliveries.incident("INC0010001", "2").updatedOn("2025-03-04 09:30:00").build()}.
 */
public final class ServiceNowDeliveries {
  /** The header the examples send the shared secret in. */
  public static final String SECRET_HEADER = "X-AlertBridge-Secret";

  private ServiceNowDeliveries() {}

  /**
   * @param number the incident number, e.g. {@code INC0010001}; the sys_id is derived from it
   * @param state the state, e.g. {@code "1"} (New) or {@code "In Progress"}
   * @return an incident with a summary, a description and priority 1
   */
  public static Incident incident(String number, String state) {
    return new Incident(number).state(state);
  }

  /** One incident; each setter replaces a member of the body. */
  public static final class Incident {
    private final Map<String, Object> body = new LinkedHashMap<>();
    private String secret;

    private Incident(String number) {
      Objects.requireNonNull(number, "number");
      body.put("sys_id", sysIdOf(number));
      body.put("number", number);
      body.put("short_description", "Email delivery delayed for the Berlin office");
      body.put("description", "Outbound queue on mx-02 above 5,000 messages.\nMonitoring: queue-depth check");
      body.put("state", "1");
      body.put("priority", "1");
      body.put("sys_updated_on", "2025-03-04 09:15:00");
      body.put("assigned_to", "");
      body.put("caller_id", "Abel Tuter");
    }

    /** @param sysId the {@code sys_id} @return this incident */
    public Incident sysId(String sysId) {
      return put("sys_id", Objects.requireNonNull(sysId, "sysId"));
    }

    /** @param state the state as a string: an id such as {@code "2"} or a label @return this incident */
    public Incident state(String state) {
      return put("state", Objects.requireNonNull(state, "state"));
    }

    /** @param state the state as a JSON number @return this incident */
    public Incident state(long state) {
      return put("state", state);
    }

    /** @param priority the priority as a string, e.g. {@code "4"} @return this incident */
    public Incident priority(String priority) {
      return put("priority", Objects.requireNonNull(priority, "priority"));
    }

    /** @param priority the priority as a JSON number @return this incident */
    public Incident priority(long priority) {
      return put("priority", priority);
    }

    /** @param summary the {@code short_description} @return this incident */
    public Incident summary(String summary) {
      return put("short_description", Objects.requireNonNull(summary, "summary"));
    }

    /** @param updatedOn {@code sys_updated_on}, {@code yyyy-MM-dd HH:mm:ss} in UTC @return this incident */
    public Incident updatedOn(String updatedOn) {
      return put("sys_updated_on", Objects.requireNonNull(updatedOn, "updatedOn"));
    }

    /** @param assignedTo {@code assigned_to}, a display name @return this incident */
    public Incident assignedTo(String assignedTo) {
      return put("assigned_to", Objects.requireNonNull(assignedTo, "assignedTo"));
    }

    /**
     * @param name a further member
     * @param value a plain Java value, or null
     * @return this incident
     */
    public Incident field(String name, Object value) {
      body.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * @param name a member to leave out
     * @return this incident
     */
    public Incident without(String name) {
      body.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** @param secret the value of {@value #SECRET_HEADER} to send @return this incident */
    public Incident secret(String secret) {
      this.secret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** @return the body as JSON text */
    public String json() {
      return Json.write(body);
    }

    /** @return the delivery: the body as {@code application/json}, with the secret header if set */
    public Delivery build() {
      Headers headers = secret == null ? Headers.of("Content-Type", "application/json")
          : Headers.of("Content-Type", "application/json", SECRET_HEADER, secret);
      return Delivery.of(headers, json().getBytes(StandardCharsets.UTF_8));
    }

    private Incident put(String name, Object value) {
      body.put(name, value);
      return this;
    }

    /** A stable 32-hex-digit sys_id per incident number, so that examples read like real bodies. */
    private static String sysIdOf(String number) {
      return UUID.nameUUIDFromBytes(number.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
  }
}
