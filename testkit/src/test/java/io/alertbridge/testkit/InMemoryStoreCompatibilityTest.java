package io.alertbridge.testkit;

import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.InMemoryDeliveryLog;
import java.time.Instant;

class InMemoryStoreCompatibilityTest extends StoreCompatibilityKit {

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
