package io.alertbridge.autotask;

import io.alertbridge.core.CodedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Autotask ticket as the integration needs it, with its picklist values resolved to labels. Built
 * with {@link #builder}.
 *
 * @param id the ticket's id, e.g. {@code 48213}: the alert key
 * @param ticketNumber the ticket number, e.g. {@code T20250612.0042}; empty when unknown
 * @param status the status: the picklist value and its label, e.g. {@code CodedValue.of(5L, "Complete")}
 * @param priority the priority, likewise, if the ticket has one
 * @param title the title: the alert's summary
 * @param description the description: the alert's details
 * @param lastActivityDate when the ticket last changed, if known
 * @param link the address that opens the ticket in Autotask, if known
 * @param customDetails further fields to show on the alert, as plain Java values, in order
 * @param notes remarks for the explanation, such as a status missing from the picklist
 */
public record AutotaskTicket(
    long id,
    String ticketNumber,
    CodedValue status,
    Optional<CodedValue> priority,
    String title,
    String description,
    Optional<Instant> lastActivityDate,
    Optional<String> link,
    Map<String, Object> customDetails,
    List<String> notes) {

  /**
   * Checks for nulls and a non-positive id; copies the collections.
   *
   * @param id the ticket's id, e.g. {@code 48213}: the alert key
   * @param ticketNumber the ticket number, e.g. {@code T20250612.0042}; empty when unknown
   * @param status the status: the picklist value and its label, e.g. {@code CodedValue.of(5L, "Complete")}
   * @param priority the priority, likewise, if the ticket has one
   * @param title the title: the alert's summary
   * @param description the description: the alert's details
   * @param lastActivityDate when the ticket last changed, if known
   * @param link the address that opens the ticket in Autotask, if known
   * @param customDetails further fields to show on the alert, as plain Java values, in order
   * @param notes remarks for the explanation, such as a status missing from the picklist
   */
  public AutotaskTicket {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, got " + id);
    }
    Objects.requireNonNull(ticketNumber, "ticketNumber");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(lastActivityDate, "lastActivityDate");
    Objects.requireNonNull(link, "link");
    customDetails = Collections.unmodifiableMap(new LinkedHashMap<>(customDetails));
    notes = List.copyOf(notes);
  }

  /**
   * @param id the ticket's id
   * @param status the status, with its label when known
   * @return a builder with every other part empty
   */
  public static Builder builder(long id, CodedValue status) {
    return new Builder(id, status);
  }

  /** Builds an {@link AutotaskTicket}; the required parts are the builder's arguments. */
  public static final class Builder {
    private final long id;
    private final CodedValue status;
    private String ticketNumber = "";
    private CodedValue priority;
    private String title = "";
    private String description = "";
    private Instant lastActivityDate;
    private String link;
    private final Map<String, Object> customDetails = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(long id, CodedValue status) {
      this.id = id;
      this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * @param ticketNumber the ticket number
     * @return this builder
     */
    public Builder ticketNumber(String ticketNumber) {
      this.ticketNumber = Objects.requireNonNull(ticketNumber, "ticketNumber");
      return this;
    }

    /**
     * @param priority the priority, or null for none
     * @return this builder
     */
    public Builder priority(CodedValue priority) {
      this.priority = priority;
      return this;
    }

    /**
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * @param lastActivityDate when the ticket last changed, or null
     * @return this builder
     */
    public Builder lastActivityDate(Instant lastActivityDate) {
      this.lastActivityDate = lastActivityDate;
      return this;
    }

    /**
     * @param link the address that opens the ticket, or null
     * @return this builder
     */
    public Builder link(String link) {
      this.link = link;
      return this;
    }

    /**
     * @param name the field name
     * @param value a plain Java value (String, Number, Boolean, List, Map) or null
     * @return this builder
     */
    public Builder customDetail(String name, Object value) {
      customDetails.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * @param note a remark for the explanation
     * @return this builder
     */
    public Builder note(String note) {
      notes.add(Objects.requireNonNull(note, "note"));
      return this;
    }

    /** @return the ticket */
    public AutotaskTicket build() {
      return new AutotaskTicket(id, ticketNumber, status, Optional.ofNullable(priority), title, description,
          Optional.ofNullable(lastActivityDate), Optional.ofNullable(link).filter(l -> !l.isBlank()),
          customDetails, notes);
    }
  }
}
