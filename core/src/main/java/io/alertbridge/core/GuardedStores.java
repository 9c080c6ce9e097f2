package io.alertbridge.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps the host's stores so that whatever they throw or return reaches the processor as a {@link
 * StoreException} (answered with 503), never as an undocumented exception: a runtime exception, an
 * {@link Error} other than the virtual machine's own (out of memory, stack overflow), or a null answer.
 */
final class GuardedStores {
  private static final String STATE_STORE = "alert state store";
  private static final String DELIVERY_LOG = "delivery log";

  private GuardedStores() {}

  static AlertStateStore guard(AlertStateStore store) {
    if (store instanceof InMemoryAlertStateStore) {
      return store;
    }
    return new AlertStateStore() {
      @Override
      public Optional<StoredAlert> read(AlertKey key) {
        return call(STATE_STORE, "read", () -> store.read(key));
      }

      @Override
      public boolean commit(List<AlertWrite> writes) {
        return call(STATE_STORE, "commit", () -> store.commit(writes));
      }

      @Override
      public List<PendingEvent> pendingEvents(AlertKey key, int max) {
        return call(STATE_STORE, "pendingEvents", () -> store.pendingEvents(key, max));
      }

      @Override
      public List<PendingEvent> pendingEvents(int max) {
        return call(STATE_STORE, "pendingEvents", () -> store.pendingEvents(max));
      }

      @Override
      public void markApplied(AlertKey key, String eventId) {
        call(STATE_STORE, "markApplied", () -> {
          store.markApplied(key, eventId);
          return Boolean.TRUE;
        });
      }

      @Override
      public long countPendingEvents() {
        return call(STATE_STORE, "countPendingEvents", store::countPendingEvents);
      }

      @Override
      public boolean keepsChanges() {
        return call(STATE_STORE, "keepsChanges", store::keepsChanges);
      }

      @Override
      public List<PendingChange> pendingChanges(int max) {
        return call(STATE_STORE, "pendingChanges", () -> store.pendingChanges(max));
      }

      @Override
      public List<PendingChange> pendingChanges(AlertKey key, int max) {
        return call(STATE_STORE, "pendingChanges", () -> store.pendingChanges(key, max));
      }

      @Override
      public boolean updateChange(PendingChange expected, PendingChange next) {
        return call(STATE_STORE, "updateChange", () -> store.updateChange(expected, next));
      }

      @Override
      public void removeChange(AlertKey key, String changeId) {
        call(STATE_STORE, "removeChange", () -> {
          store.removeChange(key, changeId);
          return Boolean.TRUE;
        });
      }

      @Override
      public long countPendingChanges() {
        return call(STATE_STORE, "countPendingChanges", store::countPendingChanges);
      }
    };
  }

  static DeliveryLog guard(DeliveryLog log) {
    if (log instanceof InMemoryDeliveryLog) {
      return log;
    }
    return new DeliveryLog() {
      @Override
      public boolean markSeen(String sourceId, String deliveryId, Instant now) {
        return call(DELIVERY_LOG, "markSeen", () -> log.markSeen(sourceId, deliveryId, now));
      }

      @Override
      public boolean contains(String sourceId, String deliveryId, Instant now) {
        return call(DELIVERY_LOG, "contains", () -> log.contains(sourceId, deliveryId, now));
      }
    };
  }

  private static <T> T call(String what, String method, Supplier<T> call) {
    T answer;
    try {
      answer = call.get();
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("the " + what + " failed: " + e.getClass().getSimpleName(), e);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      throw new StoreException("the " + what + " failed: " + e.getClass().getSimpleName(), e);
    }
    if (answer == null) {
      throw new StoreException("the " + what + " returned null from " + method);
    }
    return answer;
  }
}
