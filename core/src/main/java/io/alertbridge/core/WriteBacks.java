package io.alertbridge.core;

import io.alertbridge.core.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way back: records the host's alert changes with their outbound changes in one commit, and writes
 * the outbox's changes to the tickets, one key at a time in commit order, retrying with backoff.
 *
 * <p>An attempt is claimed in the store before the tool is called (its next attempt time moved on by the
 * policy's claim), so that a process that dies during a write leaves the change to be tried again once the
 * claim runs out, and two nodes do not write one change at once.
 */
final class WriteBacks {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBacks.class);
  private static final int MAX_ATTEMPTS_TO_COMMIT = 32;
  private static final int PAGE = 256;
  private static final int MAX_AUTHOR_CHARS = 200;
  private static final int MAX_ECHO_NAMES = 10;

  private final IntegrationRegistry registry;
  private final AlertStateStore store;
  private final Clock clock;
  private final Limits limits;
  private final java.time.Duration retention;
  private final WriteBackPolicy policy;
  private final java.util.function.Function<String, Optional<AlertSource>> sources;

  WriteBacks(IntegrationRegistry registry, AlertStateStore store, Clock clock, Limits limits,
      java.time.Duration retention, WriteBackPolicy policy,
      java.util.function.Function<String, Optional<AlertSource>> sources) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
    this.limits = limits;
    this.retention = retention;
    this.policy = policy;
    this.sources = sources;
  }

  WriteBackResult change(AlertSource source, String ticketId, AlertChange change) {
    Integration integration = registry.require(source.integration());
    TicketWriter writer = writer(integration, source);
    AlertKey key = new AlertKey(source.id(), ticketId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS_TO_COMMIT; attempt++) {
      Instant now = clock.instant();
      Optional<StoredAlert> read = store.read(key);
      StoredAlert current = read.filter(stored -> !stored.isExpired(now)).orElse(null);
      if (current == null) {
        return new WriteBackResult(key, WriteBackResult.Status.UNKNOWN_ALERT, Optional.empty(), Optional.empty(),
            "no alert is open or remembered for ticket " + ticketId + " of source " + source.id(), Optional.empty());
      }
      if (current.state() == change.state()) {
        return new WriteBackResult(key, WriteBackResult.Status.UNCHANGED, Optional.of(current.state()),
            Optional.empty(), "the alert is already " + name(current.state()) + "; nothing is written",
            Optional.empty());
      }
      if (current.state() == AlertState.RESOLVED) {
        return new WriteBackResult(key, WriteBackResult.Status.REFUSED, Optional.of(current.state()),
            Optional.empty(), "the alert is resolved; it cannot be accepted", Optional.empty());
      }
      Optional<String> status = writer.table(source).status(change.state());
      TicketChange outbound = new TicketChange(UUID.randomUUID().toString(), current.alertId(), change.state(),
          status, note(change), now);
      // The host's change is newer than any ticket update before it: such an update that arrives later
      // (a poll that read the ticket before the write) is stale, and cannot reopen or undo the change.
      Optional<Instant> lastUpdate = current.lastSourceUpdate().filter(last -> last.isAfter(now)).or(() -> Optional.of(now));
      StoredAlert next = new StoredAlert(change.state(), current.alertId(), lastUpdate,
          current.lastStatusKey(), current.version() + 1, now,
          change.state() == AlertState.RESOLVED ? Optional.of(now.plus(retention)) : Optional.empty(),
          current.recentDeliveryIds(), echo(current, status.map(name -> echoStatuses(writer, name, source)), now));
      if (store.commit(List.of(new AlertWrite(key, current.version(), next, List.of(), List.of(outbound))))) {
        LOG.info("source={} alertKey={} alert {} by the host; change {} recorded for the ticket", source.id(),
            ticketId, name(change.state()), outbound.changeId());
        return writeKey(source, key, outbound.changeId());
      }
    }
    throw new StoreException("gave up after " + MAX_ATTEMPTS_TO_COMMIT + " conflicting writes to alert key "
        + ticketId + " of source " + source.id());
  }

  private TicketWriter writer(Integration integration, AlertSource source) {
    Optional<TicketWriter> writer = integration.ticketWriter();
    if (writer.isEmpty()) {
      throw new ConfigurationException("alert source " + source.id(),
          List.of("the " + integration.name() + " integration cannot write changes back to its tickets"));
    }
    if (!store.keepsChanges()) {
      throw new ConfigurationException("alert state store",
          List.of("it keeps no outbound changes (AlertStateStore.keepsChanges() is false), so changes written"
              + " back could be lost; use a store that keeps them"));
    }
    return writer.get();
  }

  /** @return the status written and its other names in the tool's webhooks, at most 10, as echo keys */
  private static List<String> echoStatuses(TicketWriter writer, String written, AlertSource source) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(AlertDecider.labelKey(written));
    List<String> names;
    try {
      names = writer.echoStatuses(written, source);
    } catch (RuntimeException e) {
      LOG.warn("the ticket writer failed to name the echoes of status {}", written, e);
      names = List.of();
    }
    for (String name : names == null ? List.<String>of() : names) {
      if (keys.size() == MAX_ECHO_NAMES) {
        break;
      }
      if (name != null && !name.isBlank() && name.length() <= 200) {
        keys.add(AlertDecider.labelKey(name));
      }
    }
    return new ArrayList<>(keys);
  }

  /** The echo to expect: the written status's names added to the statuses still expected. */
  private Optional<StoredAlert.Echo> echo(StoredAlert current, Optional<List<String>> written, Instant now) {
    if (written.isEmpty()) {
      return current.echo();
    }
    Set<String> keys = new LinkedHashSet<>();
    current.echo().filter(echo -> now.isBefore(echo.until())).ifPresent(echo -> keys.addAll(echo.statusKeys()));
    keys.removeAll(written.get());
    keys.addAll(written.get());
    List<String> kept = new ArrayList<>(keys);
    if (kept.size() > StoredAlert.Echo.MAX_STATUSES) {
      kept = kept.subList(kept.size() - StoredAlert.Echo.MAX_STATUSES, kept.size());
    }
    return Optional.of(new StoredAlert.Echo(kept, now.plus(policy.echoWindow())));
  }

  private String note(AlertChange change) {
    StringBuilder note = new StringBuilder(change.state() == AlertState.ACCEPTED ? "Accepted" : "Resolved")
        .append(" in ").append(policy.productName());
    change.author().ifPresent(author -> note.append(" by ").append(AlertDecider.cut(author, MAX_AUTHOR_CHARS)));
    change.note().ifPresent(text -> note.append(": ").append(text));
    return AlertDecider.cut(note.toString(), limits.maxDetailsChars());
  }

  /** Writes the key's pending changes in order, up to and including {@code changeId}, while they succeed. */
  private WriteBackResult writeKey(AlertSource source, AlertKey key, String changeId) {
    for (PendingChange pending : store.pendingChanges(key, PAGE)) {
      WriteBackResult result = attempt(source, pending);
      if (pending.change().changeId().equals(changeId)) {
        return result;
      }
      if (result.status() != WriteBackResult.Status.WRITTEN && result.status() != WriteBackResult.Status.FAILED) {
        break;
      }
    }
    return new WriteBackResult(key, WriteBackResult.Status.RETRYING, stateOf(key), Optional.empty(),
        "recorded; an earlier change to the ticket goes first", Optional.empty());
  }

  private Optional<AlertState> stateOf(AlertKey key) {
    return store.read(key).map(StoredAlert::state);
  }

  /**
   * Writes the due changes of the outbox: for each key, its oldest change, when it is due, and the ones
   * after it while they succeed.
   */
  List<WriteBackResult> writePending() {
    List<WriteBackResult> results = new ArrayList<>();
    Set<AlertKey> seen = new HashSet<>();
    for (PendingChange pending : store.pendingChanges(PAGE)) {
      if (!seen.add(pending.key())) {
        continue;
      }
      Optional<AlertSource> source = sources.apply(pending.key().sourceId());
      if (source.isEmpty()) {
        LOG.warn("a change to ticket {} waits for alert source {}, which this processor does not know",
            pending.key().ticketId(), pending.key().sourceId());
        continue;
      }
      for (PendingChange next : store.pendingChanges(pending.key(), PAGE)) {
        if (clock.instant().isBefore(next.nextAttemptAt())) {
          break;
        }
        WriteBackResult result = attempt(source.get(), next);
        results.add(result);
        if (result.status() != WriteBackResult.Status.WRITTEN && result.status() != WriteBackResult.Status.FAILED) {
          break;
        }
      }
    }
    return results;
  }

  /** One claimed attempt at one change. */
  private WriteBackResult attempt(AlertSource source, PendingChange pending) {
    AlertKey key = pending.key();
    TicketChange change = pending.change();
    Instant now = clock.instant();
    if (now.isBefore(pending.nextAttemptAt())) {
      return retrying(key, change, pending.nextAttemptAt(), pending.lastError().orElse("waiting to be retried"));
    }
    PendingChange claimed = pending.attempted(now.plus(policy.claim()), null);
    if (!store.updateChange(pending, claimed)) {
      return retrying(key, change, now, "another writer is writing it");
    }
    Integration integration = registry.require(source.integration());
    String failure;
    boolean retryable;
    java.time.Duration retryAfter = null;
    try {
      writer(integration, source).write(key.ticketId(), change, new ParseContext(source, limits, clock));
      try {
        store.removeChange(key, change.changeId());
      } catch (StoreException e) {
        LOG.warn("source={} alertKey={} change {} was written, but the outbox could not drop it, so it will be"
            + " written again once its claim runs out: {}", source.id(), key.ticketId(), change.changeId(),
            e.getMessage());
        return new WriteBackResult(key, WriteBackResult.Status.WRITTEN, Optional.of(change.state()),
            Optional.of(change), "written to the ticket; the store could not drop it from the outbox, so it will be"
            + " written again (" + e.getMessage() + ")", Optional.empty());
      }
      LOG.info("source={} alertKey={} change {} written to the ticket ({}, status {})", source.id(), key.ticketId(),
          change.changeId(), name(change.state()), change.status().orElse("unchanged"));
      return new WriteBackResult(key, WriteBackResult.Status.WRITTEN, Optional.of(change.state()), Optional.of(change),
          "written to the ticket" + change.status().map(s -> " with status " + s).orElse(" as a note"),
          Optional.empty());
    } catch (ApiException e) {
      failure = e.getMessage();
      retryable = e.retryable();
      retryAfter = e.retryAfter().orElse(null);
    } catch (ConfigurationException e) {
      failure = e.getMessage();
      retryable = false;
    } catch (StoreException e) {
      throw e;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      LOG.warn("the {} ticket writer failed on change {} of ticket {}", integration.name(), change.changeId(),
          key.ticketId(), e);
      failure = "the " + integration.name() + " ticket writer failed: " + e.getClass().getSimpleName();
      retryable = true;
    }
    Instant giveUpAt = change.requestedAt().plus(policy.giveUpAfter());
    java.time.Duration wait = policy.backoff(claimed.attempts());
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(policy.maxRetry()) > 0 ? policy.maxRetry() : retryAfter;
    }
    Instant nextAt = clock.instant().plus(wait);
    if (retryable && nextAt.isBefore(giveUpAt)) {
      store.updateChange(claimed, new PendingChange(key, change, claimed.attempts(), nextAt, Optional.of(failure)));
      LOG.warn("source={} alertKey={} change {} not written (attempt {}), retried at {}: {}", source.id(),
          key.ticketId(), change.changeId(), claimed.attempts(), nextAt, failure);
      return retrying(key, change, nextAt, failure);
    }
    store.removeChange(key, change.changeId());
    String message = (retryable ? "gave up after " + claimed.attempts() + " attempts: " : "") + failure;
    LOG.warn("source={} alertKey={} change {} ({}) dropped, the ticket was not changed: {}", source.id(),
        key.ticketId(), change.changeId(), name(change.state()), message);
    return new WriteBackResult(key, WriteBackResult.Status.FAILED, stateOf(key), Optional.of(change),
        message, Optional.empty());
  }

  private WriteBackResult retrying(AlertKey key, TicketChange change, Instant nextAt, String why) {
    return new WriteBackResult(key, WriteBackResult.Status.RETRYING, Optional.of(change.state()), Optional.of(change),
        why, Optional.of(nextAt));
  }

  private static String name(AlertState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
