package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.InMemoryDeliveryLog;
import io.alertbridge.core.PendingChange;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultyStoresTest {
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");
  private static final AlertKey KEY = new AlertKey("s", "1");

  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final FaultyStores faulty = FaultyStores.wrap(store, log);

  private static List<AlertWrite> create() {
    return List.of(new AlertWrite(KEY, 0,
        new StoredAlert(AlertState.PENDING, "a", Optional.empty(), "new", 1, NOW, Optional.empty(), List.of()), List.of()));
  }

  @Test
  void aFaultBeforeTheCallLeavesTheStoreUntouched() {
    faulty.failNext(FaultyStores.Call.COMMIT, FaultyStores.Fault.BEFORE);

    assertThatThrownBy(() -> faulty.stateStore().commit(create()))
        .isInstanceOf(StoreException.class).hasMessage("injected failure before commit");
    assertThat(store.read(KEY)).isEmpty();
    assertThat(faulty.stateStore().commit(create())).as("the fault fires once").isTrue();
    assertThat(faulty.fired()).isEqualTo(1);
  }

  @Test
  void aFaultAfterTheCallHidesWorkThatWasDone() {
    faulty.failNext(FaultyStores.Call.COMMIT, FaultyStores.Fault.ERROR_AFTER)
        .failNext(FaultyStores.Call.MARK_SEEN, FaultyStores.Fault.AFTER);
    AlertStateStore stateStore = faulty.stateStore();

    assertThatThrownBy(() -> stateStore.commit(create())).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> faulty.deliveryLog().markSeen("s", "d-1", NOW)).isInstanceOf(StoreException.class);

    assertThat(store.read(KEY)).isPresent();
    assertThat(log.contains("s", "d-1", NOW)).isTrue();
    assertThat(faulty.waiting()).isZero();
  }

  @Test
  void callsWithoutAPlannedFaultPassThrough() {
    faulty.failNext(FaultyStores.Call.READ, FaultyStores.Fault.ERROR_BEFORE);

    assertThat(faulty.stateStore().commit(create())).isTrue();
    assertThat(faulty.stateStore().countPendingEvents()).isZero();
    assertThat(faulty.waiting()).isEqualTo(1);
    assertThatThrownBy(() -> faulty.stateStore().read(KEY)).isInstanceOf(AssertionError.class)
        .hasMessage("injected error before read");
  }

  @Test
  void outboundChangeCallsFailAsPlanned() {
    TicketChange change = new TicketChange("c-1", "a", AlertState.ACCEPTED, Optional.of("Working"), "Accepted", NOW);
    store.commit(List.of(new AlertWrite(KEY, 0,
        new StoredAlert(AlertState.ACCEPTED, "a", Optional.empty(), "new", 1, NOW, Optional.empty(), List.of()),
        List.of(), List.of(change))));
    PendingChange pending = PendingChange.of(KEY, change);
    PendingChange claimed = pending.attempted(NOW.plusSeconds(120), null);
    AlertStateStore stateStore = faulty.stateStore();
    faulty.failNext(FaultyStores.Call.UPDATE_CHANGE, FaultyStores.Fault.BEFORE)
        .failNext(FaultyStores.Call.UPDATE_CHANGE, FaultyStores.Fault.AFTER)
        .failNext(FaultyStores.Call.REMOVE_CHANGE, FaultyStores.Fault.ERROR_BEFORE)
        .failNext(FaultyStores.Call.PENDING_CHANGES, FaultyStores.Fault.ERROR_AFTER)
        .failNext(FaultyStores.Call.PENDING_CHANGES_OF_KEY, FaultyStores.Fault.BEFORE)
        .failNext(FaultyStores.Call.COUNT_PENDING_CHANGES, FaultyStores.Fault.BEFORE);

    assertThat(stateStore.keepsChanges()).as("never fails").isTrue();
    assertThatThrownBy(() -> stateStore.updateChange(pending, claimed))
        .hasMessage("injected failure before update_change");
    assertThat(store.pendingChanges(KEY, 10)).as("before the call: not claimed").containsExactly(pending);
    assertThatThrownBy(() -> stateStore.updateChange(pending, claimed))
        .hasMessage("injected failure after update_change completed");
    assertThat(store.pendingChanges(KEY, 10)).as("after the call: claimed").containsExactly(claimed);
    assertThatThrownBy(() -> stateStore.removeChange(KEY, "c-1")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> stateStore.pendingChanges(10)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> stateStore.pendingChanges(KEY, 10)).isInstanceOf(StoreException.class);
    assertThatThrownBy(stateStore::countPendingChanges).isInstanceOf(StoreException.class);
    assertThat(faulty.waiting()).isZero();

    assertThat(stateStore.countPendingChanges()).as("the change, after an error before its removal").isEqualTo(1);
    stateStore.removeChange(KEY, "c-1");
    assertThat(stateStore.pendingChanges(10)).isEmpty();
  }
}
