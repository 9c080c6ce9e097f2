package io.alertbridge.core;

import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a parser read from one delivery about one ticket. Built with {@link #builder}.
 *
 * @param ticketId the ticket id as the tool spells it: the alert key
 * @param status the ticket's status (or, for tools that send the event itself, the event type)
 * @param summary the one-line summary; empty when the tool sent none
 * @param details the longer text, ready to show; empty when none
 * @param priority the priority as the tool sent it, if it did
 * @param sourceUpdatedAt when the tool last changed the ticket, if the payload says
 * @param links links to show on the alert
 * @param requester who reported the ticket, if known
 * @param assignee who works on it, if known
 * @param customDetails the remaining fields, as plain Java values (String, Number, Boolean, List,
 *     Map, or null), in the order they came
 * @param notes remarks for the explanation, such as a field that looks unsubstituted
 */
public record TicketSnapshot(
    String ticketId,
    CodedValue status,
    String summary,
    String details,
    Optional<CodedValue> priority,
    Optional<Instant> sourceUpdatedAt,
    List<Link> links,
    Optional<String> requester,
    Optional<String> assignee,
    Map<String, Object> customDetails,
    List<String> notes) implements TicketEvent {

  /**
   * Checks for nulls and a blank ticket id; copies the collections.
   *
   * @param ticketId the ticket id as the tool spells it: the alert key
   * @param status the ticket's status (or, for tools that send the event itself, the event type)
   * @param summary the one-line summary; empty when the tool sent none
   * @param details the longer text, ready to show; empty when none
   * @param priority the priority as the tool sent it, if it did
   * @param sourceUpdatedAt when the tool last changed the ticket, if the payload says
   * @param links links to show on the alert
   * @param requester who reported the ticket, if known
   * @param assignee who works on it, if known
   * @param customDetails the remaining fields, as plain Java values (String, Number, Boolean, List,
   *     Map, or null), in the order they came
   * @param notes remarks for the explanation, such as a field that looks unsubstituted
   */
  public TicketSnapshot {
    Objects.requireNonNull(ticketId, "ticketId");
    if (ticketId.isBlank()) {
      throw new IllegalArgumentException("ticketId must not be blank");
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(sourceUpdatedAt, "sourceUpdatedAt");
    links = List.copyOf(links);
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(assignee, "assignee");
    customDetails = FrozenMap.of(customDetails);
    notes = List.copyOf(notes);
  }

  /**
   * @param ticketId the ticket id as the tool spells it
   * @param status the ticket's status
   * @return a builder with every optional part empty
   */
  public static Builder builder(String ticketId, CodedValue status) {
    return new Builder(ticketId, status);
  }

  /** Builds a {@link TicketSnapshot}; the required parts are the builder's arguments. */
  public static final class Builder {
    private final String ticketId;
    private final CodedValue status;
    private String summary = "";
    private String details = "";
    private CodedValue priority;
    private Instant sourceUpdatedAt;
    private final List<Link> links = new ArrayList<>();
    private String requester;
    private String assignee;
    private LinkedHashMap<String, Object> customDetails = new LinkedHashMap<>();
    private boolean customDetailsShared;
    private final List<String> notes = new ArrayList<>();

    private Builder(String ticketId, CodedValue status) {
      this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
      this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * @param summary the one-line summary
     * @return this builder
     */
    public Builder summary(String summary) {
      this.summary = Objects.requireNonNull(summary, "summary");
      return this;
    }

    /**
     * @param details the longer text
     * @return this builder
     */
    public Builder details(String details) {
      this.details = Objects.requireNonNull(details, "details");
      return this;
    }

    /**
     * @param priority the priority as sent, or null for none
     * @return this builder
     */
    public Builder priority(CodedValue priority) {
      this.priority = priority;
      return this;
    }

    /**
     * @param sourceUpdatedAt when the tool last changed the ticket, or null
     * @return this builder
     */
    public Builder sourceUpdatedAt(Instant sourceUpdatedAt) {
      this.sourceUpdatedAt = sourceUpdatedAt;
      return this;
    }

    /**
     * @param link a link to show
     * @return this builder
     */
    public Builder link(Link link) {
      links.add(Objects.requireNonNull(link, "link"));
      return this;
    }

    /**
     * @param requester who reported the ticket, or null
     * @return this builder
     */
    public Builder requester(String requester) {
      this.requester = requester;
      return this;
    }

    /**
     * @param assignee who works on it, or null
     * @return this builder
     */
    public Builder assignee(String assignee) {
      this.assignee = assignee;
      return this;
    }

    /**
     * @param name the field name
     * @param value a plain Java value (String, Number, Boolean, List, Map) or null
     * @return this builder
     */
    public Builder customDetail(String name, Object value) {
      if (customDetailsShared) {
        customDetails = new LinkedHashMap<>(customDetails);
        customDetailsShared = false;
      }
      customDetails.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * Adds each member of an object that the parser does not read itself as a custom detail, in document
     * order, its value {@linkplain Json#freeze frozen} and no larger than the body it came from.
     *
     * @param object an object of the body
     * @param read whether the parser reads the member of that name into the snapshot's own parts
     * @return this builder
     */
    public Builder unreadMembers(JsonObject object, Predicate<String> read) {
      Objects.requireNonNull(read, "read");
      object.values().forEach((name, value) -> {
        if (!read.test(name)) {
          customDetail(name, Json.freeze(value));
        }
      });
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

    /** @return the snapshot */
    public TicketSnapshot build() {
      customDetailsShared = true;
      return new TicketSnapshot(ticketId, status, summary, details, Optional.ofNullable(priority),
          Optional.ofNullable(sourceUpdatedAt), links, Optional.ofNullable(requester),
          Optional.ofNullable(assignee), FrozenMap.adopt(customDetails), notes);
    }
  }
}
