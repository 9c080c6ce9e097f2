package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoresTest {
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");
  private static final AlertKey KEY = new AlertKey("s", "1");

  private static StoredAlert stored(AlertState state, long version, Instant at, Instant expires) {
    return new StoredAlert(state, "a", Optional.empty(), "new", version, at, Optional.ofNullable(expires), List.of());
  }

  private static boolean cas(InMemoryAlertStateStore store, AlertKey key, long expected, StoredAlert next) {
    return store.commit(List.of(new AlertWrite(key, expected, next, List.of())));
  }

  @Test
  void compareAndSetWritesOnlyOverTheExpectedVersion() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();

    assertThat(cas(store, KEY, 0, stored(AlertState.PENDING, 1, NOW, null))).isTrue();
    assertThat(cas(store, KEY, 0, stored(AlertState.PENDING, 1, NOW, null))).isFalse();
    assertThat(cas(store, KEY, 1, stored(AlertState.ACCEPTED, 2, NOW, null))).isTrue();
    assertThat(store.read(KEY)).map(StoredAlert::state).contains(AlertState.ACCEPTED);
    assertThatThrownBy(() -> cas(store, KEY, 2, stored(AlertState.ACCEPTED, 2, NOW, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionsGoOnAboveEveryPurgedVersionSoAnOldWriterCannotWriteOverANewAlert() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    cas(store, KEY, 0, stored(AlertState.PENDING, 1, NOW, null));
    cas(store, KEY, 1, stored(AlertState.ACCEPTED, 2, NOW, null));
    cas(store, KEY, 2, stored(AlertState.RESOLVED, 3, NOW, NOW.plusMillis(1)));
    store.purgeExpired(NOW.plusMillis(1));
    assertThat(store.read(KEY)).isEmpty();

    assertThat(cas(store, KEY, 0, stored(AlertState.PENDING, 1, NOW.plusMillis(2), null))).isTrue();
    long restarted = store.read(KEY).orElseThrow().version();

    assertThat(restarted).isGreaterThan(3);
    assertThat(cas(store, KEY, 3, stored(AlertState.PENDING, 4, NOW.plusMillis(3), null))).isFalse();
    assertThat(store.read(KEY).orElseThrow().version()).isEqualTo(restarted);
  }

  @Test
  void dropsResolvedAlertsOnceTheirRetentionHasPassed() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    cas(store, KEY, 0, stored(AlertState.RESOLVED, 1, NOW, NOW.plusSeconds(60)));
    AlertKey other = new AlertKey("s", "2");

    cas(store, other, 0, stored(AlertState.PENDING, 1, NOW.plusSeconds(59), null));
    assertThat(store.read(KEY)).isPresent();
    cas(store, other, 1, stored(AlertState.ACCEPTED, 2, NOW.plusSeconds(60), null));

    assertThat(store.read(KEY)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aKeyResolvedAgainBeforeItExpiresIsKeptUntilItsNewExpiry() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    AlertKey other = new AlertKey("s", "2");
    cas(store, KEY, 0, stored(AlertState.RESOLVED, 1, NOW, NOW.plusSeconds(60)));
    cas(store, KEY, 1, stored(AlertState.PENDING, 2, NOW.plusSeconds(10), null));
    cas(store, KEY, 2, stored(AlertState.RESOLVED, 3, NOW.plusSeconds(20), NOW.plusSeconds(80)));

    cas(store, other, 0, stored(AlertState.PENDING, 1, NOW.plusSeconds(70), null));
    assertThat(store.read(KEY)).map(StoredAlert::version).contains(3L);
    cas(store, other, 1, stored(AlertState.ACCEPTED, 2, NOW.plusSeconds(80), null));

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
}
