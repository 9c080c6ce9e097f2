package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoresTest {
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");
  private static final AlertKey KEY = new AlertKey("s", "1");

  private static StoredAlert stored(AlertState state, long version, Instant at, Instant expires) {
    return new StoredAlert(state, "a", Optional.empty(), "new", version, at, Optional.ofNullable(expires));
  }

  @Test
  void compareAndSetWritesOnlyOverTheExpectedVersion() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();

    assertThat(store.compareAndSet(KEY, 0, stored(AlertState.PENDING, 1, NOW, null))).isTrue();
    assertThat(store.compareAndSet(KEY, 0, stored(AlertState.PENDING, 1, NOW, null))).isFalse();
    assertThat(store.compareAndSet(KEY, 1, stored(AlertState.ACCEPTED, 2, NOW, null))).isTrue();
    assertThat(store.read(KEY)).map(StoredAlert::state).contains(AlertState.ACCEPTED);
    assertThatThrownBy(() -> store.compareAndSet(KEY, 2, stored(AlertState.ACCEPTED, 5, NOW, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dropsResolvedAlertsOnceTheirRetentionHasPassed() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    store.compareAndSet(KEY, 0, stored(AlertState.RESOLVED, 1, NOW, NOW.plusSeconds(60)));
    AlertKey other = new AlertKey("s", "2");

    store.compareAndSet(other, 0, stored(AlertState.PENDING, 1, NOW.plusSeconds(59), null));
    assertThat(store.read(KEY)).isPresent();
    store.compareAndSet(other, 1, stored(AlertState.ACCEPTED, 2, NOW.plusSeconds(60), null));

    assertThat(store.read(KEY)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aKeyResolvedAgainBeforeItExpiresIsKeptUntilItsNewExpiry() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    AlertKey other = new AlertKey("s", "2");
    store.compareAndSet(KEY, 0, stored(AlertState.RESOLVED, 1, NOW, NOW.plusSeconds(60)));
    store.compareAndSet(KEY, 1, stored(AlertState.PENDING, 2, NOW.plusSeconds(10), null));
    store.compareAndSet(KEY, 2, stored(AlertState.RESOLVED, 3, NOW.plusSeconds(20), NOW.plusSeconds(80)));

    store.compareAndSet(other, 0, stored(AlertState.PENDING, 1, NOW.plusSeconds(70), null));
    assertThat(store.read(KEY)).map(StoredAlert::version).contains(3L);
    store.compareAndSet(other, 1, stored(AlertState.ACCEPTED, 2, NOW.plusSeconds(80), null));

    assertThat(store.read(KEY)).isEmpty();
  }

  @Test
  void deliveryLogRemembersIdsForItsTimeToLive() {
    InMemoryDeliveryLog log = new InMemoryDeliveryLog(Duration.ofMinutes(10), 100);

    assertThat(log.markSeen("s", "a", NOW)).isTrue();
    assertThat(log.markSeen("s", "a", NOW.plusSeconds(599))).isFalse();
    assertThat(log.markSeen("other", "a", NOW)).isTrue();
    assertThat(log.contains("s", "a", NOW.plusSeconds(600))).isFalse();
    assertThat(log.markSeen("s", "a", NOW.plusSeconds(600))).isTrue();
  }

  @Test
  void deliveryLogIsBoundedOldestFirst() {
    InMemoryDeliveryLog log = new InMemoryDeliveryLog(Duration.ofHours(1), 3);
    for (String id : new String[] {"1", "2", "3", "4"}) {
      log.markSeen("s", id, NOW);
    }

    assertThat(log.size()).isEqualTo(3);
    assertThat(log.contains("s", "1", NOW)).isFalse();
    assertThat(log.contains("s", "4", NOW)).isTrue();
  }

  @Test
  void deliveryLogForgetsOnRequest() {
    InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    log.markSeen("s", "a", NOW);

    log.forget("s", "a");

    assertThat(log.markSeen("s", "a", NOW)).isTrue();
  }
}
