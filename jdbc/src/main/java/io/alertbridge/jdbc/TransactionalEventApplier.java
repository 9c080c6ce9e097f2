package io.alertbridge.jdbc;

import io.alertbridge.core.AlertEvent;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies events to the host's alerts on the store's own connection, inside the transaction that
 * writes the alert's state: the event and the state are committed together or not at all, and no
 * event is ever pending. For hosts whose alerts live in the same database as AlertBridge's tables.
 * Set it with {@link JdbcStores.Builder#applyEventsInTransaction}.
 *
 * <p>Use only {@code connection}, do not commit, roll back or close it, and keep the work short: row
 * locks of the alert are held meanwhile. Throwing rolls the whole write back; the processor answers
 * 503 and the sender's retry decides the delivery afresh.
 */
@FunctionalInterface
public interface TransactionalEventApplier {

  /**
   * @param connection the store's connection, in the transaction of the state write
   * @param event the event to apply; its {@link AlertEvent#eventId()} is unique
   * @throws SQLException to roll everything back
   */
  void apply(Connection connection, AlertEvent event) throws SQLException;
}
