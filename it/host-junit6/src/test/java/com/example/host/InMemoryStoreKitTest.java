package com.example.host;

import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.InMemoryDeliveryLog;
import io.alertbridge.testkit.StoreCompatibilityKit;
import java.time.Instant;

/** The store kit, inherited, over core's in-memory stores. */
class InMemoryStoreKitTest extends StoreCompatibilityKit {

  @Override
  protected AlertStateStore newStateStore() {
    return new InMemoryAlertStateStore();
  }

  @Override
  protected DeliveryLog newDeliveryLog() {
    return new InMemoryDeliveryLog();
  }

  @Override
  protected void purgeExpired(AlertStateStore store, Instant now) {
    ((InMemoryAlertStateStore) store).purgeExpired(now);
  }
}
