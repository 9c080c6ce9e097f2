package io.alertbridge.jdbc;

import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.testkit.StoreCompatibilityKit;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The test kit's store checks on one database: each new store gets tables of its own (a fresh prefix),
 * so it holds nothing; {@code purgeExpired} runs the sweep; {@code reopen} builds new stores over the
 * same tables.
 */
abstract class JdbcStoreCompatibility extends StoreCompatibilityKit {
  private final Map<AlertStateStore, JdbcStores> storesOf = new ConcurrentHashMap<>();

  abstract DataSource dataSource();

  private JdbcStores newStores() {
    JdbcStores stores = JdbcStores.builder(dataSource()).tablePrefix(Databases.uniquePrefix()).build();
    stores.createSchemaIfMissing();
    return stores;
  }

  @Override
  protected AlertStateStore newStateStore() {
    JdbcStores stores = newStores();
    storesOf.put(stores.stateStore(), stores);
    return stores.stateStore();
  }

  @Override
  protected DeliveryLog newDeliveryLog() {
    return newStores().deliveryLog();
  }

  @Override
  protected void purgeExpired(AlertStateStore store, Instant now) {
    JdbcStores stores = storesOf.get(store);
    while (stores.sweepExpired(now, 100).mayHaveMore()) {
      // another bounded round
    }
  }

  @Override
  protected AlertStateStore reopen(AlertStateStore store) {
    JdbcStores reopened = JdbcStores.builder(dataSource()).tablePrefix(storesOf.get(store).tablePrefix()).build();
    storesOf.put(reopened.stateStore(), reopened);
    return reopened.stateStore();
  }
}
