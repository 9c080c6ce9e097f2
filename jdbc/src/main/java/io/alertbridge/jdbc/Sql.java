package io.alertbridge.jdbc;

/** Every statement the stores run, for one dialect and table prefix. */
final class Sql {
  static final String VERSION_FLOOR = "version_floor";

  final Dialect dialect;
  final String alerts;
  final String pending;
  final String changes;
  final String deliveries;
  final String meta;

  final String readAlert;
  final String insertAlert;
  final String updateAlert;
  final String lockFloorShared;
  final String lockFloorExclusive;
  final String raiseFloor;
  final String insertPending;
  final String pendingOfKey;
  final String pendingOldest;
  final String deletePending;
  final String countPending;
  final String insertChange;
  final String changesOfKey;
  final String changesOldest;
  final String updateChange;
  final String deleteChange;
  final String countChanges;
  final String selectExpiredAlerts;
  final String deleteAlert;

  final String insertDelivery;
  final String renewExpiredDelivery;
  final String containsDelivery;
  final String deleteExpiredDeliveries;

  Sql(Dialect dialect, String prefix) {
    this.dialect = dialect;
    this.alerts = prefix + "alerts";
    this.pending = prefix + "pending_events";
    this.changes = prefix + "pending_changes";
    this.deliveries = prefix + "delivery_ids";
    this.meta = prefix + "meta";

    String alertColumns = "source_id, ticket_id, state, alert_id, last_source_update, last_status, version, updated_at, "
        + "expires_at, recent_delivery_ids, echo";
    readAlert = "SELECT state, alert_id, last_source_update, last_status, version, updated_at, expires_at, "
        + "recent_delivery_ids, echo FROM " + alerts + " WHERE source_id = ? AND ticket_id = ?";
    String values = " (" + alertColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // A key that exists is a conflict, not an error: PostgreSQL would abort the transaction, and the
    // MySQL family's drivers log every error. Ids are checked for length before, and no other value can
    // be cut or replaced, so IGNORE can only skip the duplicate key. H2 reports it as an error that
    // leaves the transaction usable.
    insertAlert = switch (dialect) {
      case POSTGRESQL -> "INSERT INTO " + alerts + values + " ON CONFLICT DO NOTHING";
      case MYSQL, MARIADB -> "INSERT IGNORE INTO " + alerts + values;
      case H2 -> "INSERT INTO " + alerts + values;
    };
    updateAlert = "UPDATE " + alerts + " SET state = ?, alert_id = ?, last_source_update = ?, last_status = ?, "
        + "version = ?, updated_at = ?, expires_at = ?, recent_delivery_ids = ?, echo = ? "
        + "WHERE source_id = ? AND ticket_id = ? AND version = ?";

    String floor = "SELECT meta_value FROM " + meta + " WHERE meta_key = '" + VERSION_FLOOR + "'";
    lockFloorShared = switch (dialect) {
      case POSTGRESQL -> floor + " FOR SHARE";
      case MYSQL, MARIADB -> floor + " LOCK IN SHARE MODE";
      case H2 -> floor + " FOR UPDATE";
    };
    lockFloorExclusive = floor + " FOR UPDATE";
    raiseFloor = "UPDATE " + meta + " SET meta_value = ? WHERE meta_key = '" + VERSION_FLOOR + "' AND meta_value < ?";

    String pendingColumns = "(source_id, ticket_id, event_id, event_json)";
    insertPending = switch (dialect) {
      case POSTGRESQL -> "INSERT INTO " + pending + " " + pendingColumns + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
      case MYSQL, MARIADB -> "INSERT INTO " + pending + " " + pendingColumns
          + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE seq = seq";
      case H2 -> "MERGE INTO " + pending + " p USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), "
          + "CAST(? AS VARCHAR(255)), CAST(? AS CLOB))) AS v(s, t, e, j) "
          + "ON p.source_id = v.s AND p.ticket_id = v.t AND p.event_id = v.e "
          + "WHEN NOT MATCHED THEN INSERT " + pendingColumns + " VALUES (v.s, v.t, v.e, v.j)";
    };
    pendingOfKey = "SELECT event_json FROM " + pending + " WHERE source_id = ? AND ticket_id = ? ORDER BY seq LIMIT ?";
    pendingOldest = "SELECT source_id, ticket_id, event_json FROM " + pending + " ORDER BY seq LIMIT ?";
    deletePending = "DELETE FROM " + pending + " WHERE source_id = ? AND ticket_id = ? AND event_id = ?";
    countPending = "SELECT COUNT(*) FROM " + pending;

    // A change is recorded once per key and change id, as events are; it never starts as attempted.
    String changeColumns = "(source_id, ticket_id, change_id, change_json, attempts, next_attempt_at)";
    insertChange = switch (dialect) {
      case POSTGRESQL -> "INSERT INTO " + changes + " " + changeColumns + " VALUES (?, ?, ?, ?, 0, ?) "
          + "ON CONFLICT DO NOTHING";
      case MYSQL, MARIADB -> "INSERT INTO " + changes + " " + changeColumns
          + " VALUES (?, ?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE seq = seq";
      case H2 -> "MERGE INTO " + changes + " p USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), "
          + "CAST(? AS VARCHAR(255)), CAST(? AS CLOB), CAST(? AS NUMERIC(30, 9)))) AS v(s, t, i, j, n) "
          + "ON p.source_id = v.s AND p.ticket_id = v.t AND p.change_id = v.i "
          + "WHEN NOT MATCHED THEN INSERT " + changeColumns + " VALUES (v.s, v.t, v.i, v.j, 0, v.n)";
    };
    changesOfKey = "SELECT change_json, attempts, next_attempt_at, last_error FROM " + changes
        + " WHERE source_id = ? AND ticket_id = ? ORDER BY seq LIMIT ?";
    changesOldest = "SELECT source_id, ticket_id, change_json, attempts, next_attempt_at, last_error FROM " + changes
        + " ORDER BY seq LIMIT ?";
    updateChange = "UPDATE " + changes + " SET attempts = ?, next_attempt_at = ?, last_error = ? "
        + "WHERE source_id = ? AND ticket_id = ? AND change_id = ? AND attempts = ? AND next_attempt_at = ?";
    deleteChange = "DELETE FROM " + changes + " WHERE source_id = ? AND ticket_id = ? AND change_id = ?";
    countChanges = "SELECT COUNT(*) FROM " + changes;

    selectExpiredAlerts = "SELECT source_id, ticket_id, version FROM " + alerts
        + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED";
    deleteAlert = "DELETE FROM " + alerts + " WHERE source_id = ? AND ticket_id = ? AND version = ?";

    insertDelivery = switch (dialect) {
      case POSTGRESQL -> "INSERT INTO " + deliveries + " AS d (source_id, delivery_id, expires_at) VALUES (?, ?, ?) "
          + "ON CONFLICT (source_id, delivery_id) DO UPDATE SET expires_at = EXCLUDED.expires_at "
          + "WHERE d.expires_at <= ?";
      case MYSQL, MARIADB -> "INSERT IGNORE INTO " + deliveries + " (source_id, delivery_id, expires_at) VALUES (?, ?, ?)";
      case H2 -> "INSERT INTO " + deliveries + " (source_id, delivery_id, expires_at) VALUES (?, ?, ?)";
    };
    renewExpiredDelivery = "UPDATE " + deliveries + " SET expires_at = ? "
        + "WHERE source_id = ? AND delivery_id = ? AND expires_at <= ?";
    containsDelivery = "SELECT 1 FROM " + deliveries + " WHERE source_id = ? AND delivery_id = ? AND expires_at > ?";
    deleteExpiredDeliveries = switch (dialect) {
      case POSTGRESQL -> "DELETE FROM " + deliveries + " WHERE ctid IN (SELECT ctid FROM " + deliveries
          + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)";
      case MYSQL, MARIADB -> "DELETE FROM " + deliveries + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ?";
      case H2 -> "DELETE FROM " + deliveries + " WHERE expires_at <= ? FETCH FIRST ? ROWS ONLY";
    };
  }
}
