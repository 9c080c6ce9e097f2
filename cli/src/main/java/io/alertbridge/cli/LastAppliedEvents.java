package io.alertbridge.cli;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.InMemoryAlertStateStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receiver's event sink: remembers the last event applied for each alert key, for {@code GET
 * /alerts}. Thread-safe. The processor hands a key's events over in order, one key at a time, so the
 * event kept is the newest applied; an event handed over again replaces itself.
 *
 * <p>Keys the store has forgotten (resolved alerts past their retention) are forgotten here too, on
 * {@link #forgetUnstored()} and whenever this sink holds many more keys than the store.
 */
final class LastAppliedEvents implements AlertEventSink {
  /** Forget unstored keys once there are this many more than the store holds. */
  private static final int SLACK = 1024;

  private final ConcurrentHashMap<AlertKey, AlertEvent> last = new ConcurrentHashMap<>();
  private final InMemoryAlertStateStore store;

  /** @param store the store whose keys are worth remembering */
  LastAppliedEvents(InMemoryAlertStateStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void apply(AlertEvent event) {
    last.put(new AlertKey(event.sourceId(), event.ticketId()), event);
    if (last.size() > 2 * store.size() + SLACK) {
      forgetUnstored();
    }
  }

  /**
   * @param key the alert key
   * @return the last event applied for it, if any is remembered
   */
  Optional<AlertEvent> last(AlertKey key) {
    return Optional.ofNullable(last.get(key));
  }

  /**
   * Forgets the keys the store no longer holds. An event applied for such a key meanwhile (a new
   * alert) is kept: an entry is removed only if it still holds the event that was checked.
   */
  void forgetUnstored() {
    last.entrySet().removeIf(entry -> store.read(entry.getKey()).isEmpty());
  }
}
