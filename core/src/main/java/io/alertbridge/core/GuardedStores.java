package io.alertbridge.core;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps the host's stores so that whatever they throw reaches the host as a {@link StoreException}
 * (answered with 503), never as an undocumented exception.
 */
final class GuardedStores {

  private GuardedStores() {}

  static AlertStateStore guard(AlertStateStore store) {
    if (store instanceof InMemoryAlertStateStore) {
      return store;
    }
    return new AlertStateStore() {
      @Override
      public Optional<StoredAlert> read(AlertKey key) {
        return call("alert state store", () -> store.read(key));
      }

      @Override
      public boolean compareAndSet(AlertKey key, long expectedVersion, StoredAlert next) {
        return call("alert state store", () -> store.compareAndSet(key, expectedVersion, next));
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
        return call("delivery log", () -> log.markSeen(sourceId, deliveryId, now));
      }

      @Override
      public boolean contains(String sourceId, String deliveryId, Instant now) {
        return call("delivery log", () -> log.contains(sourceId, deliveryId, now));
      }

      @Override
      public void forget(String sourceId, String deliveryId) {
        call("delivery log", () -> {
          log.forget(sourceId, deliveryId);
          return null;
        });
      }
    };
  }

  private static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("the " + what + " failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
