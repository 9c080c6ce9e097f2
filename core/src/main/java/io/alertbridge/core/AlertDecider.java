package io.alertbridge.core;

import io.alertbridge.core.internal.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Steps 5 to 7 for one ticket event: map the status, decide by the lifecycle, compare-and-set. */
final class AlertDecider {
  private static final int MAX_ATTEMPTS = 32;

  private final AlertStateStore store;
  private final Limits limits;
  private final Duration retention;

  AlertDecider(AlertStateStore store, Limits limits, Duration retention) {
    this.store = store;
    this.limits = limits;
    this.retention = retention;
  }

  ProcessingResult decide(Integration integration, AlertSource source, StatusMappingTable table,
      TicketSnapshot snapshot, Instant now, boolean commit) {
    AlertKey key = new AlertKey(source.id(), snapshot.ticketId());
    StatusMappingTable.Match match = table.match(snapshot.status());
    String status = fingerprint(snapshot.status());
    Optional<Instant> updated = snapshot.sourceUpdatedAt();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredAlert> stored = store.read(key);
      StoredAlert current = stored.filter(s -> !s.isExpired(now)).orElse(null);
      AlertState before = current == null ? null : current.state();
      Optional<Instant> last = current == null ? Optional.empty() : current.lastSourceUpdate();

      if (updated.isPresent() && last.isPresent() && updated.get().isBefore(last.get())) {
        return result(integration, source, snapshot, match, before, before, Outcome.STALE, null,
            "ticket update of " + updated.get() + " is older than the one applied, of " + last.get());
      }
      if (updated.isPresent() && updated.equals(last) && status.equals(current.lastStatus())) {
        return result(integration, source, snapshot, match, before, before, Outcome.UNCHANGED, null,
            "status " + quote(snapshot) + " of " + updated.get() + " was already applied");
      }

      Lifecycle.Transition transition = Lifecycle.decide(before, match.rule(), source.reopenPolicy());
      String message = "status " + quote(snapshot) + ": " + transition.reason();
      StoredAlert next = next(key, current, stored, transition, status, updated, now);
      if (!commit || next == null
          || store.compareAndSet(key, stored.map(StoredAlert::version).orElse(0L), next)) {
        return result(integration, source, snapshot, match, before, transition.after(), transition.outcome(),
            transition.event(), message);
      }
    }
    throw new StoreException("gave up after " + MAX_ATTEMPTS + " conflicting writes to alert " + key.ticketId()
        + " of source " + key.sourceId());
  }

  /** A delivery already processed: nothing changes; the alert's current state is reported. */
  ProcessingResult duplicate(Integration integration, AlertSource source, TicketSnapshot snapshot, Instant now,
      String message) {
    AlertState state = store.read(new AlertKey(source.id(), snapshot.ticketId()))
        .filter(s -> !s.isExpired(now)).map(StoredAlert::state).orElse(null);
    return result(integration, source, snapshot, source.table().orElseGet(integration::defaultTable)
        .match(snapshot.status()), state, state, Outcome.DUPLICATE, null, message);
  }

  /** What to write, or null when nothing changes. */
  private StoredAlert next(AlertKey key, StoredAlert current, Optional<StoredAlert> stored,
      Lifecycle.Transition transition, String status, Optional<Instant> updated, Instant now) {
    long version = stored.map(StoredAlert::version).orElse(0L) + 1;
    if (transition.after() == null) {
      return null;
    }
    Optional<Instant> lastUpdate = newest(current == null ? Optional.empty() : current.lastSourceUpdate(), updated);
    if (transition.event() == EventType.ALERT) {
      return new StoredAlert(AlertState.PENDING, alertId(now, version), lastUpdate, status, version, now,
          Optional.empty());
    }
    if (transition.event() != null) {
      Optional<Instant> expires = transition.after() == AlertState.RESOLVED ? Optional.of(now.plus(retention))
          : Optional.empty();
      return new StoredAlert(transition.after(), current.alertId(), lastUpdate, status, version, now, expires);
    }
    if (current == null || (lastUpdate.equals(current.lastSourceUpdate()) && status.equals(current.lastStatus()))) {
      return null;
    }
    return new StoredAlert(current.state(), current.alertId(), lastUpdate, status, version, now, current.expiresAt());
  }

  private ProcessingResult result(Integration integration, AlertSource source, TicketSnapshot snapshot,
      StatusMappingTable.Match match, AlertState before, AlertState after, Outcome outcome, EventType eventType,
      String message) {
    Optional<AlertEvent> event = eventType == null ? Optional.empty()
        : Optional.of(event(integration, source, snapshot, eventType));
    List<String> notes = snapshot.notes();
    if (event.isPresent() && !event.get().truncated().isEmpty()) {
      notes = new ArrayList<>(notes);
      notes.add("cut to the limit: " + new java.util.TreeSet<>(event.get().truncated()));
    }
    Explanation explanation = new Explanation(source.id(), integration.name(), Optional.of(snapshot),
        Optional.of(match.description()), Optional.of(match.rule()), Optional.ofNullable(before),
        Optional.ofNullable(after), outcome, message, notes);
    return new ProcessingResult(outcome, Optional.of(snapshot.ticketId()), Optional.ofNullable(after), event,
        message, explanation, List.of());
  }

  private AlertEvent event(Integration integration, AlertSource source, TicketSnapshot snapshot, EventType type) {
    String summary = snapshot.summary().isBlank() ? snapshot.ticketId() : snapshot.summary();
    String cutSummary = cut(summary, limits.maxSummaryChars());
    String cutDetails = cut(snapshot.details(), limits.maxDetailsChars());
    Set<String> truncated = cutSummary == summary
        ? (cutDetails == snapshot.details() ? Set.of() : Set.of("details"))
        : (cutDetails == snapshot.details() ? Set.of("summary") : Set.of("summary", "details"));
    Priority priority = snapshot.priority().flatMap(integration.priorityMapping()::map)
        .orElse(source.defaultPriority());
    return new AlertEvent(type, snapshot.ticketId(), cutSummary, cutDetails, priority, snapshot.links(),
        customDetails(snapshot), source.id(), snapshot.status().display(), truncated);
  }

  /** The snapshot's custom details, with requester and assignee added when known and not already there. */
  private static Map<String, Object> customDetails(TicketSnapshot snapshot) {
    Map<String, Object> custom = snapshot.customDetails();
    boolean addRequester = snapshot.requester().isPresent() && !custom.containsKey("requester");
    boolean addAssignee = snapshot.assignee().isPresent() && !custom.containsKey("assignee");
    if (!addRequester && !addAssignee) {
      return custom;
    }
    Map<String, Object> added = new LinkedHashMap<>(custom);
    snapshot.requester().filter(r -> addRequester).ifPresent(r -> added.put("requester", r));
    snapshot.assignee().filter(a -> addAssignee).ifPresent(a -> added.put("assignee", a));
    return added;
  }

  /**
   * Cuts text to at most {@code max} characters, ending in an ellipsis, never inside a surrogate pair.
   *
   * @return the text itself when it fits
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + '\u2026';
  }

  private static Optional<Instant> newest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isAfter(b.get()) ? a : b;
  }

  private static String fingerprint(CodedValue status) {
    String id = status.id().isPresent() ? "#" + status.id().getAsLong() : "";
    return status.label().map(Labels::normalize).orElse("") + id;
  }

  private static String quote(TicketSnapshot snapshot) {
    return '"' + snapshot.status().display() + '"';
  }

  /** Unique per alert key: the creation time and the store version, which grows with every write. */
  private static String alertId(Instant now, long version) {
    return now.toEpochMilli() + "-" + version;
  }
}
