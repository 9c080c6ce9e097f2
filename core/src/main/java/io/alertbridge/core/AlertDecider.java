package io.alertbridge.core;

import io.alertbridge.core.json.JsonObject;

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

  /**
   * Decides every ticket event of one delivery in order, each seeing the decisions before it, and
   * commits them all in one atomic write (with their events as pending when {@code outbox} is set).
   * A conflicting writer makes it decide the whole delivery afresh.
   *
   * <p>Each written key remembers the delivery id in the same write, so that a retry of a delivery
   * whose commit was in fact written (the store failed after committing) is recognised: it then
   * decides nothing, and {@link Decided#alreadyCommitted()} is true.
   *
   * @param deliveryId the delivery's id, or null when it has none
   * @return one result per snapshot, and what was written
   */
  Decided decideAll(Integration integration, AlertSource source, StatusMappingTable table,
      List<TicketSnapshot> snapshots, Instant now, boolean commit, boolean outbox, String deliveryId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<AlertKey, Plan> plans = new LinkedHashMap<>(4);
      List<ProcessingResult> results = new ArrayList<>(snapshots.size());
      for (TicketSnapshot snapshot : snapshots) {
        AlertKey key = new AlertKey(source.id(), snapshot.ticketId());
        Plan plan = plans.get(key);
        if (plan == null) {
          plan = new Plan(store.read(key));
          if (deliveryId != null && plan.original != null && plan.original.recentDeliveryIds().contains(deliveryId)) {
            return Decided.ALREADY_COMMITTED;
          }
          plans.put(key, plan);
        }
        results.add(decide(integration, source, table, snapshot, now, plan, outbox));
      }
      List<AlertWrite> writes = new ArrayList<>(plans.size());
      plans.forEach((key, plan) -> {
        if (plan.changed) {
          writes.add(new AlertWrite(key, plan.expectedVersion, remembering(plan, deliveryId), plan.events));
        }
      });
      if (!commit || writes.isEmpty() || store.commit(writes)) {
        return new Decided(results, commit ? writes : List.of(), false);
      }
    }
    throw new StoreException("gave up after " + MAX_ATTEMPTS + " conflicting writes to the alerts of source "
        + source.id());
  }

  /**
   * What one delivery decided, and what it wrote.
   *
   * @param alreadyCommitted true when an earlier attempt of this delivery was committed: nothing decided
   */
  record Decided(List<ProcessingResult> results, List<AlertWrite> writes, boolean alreadyCommitted) {
    static final Decided ALREADY_COMMITTED = new Decided(List.of(), List.of(), true);
  }

  /** The plan's new state, remembering the delivery id after the ones the key already had. */
  private static StoredAlert remembering(Plan plan, String deliveryId) {
    List<String> before = plan.original == null ? List.of() : plan.original.recentDeliveryIds();
    List<String> recent = before;
    if (deliveryId != null) {
      int from = Math.max(0, before.size() - StoredAlert.MAX_RECENT_DELIVERY_IDS + 1);
      recent = new ArrayList<>(StoredAlert.MAX_RECENT_DELIVERY_IDS);
      recent.addAll(before.subList(from, before.size()));
      recent.add(deliveryId);
    }
    StoredAlert next = plan.stored;
    return new StoredAlert(next.state(), next.alertId(), next.lastSourceUpdate(), next.lastStatusKey(), next.version(),
        next.updatedAt(), next.expiresAt(), recent, next.echo());
  }

  /** One key's state while a delivery is decided: as read, then as each of its ticket events leaves it. */
  private static final class Plan {
    final StoredAlert original;
    final long expectedVersion;
    StoredAlert stored;
    boolean changed;
    List<AlertEvent> events = List.of();

    Plan(Optional<StoredAlert> read) {
      this.original = read.orElse(null);
      this.stored = original;
      this.expectedVersion = original == null ? 0 : original.version();
    }

    void write(StoredAlert next, AlertEvent event) {
      stored = next;
      changed = true;
      if (event != null) {
        if (events.isEmpty()) {
          events = List.of(event);
        } else {
          List<AlertEvent> more = new ArrayList<>(events);
          more.add(event);
          events = more;
        }
      }
    }
  }

  private ProcessingResult decide(Integration integration, AlertSource source, StatusMappingTable table,
      TicketSnapshot snapshot, Instant now, Plan plan, boolean outbox) {
    StatusMappingTable.Match match = table.match(snapshot.status());
    String status = statusKey(snapshot.status());
    Optional<Instant> updated = snapshot.sourceUpdatedAt();
    StoredAlert stored = plan.stored;
    StoredAlert current = stored == null || stored.isExpired(now) ? null : stored;
    AlertState before = current == null ? null : current.state();
    Optional<Instant> last = current == null ? Optional.empty() : current.lastSourceUpdate();

    if (updated.isPresent() && last.isPresent() && updated.get().isBefore(last.get())) {
      return result(integration, source, snapshot, match, before, before, Outcome.STALE, null,
          "ticket update of " + updated.get() + " is older than the one applied, of " + last.get());
    }
    if (updated.isPresent() && updated.equals(last) && status.equals(current.lastStatusKey())) {
      return result(integration, source, snapshot, match, before, before, Outcome.UNCHANGED, null,
          "status " + quote(snapshot) + " of " + updated.get() + " was already applied");
    }

    String echo = echo(integration, source, snapshot, current, status, now);
    if (echo != null) {
      Optional<Instant> lastUpdate = newest(last, updated);
      if (!lastUpdate.equals(last) || !status.equals(current.lastStatusKey())) {
        plan.write(new StoredAlert(current.state(), current.alertId(), lastUpdate, status, stored.version() + 1, now,
            current.expiresAt(), List.of(), current.echo()), null);
      }
      return result(integration, source, snapshot, match, before, before, Outcome.UNCHANGED, null,
          "status " + quote(snapshot) + " " + echo + "; nothing changes");
    }
    Lifecycle.Transition transition = Lifecycle.decide(before, match.rule(), source.reopenPolicy());
    String message = "status " + quote(snapshot) + ": " + transition.reason();
    StoredAlert next = next(current, stored, transition, status, updated, now);
    AlertEvent event = transition.event() == null ? null
        : event(integration, source, snapshot, transition.event(), next.alertId());
    if (next != null) {
      plan.write(next, outbox ? event : null);
    }
    return result(integration, source, snapshot, match, before, transition.after(), transition.outcome(), event,
        message);
  }

  /** @return why the ticket event is the echo of a write-back, or null when it is not */
  private static String echo(Integration integration, AlertSource source, TicketSnapshot snapshot,
      StoredAlert current, String status, Instant now) {
    if (current == null) {
      return null;
    }
    if (current.echo().isPresent() && current.echo().get().matches(status, now)) {
      return "is the echo of the status written back to the ticket";
    }
    Optional<TicketWriter> writer = integration.ticketWriter();
    if (writer.isPresent() && writer.get().isOwnChange(snapshot, source)) {
      return "was set by the integration's own API user, an echo of a write-back";
    }
    return null;
  }

  /** A delivery already processed: nothing changes; the alert's current state is reported. */
  ProcessingResult duplicate(Integration integration, AlertSource source, TicketEvent event, Instant now,
      String message) {
    AlertState state = store.read(new AlertKey(source.id(), event.ticketId()))
        .filter(s -> !s.isExpired(now)).map(StoredAlert::state).orElse(null);
    if (!(event instanceof TicketSnapshot snapshot)) {
      Explanation explanation = new Explanation(source.id(), integration.name(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.ofNullable(state), Optional.ofNullable(state), Outcome.DUPLICATE, message,
          List.of());
      return new ProcessingResult(Outcome.DUPLICATE, Optional.of(event.ticketId()), Optional.ofNullable(state),
          Optional.empty(), message, explanation, List.of());
    }
    return result(integration, source, snapshot, source.table().orElseGet(integration::defaultTable)
        .match(snapshot.status()), state, state, Outcome.DUPLICATE, null, message);
  }

  /** What to write, or null when nothing changes. */
  private StoredAlert next(StoredAlert current, StoredAlert stored, Lifecycle.Transition transition, String status,
      Optional<Instant> updated, Instant now) {
    long version = stored == null ? 1 : stored.version() + 1;
    if (transition.after() == null) {
      return null;
    }
    Optional<Instant> lastUpdate = newest(current == null ? Optional.empty() : current.lastSourceUpdate(), updated);
    if (transition.event() == EventType.ALERT) {
      return new StoredAlert(AlertState.PENDING, newAlertId(), lastUpdate, status, version, now, Optional.empty(),
          List.of());
    }
    if (transition.event() != null) {
      Optional<Instant> expires = transition.after() == AlertState.RESOLVED ? Optional.of(now.plus(retention))
          : Optional.empty();
      return new StoredAlert(transition.after(), current.alertId(), lastUpdate, status, version, now, expires,
          List.of(), current.echo());
    }
    if (current == null || (lastUpdate.equals(current.lastSourceUpdate()) && status.equals(current.lastStatusKey()))) {
      return null;
    }
    return new StoredAlert(current.state(), current.alertId(), lastUpdate, status, version, now, current.expiresAt(),
        List.of(), current.echo());
  }

  private ProcessingResult result(Integration integration, AlertSource source, TicketSnapshot snapshot,
      StatusMappingTable.Match match, AlertState before, AlertState after, Outcome outcome, AlertEvent decided,
      String message) {
    Optional<AlertEvent> event = Optional.ofNullable(decided);
    List<String> notes = snapshot.notes();
    if (event.isPresent() && !event.get().truncated().isEmpty()) {
      notes = new ArrayList<>(notes);
      notes.add("cut to the limit: " + event.get().truncated().stream()
          .map(field -> field.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
    }
    Explanation explanation = new Explanation(source.id(), integration.name(), Optional.of(snapshot),
        Optional.of(match.description()), Optional.of(match.rule()), Optional.ofNullable(before),
        Optional.ofNullable(after), outcome, message, notes);
    return new ProcessingResult(outcome, Optional.of(snapshot.ticketId()), Optional.ofNullable(after), event,
        message, explanation, List.of());
  }

  private AlertEvent event(Integration integration, AlertSource source, TicketSnapshot snapshot, EventType type,
      String alertId) {
    String summary = snapshot.summary().isBlank() ? snapshot.ticketId() : snapshot.summary();
    String cutSummary = cut(summary, limits.maxSummaryChars());
    String cutDetails = cut(snapshot.details(), limits.maxDetailsChars());
    Set<AlertEvent.Field> truncated = cutSummary == summary
        ? (cutDetails == snapshot.details() ? Set.of() : Set.of(AlertEvent.Field.DETAILS))
        : (cutDetails == snapshot.details() ? Set.of(AlertEvent.Field.SUMMARY)
            : Set.of(AlertEvent.Field.SUMMARY, AlertEvent.Field.DETAILS));
    Priority priority = snapshot.priority().flatMap(integration.priorityMapping()::map)
        .orElse(source.defaultPriority());
    return new AlertEvent(eventId(alertId, type), alertId, type, snapshot.ticketId(), cutSummary, cutDetails, priority, snapshot.links(),
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

  /** @return a status name's comparison key without id, as {@link StoredAlert.Echo} keeps it */
  static String labelKey(String label) {
    return Labels.normalize(label);
  }

  /** The status's comparison key, in the format {@link StoredAlert#lastStatusKey()} documents. */
  static String statusKey(CodedValue status) {
    String id = status.id().isPresent() ? "#" + status.id().getAsLong() : "";
    return status.label().map(Labels::normalize).orElse("") + id;
  }

  private static String quote(TicketSnapshot snapshot) {
    return JsonObject.quote(snapshot.status().display());
  }

  /** A random 128-bit id in UUID form: unique across keys, sources, processes and restarts. */
  private static String newAlertId() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(high, low).toString();
  }

  /** Each type of event happens at most once per alert, so the alert id and the type name the event. */
  static String eventId(String alertId, EventType type) {
    return alertId + "/" + type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
