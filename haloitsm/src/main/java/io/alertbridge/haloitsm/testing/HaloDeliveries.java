package io.alertbridge.haloitsm.testing;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * HaloITSM deliveries in each shape: the recommended custom-integration body, the full API ticket,
 * and native webhook envelopes (one, or a batch):
 * {@code HaloDeliveries.ticket(4812, 9, "Closed").dateClosed("2025-11-18T11:05:42.117").recommended()}.
 */
public final class HaloDeliveries {

  private HaloDeliveries() {}

  /**
   * @param id the ticket id
   * @param statusId the status id (1 New and 9 Closed hold in every tenant)
   * @param statusName the status name
   * @return a ticket with a summary, details and a Critical priority
   */
  public static Ticket ticket(long id, long statusId, String statusName) {
    return new Ticket(id, statusId, statusName);
  }

  /**
   * @param event the webhook event, e.g. {@code ticket status changed}
   * @param tickets the tickets, one envelope each
   * @return a native webhook batch: a JSON array of envelopes
   */
  public static Delivery envelopes(String event, Ticket... tickets) {
    List<Object> batch = new ArrayList<>();
    for (Ticket ticket : tickets) {
      batch.add(ticket.envelopeMap(event));
    }
    return json(batch);
  }

  private static Delivery json(Object body) {
    return Delivery.of(Headers.of("Content-Type", "application/json"), Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** One Halo ticket, rendered in any of the three shapes. */
  public static final class Ticket {
    private final long id;
    private final long statusId;
    private final String statusName;
    private String summary = "Disk C: on SRV-FS01 above 95%";
    private String details = "Datto RMM alert: disk usage 96.2%<br>Device: SRV-FS01";
    private long priorityId = 1;
    private String priorityName = "Critical";
    private String dateClosed;
    private boolean hasBeenClosed;
    private String lastActionDate = "2025-11-18T08:42:17.303";
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private Ticket(long id, long statusId, String statusName) {
      this.id = id;
      this.statusId = statusId;
      this.statusName = Objects.requireNonNull(statusName, "statusName");
    }

    /**
     * @param summary the summary
     * @return this ticket
     */
    public Ticket summary(String summary) {
      this.summary = Objects.requireNonNull(summary, "summary");
      return this;
    }

    /**
     * @param details the details, HTML allowed
     * @return this ticket
     */
    public Ticket details(String details) {
      this.details = Objects.requireNonNull(details, "details");
      return this;
    }

    /**
     * @param priorityId the priority id
     * @param priorityName the priority name
     * @return this ticket
     */
    public Ticket priority(long priorityId, String priorityName) {
      this.priorityId = priorityId;
      this.priorityName = Objects.requireNonNull(priorityName, "priorityName");
      return this;
    }

    /**
     * @param dateClosed the {@code dateclosed} value
     * @return this ticket
     */
    public Ticket dateClosed(String dateClosed) {
      this.dateClosed = dateClosed;
      return this;
    }

    /**
     * @param hasBeenClosed the {@code hasbeenclosed} flag (full shape)
     * @return this ticket
     */
    public Ticket hasBeenClosed(boolean hasBeenClosed) {
      this.hasBeenClosed = hasBeenClosed;
      return this;
    }

    /**
     * @param lastActionDate the {@code lastactiondate} value (full shape)
     * @return this ticket
     */
    public Ticket lastActionDate(String lastActionDate) {
      this.lastActionDate = lastActionDate;
      return this;
    }

    /**
     * @param name a further ticket field
     * @param value a plain Java value
     * @return this ticket
     */
    public Ticket field(String name, Object value) {
      extra.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /** @return the recommended body: {@code {"ticket": {...}}} with nested status, priority, agent */
    public Delivery recommended() {
      Map<String, Object> ticket = new LinkedHashMap<>();
      ticket.put("status", Map.of("id", statusId, "name", statusName, "shortname", statusName));
      ticket.put("id", id);
      ticket.put("summary", summary);
      ticket.put("details", details);
      ticket.put("dateoccurred", "2025-11-18T08:42:17.303");
      ticket.put("dateclosed", dateClosed);
      ticket.put("tickettype", Map.of("id", 1, "name", "Incident"));
      ticket.put("priority", Map.of("id", priorityId, "name", priorityName));
      ticket.put("client_name", "Contoso AG");
      ticket.put("site_name", "Zürich HQ");
      ticket.put("team", "1st Line Support");
      ticket.put("agent", Map.of("id", 7, "name", "Lena Graf"));
      ticket.putAll(extra);
      return json(Map.of("ticket", ticket));
    }

    /** @return the full body: {@code {"ticket": <API ticket>}} with flat ids */
    public Delivery full() {
      return json(Map.of("ticket", fullMap()));
    }

    /**
     * @param event the webhook event
     * @return one native webhook envelope
     */
    public Delivery envelope(String event) {
      return json(envelopeMap(event));
    }

    private Map<String, Object> fullMap() {
      Map<String, Object> ticket = new LinkedHashMap<>();
      ticket.put("id", id);
      ticket.put("summary", summary);
      ticket.put("details", details);
      ticket.put("status_id", statusId);
      ticket.put("priority_id", priorityId);
      ticket.put("tickettype_id", 1);
      ticket.put("agent_id", 7);
      ticket.put("team", "1st Line Support");
      ticket.put("client_name", "Contoso AG");
      ticket.put("site_name", "Zürich HQ");
      ticket.put("dateoccurred", "2025-11-18T08:42:17.303");
      ticket.put("dateclosed", dateClosed == null ? "1900-01-01T00:00:00" : dateClosed);
      ticket.put("lastactiondate", lastActionDate);
      ticket.put("hasbeenclosed", hasBeenClosed);
      ticket.putAll(extra);
      return ticket;
    }

    private Map<String, Object> envelopeMap(String event) {
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("id", "evt-" + id + "-" + statusId);
      envelope.put("webhook_id", "b1f0c2d4-0000-4000-8000-000000000001");
      envelope.put("event", Objects.requireNonNull(event, "event"));
      envelope.put("object_id", id);
      envelope.put("timestamp", lastActionDate);
      envelope.put("ticket", fullMap());
      return envelope;
    }
  }
}
