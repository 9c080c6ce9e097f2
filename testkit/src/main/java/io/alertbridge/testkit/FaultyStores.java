package io.alertbridge.testkit;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.core.PendingChange;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Wraps an {@link AlertStateStore} and a {@link DeliveryLog} so that a test can make chosen calls fail
 * the way a database, its driver or the network fails: before the call reaches the store, or after
 * the store has done the work but before the caller hears of it. Hand {@link #stateStore()} and
 * {@link #deliveryLog()} to a {@code WebhookProcessor}, plan faults, and check that nothing is lost:
 *
 * <pre>{@code
 * FaultyStores faulty = FaultyStores.wrap(myStore, myLog);
 * faulty.failNext(FaultyStores.Call.COMMIT, FaultyStores.Fault.AFTER);  // written, then "timeout"
 * }</pre>
 *
 * Each planned fault fires once, on the next call of its kind; calls without a planned fault pass
 * straight through. Thread-safe. {@link StoreCompatibilityKit} uses it to drive a processor over the
 * stores under test.
 */
public final class FaultyStores {

  /** The store calls a fault can be planned for. */
  public enum Call {
    /** {@link AlertStateStore#read}. */
    READ,
    /** {@link AlertStateStore#commit}. */
    COMMIT,
    /** {@link AlertStateStore#pendingEvents(AlertKey, int)}. */
    PENDING_EVENTS_OF_KEY,
    /** {@link AlertStateStore#pendingEvents(int)}. */
    PENDING_EVENTS,
    /** {@link AlertStateStore#markApplied}. */
    MARK_APPLIED,
    /** {@link AlertStateStore#countPendingEvents}. */
    COUNT_PENDING_EVENTS,
    /** {@link AlertStateStore#pendingChanges(AlertKey, int)}. */
    PENDING_CHANGES_OF_KEY,
    /** {@link AlertStateStore#pendingChanges(int)}. */
    PENDING_CHANGES,
    /** {@link AlertStateStore#updateChange}: an attempt claimed or rescheduled. */
    UPDATE_CHANGE,
    /** {@link AlertStateStore#removeChange}. */
    REMOVE_CHANGE,
    /** {@link AlertStateStore#countPendingChanges}. */
    COUNT_PENDING_CHANGES,
    /** {@link DeliveryLog#markSeen}. */
    MARK_SEEN,
    /** {@link DeliveryLog#contains}. */
    CONTAINS
  }

  /** How a call fails. */
  public enum Fault {
    /** A {@link StoreException} before the call reaches the store: nothing happens. */
    BEFORE,
    /** The store completes the call, then a {@link StoreException}: the caller does not know it happened. */
    AFTER,
    /** An {@link AssertionError}, as from a driver bug, before the call reaches the store. */
    ERROR_BEFORE,
    /** The store completes the call, then an {@link AssertionError}. */
    ERROR_AFTER
  }

  private final AlertStateStore stateStore;
  private final DeliveryLog deliveryLog;
  private final Map<Call, Queue<Fault>> planned = new EnumMap<>(Call.class);
  private int fired;

  private FaultyStores(AlertStateStore store, DeliveryLog log) {
    this.stateStore = new FaultyStateStore(Objects.requireNonNull(store, "store"));
    this.deliveryLog = new FaultyDeliveryLog(Objects.requireNonNull(log, "log"));
  }

  /**
   * @param store the state store that answers calls without a planned fault
   * @param log the delivery log that answers calls without a planned fault
   * @return the wrapper, with no fault planned
   */
  public static FaultyStores wrap(AlertStateStore store, DeliveryLog log) {
    return new FaultyStores(store, log);
  }

  /**
   * Plans a fault for the next call of a kind; faults planned for one kind fire in the order planned.
   *
   * @param call the kind of call
   * @param fault how it fails
   * @return this
   */
  public synchronized FaultyStores failNext(Call call, Fault fault) {
    planned.computeIfAbsent(Objects.requireNonNull(call, "call"), c -> new ArrayDeque<>())
        .add(Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** @return the state store whose calls fail as planned */
  public AlertStateStore stateStore() {
    return stateStore;
  }

  /** @return the delivery log whose calls fail as planned */
  public DeliveryLog deliveryLog() {
    return deliveryLog;
  }

  /** @return how many planned faults have fired */
  public synchronized int fired() {
    return fired;
  }

  /** @return how many planned faults have not fired yet */
  public synchronized int waiting() {
    return planned.values().stream().mapToInt(Queue::size).sum();
  }

  private synchronized Fault take(Call call) {
    Queue<Fault> faults = planned.get(call);
    Fault fault = faults == null ? null : faults.poll();
    if (fault != null) {
      fired++;
    }
    return fault;
  }

  private <T> T call(Call call, Supplier<T> action) {
    Fault fault = take(call);
    if (fault == Fault.BEFORE || fault == Fault.ERROR_BEFORE) {
      fail(call, fault);
    }
    T answer = action.get();
    if (fault != null) {
      fail(call, fault);
    }
    return answer;
  }

  private void run(Call call, Runnable action) {
    call(call, () -> {
      action.run();
      return Boolean.TRUE;
    });
  }

  private static void fail(Call call, Fault fault) {
    String what = call.name().toLowerCase(Locale.ROOT);
    switch (fault) {
      case BEFORE -> throw new StoreException("injected failure before " + what);
      case AFTER -> throw new StoreException("injected failure after " + what + " completed");
      case ERROR_BEFORE -> throw new AssertionError("injected error before " + what);
      default -> throw new AssertionError("injected error after " + what + " completed");
    }
  }

  private final class FaultyStateStore implements AlertStateStore {
    private final AlertStateStore store;

    FaultyStateStore(AlertStateStore store) {
      this.store = store;
    }

    @Override
    public Optional<StoredAlert> read(AlertKey key) {
      return call(Call.READ, () -> store.read(key));
    }

    @Override
    public boolean commit(List<AlertWrite> writes) {
      return call(Call.COMMIT, () -> store.commit(writes));
    }

    @Override
    public List<PendingEvent> pendingEvents(AlertKey key, int max) {
      return call(Call.PENDING_EVENTS_OF_KEY, () -> store.pendingEvents(key, max));
    }

    @Override
    public List<PendingEvent> pendingEvents(int max) {
      return call(Call.PENDING_EVENTS, () -> store.pendingEvents(max));
    }

    @Override
    public void markApplied(AlertKey key, String eventId) {
      run(Call.MARK_APPLIED, () -> store.markApplied(key, eventId));
    }

    @Override
    public long countPendingEvents() {
      return call(Call.COUNT_PENDING_EVENTS, store::countPendingEvents);
    }

    /** Whether the wrapped store keeps outbound changes; never fails. */
    @Override
    public boolean keepsChanges() {
      return store.keepsChanges();
    }

    @Override
    public List<PendingChange> pendingChanges(int max) {
      return call(Call.PENDING_CHANGES, () -> store.pendingChanges(max));
    }

    @Override
    public List<PendingChange> pendingChanges(AlertKey key, int max) {
      return call(Call.PENDING_CHANGES_OF_KEY, () -> store.pendingChanges(key, max));
    }

    @Override
    public boolean updateChange(PendingChange expected, PendingChange next) {
      return call(Call.UPDATE_CHANGE, () -> store.updateChange(expected, next));
    }

    @Override
    public void removeChange(AlertKey key, String changeId) {
      run(Call.REMOVE_CHANGE, () -> store.removeChange(key, changeId));
    }

    @Override
    public long countPendingChanges() {
      return call(Call.COUNT_PENDING_CHANGES, store::countPendingChanges);
    }

    @Override
    public String toString() {
      return "FaultyStores[" + store + "]";
    }
  }

  private final class FaultyDeliveryLog implements DeliveryLog {
    private final DeliveryLog log;

    FaultyDeliveryLog(DeliveryLog log) {
      this.log = log;
    }

    @Override
    public boolean markSeen(String sourceId, String deliveryId, Instant now) {
      return call(Call.MARK_SEEN, () -> log.markSeen(sourceId, deliveryId, now));
    }

    @Override
    public boolean contains(String sourceId, String deliveryId, Instant now) {
      return call(Call.CONTAINS, () -> log.contains(sourceId, deliveryId, now));
    }

    @Override
    public String toString() {
      return "FaultyStores[" + log + "]";
    }
  }
}
