package io.alertbridge.autotask.testing;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Autotask extension callouts, and the tickets they make the integration fetch (for
 * {@link FakeAutotaskApi#ticket}): {@code AutotaskDeliveries.callout(48213, "T20250612.0042")} and
 * {@code AutotaskDeliveries.ticket(48213).status(5).priority(4).json()}.
 */
public final class AutotaskDeliveries {

  private AutotaskDeliveries() {}

  /**
   * @param id the ticket id
   * @param number the ticket number, e.g. {@code T20250612.0042}
   * @return a POSTed "Name Value Pair" callout
   */
  public static Delivery callout(long id, String number) {
    return Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"),
        form(id, number).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param id the ticket id
   * @param number the ticket number
   * @return the same pairs in the query string of a GET, with no body
   */
  public static Delivery calloutByQuery(long id, String number) {
    return Delivery.builder(new byte[0]).query(form(id, number)).build();
  }

  /**
   * @param id the ticket id
   * @return a ticket in status 1 (New), priority 4 (Critical), with a title and description
   */
  public static Ticket ticket(long id) {
    return new Ticket(id);
  }

  private static String form(long id, String number) {
    return "id=" + id + "&number=" + URLEncoder.encode(Objects.requireNonNull(number, "number"), StandardCharsets.UTF_8);
  }

  /** A ticket as {@code GET Tickets/{id}} answers it. */
  public static final class Ticket {
    private final Map<String, Object> item = new LinkedHashMap<>();

    private Ticket(long id) {
      item.put("id", id);
      item.put("ticketNumber", "T20250612.0042");
      item.put("title", "EX01: Exchange server not responding to ping");
      item.put("description", "Datto RMM alert: Device EX01 offline since 09:12 UTC.");
      item.put("status", 1);
      item.put("priority", 4);
      item.put("queueID", 29682833);
      item.put("companyID", 174);
      item.put("assignedResourceID", null);
      item.put("createDate", "2025-06-12T09:14:07.000Z");
      item.put("lastActivityDate", "2025-06-12T09:14:07.000Z");
      item.put("userDefinedFields", java.util.List.of());
    }

    /** @return the ticket id */
    public long id() {
      return (Long) item.get("id");
    }

    /**
     * @param status the status picklist value, e.g. 5 (Complete)
     * @return this ticket
     */
    public Ticket status(int status) {
      return field("status", status);
    }

    /**
     * @param priority the priority picklist value, e.g. 3 (Low)
     * @return this ticket
     */
    public Ticket priority(int priority) {
      return field("priority", priority);
    }

    /**
     * @param title the title
     * @return this ticket
     */
    public Ticket title(String title) {
      return field("title", title);
    }

    /**
     * @param lastActivityDate e.g. {@code 2025-06-12T09:31:40.000Z}
     * @return this ticket
     */
    public Ticket lastActivityDate(String lastActivityDate) {
      return field("lastActivityDate", lastActivityDate);
    }

    /**
     * @param name a ticket field
     * @param value a plain Java value
     * @return this ticket
     */
    public Ticket field(String name, Object value) {
      item.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /** @return the answer body: {@code {"item": {...}}} */
    public String json() {
      return Json.write(Map.of("item", item));
    }
  }
}
