package io.alertbridge.jdbc;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.PendingChange;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AlertStateStore} in a database shared by every node: one row per alert key, one row per
 * pending event, one row per outbound change. Built by {@link JdbcStores}; thread-safe, and safe under
 * any number of nodes.
 *
 * <p>Each call borrows one connection from the host's {@code DataSource} and runs one statement, or,
 * for {@link #commit}, one short transaction: a compare-and-set {@code UPDATE ... WHERE version = ?}
 * per key that exists, an insert that does nothing over an existing row for each new key, one batch
 * of pending events and one of outbound changes; any key's conflict rolls everything back and answers
 * false. Keys are written in a fixed order, so two commits of the same keys wait for each other instead
 * of deadlocking. {@link #updateChange} is one compare-and-set {@code UPDATE} on the change's attempts
 * and next attempt time, so one node at a time claims an attempt.
 *
 * <p><b>Versions never go back for a key.</b> {@link JdbcStores#sweepExpired} removes forgotten alerts
 * and raises a version floor (one row in the meta table) to the highest version it removed, in the
 * same transaction. A key written afresh (expected version 0) is written at its version plus the floor,
 * read under a shared lock that the sweep's exclusive lock excludes, so a new key never reuses a
 * version that an earlier alert of the same key had.
 */
public final class JdbcAlertStateStore implements AlertStateStore {
  /**
   * The longest source id, ticket id, alert id, event id and delivery id the tables keep, in Java
   * characters ({@link String#length()}; a character outside the Basic Multilingual Plane counts two).
   */
  public static final int MAX_ID_LENGTH = 255;

  private static final Comparator<AlertWrite> KEY_ORDER = Comparator
      .comparing((AlertWrite w) -> w.key().sourceId()).thenComparing(w -> w.key().ticketId());

  private final Connections connections;
  private final Sql sql;
  private final TransactionalEventApplier applier;

  JdbcAlertStateStore(Connections connections, Sql sql, TransactionalEventApplier applier) {
    this.connections = connections;
    this.sql = sql;
    this.applier = applier;
  }

  @Override
  public Optional<StoredAlert> read(AlertKey key) {
    checkKey(key);
    return connections.autoCommit("read of an alert", connection -> {
      try (PreparedStatement read = connection.prepareStatement(sql.readAlert)) {
        read.setString(1, key.sourceId());
        read.setString(2, key.ticketId());
        try (ResultSet row = read.executeQuery()) {
          return row.next() ? Optional.of(alert(row, key)) : Optional.empty();
        }
      }
    });
  }

  private StoredAlert alert(ResultSet row, AlertKey key) throws SQLException {
    try {
      BigDecimal lastUpdate = row.getBigDecimal(3);
      BigDecimal expires = row.getBigDecimal(7);
      // Null in rows written before the column existed, and whenever no echo is expected.
      Optional<StoredAlert.Echo> echo = Codec.echo(row.getString(9));
      return new StoredAlert(
          AlertState.valueOf(row.getString(1)),
          row.getString(2),
          lastUpdate == null ? Optional.empty() : Optional.of(Codec.instant(lastUpdate)),
          row.getString(4),
          row.getLong(5),
          Codec.instant(row.getBigDecimal(6)),
          expires == null ? Optional.empty() : Optional.of(Codec.instant(expires)),
          Codec.strings(row.getString(8)),
          echo);
    } catch (RuntimeException e) {
      throw new StoreException(connections.name() + ": the row of alert key " + describe(key) + " in " + sql.alerts
          + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean commit(List<AlertWrite> writes) {
    if (writes.isEmpty()) {
      return true;
    }
    for (AlertWrite write : writes) {
      checkKey(write.key());
      checkId("alert id", write.next().alertId());
      for (AlertEvent event : write.events()) {
        checkId("event id", event.eventId());
      }
      for (TicketChange change : write.changes()) {
        checkId("change id", change.changeId());
      }
    }
    List<AlertWrite> inKeyOrder = new ArrayList<>(writes);
    inKeyOrder.sort(KEY_ORDER);
    String step = "commit of " + writes.size() + (writes.size() == 1 ? " alert write" : " alert writes");
    return connections.transaction(step, connection -> {
      boolean written = write(connection, inKeyOrder);
      if (written) {
        pending(connection, writes);
        changes(connection, writes);
      }
      return new Connections.Outcome<>(written, written);
    }, false);
  }

  /** @return whether every key was at its expected version and is now written */
  private boolean write(Connection connection, List<AlertWrite> writes) throws SQLException {
    long floor = -1;
    for (AlertWrite write : writes) {
      if (write.expectedVersion() == 0) {
        floor = lockFloor(connection);
        break;
      }
    }
    try (PreparedStatement insert = prepareIf(connection, floor >= 0, sql.insertAlert);
        PreparedStatement update = prepareIf(connection, hasUpdates(writes), sql.updateAlert)) {
      for (AlertWrite write : writes) {
        StoredAlert next = write.next();
        if (write.expectedVersion() == 0) {
          if (!insert(insert, write.key(), next.withVersion(Math.addExact(next.version(), floor)))) {
            return false;
          }
        } else {
          bindState(update, 1, next);
          update.setString(10, write.key().sourceId());
          update.setString(11, write.key().ticketId());
          update.setLong(12, write.expectedVersion());
          if (update.executeUpdate() != 1) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean hasUpdates(List<AlertWrite> writes) {
    for (AlertWrite write : writes) {
      if (write.expectedVersion() != 0) {
        return true;
      }
    }
    return false;
  }

  private static PreparedStatement prepareIf(Connection connection, boolean needed, String statement)
      throws SQLException {
    return needed ? connection.prepareStatement(statement) : null;
  }

  /** The version floor, under a lock shared with other writers of new keys and excluding the sweep. */
  private long lockFloor(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(sql.lockFloorShared);
        ResultSet row = lock.executeQuery()) {
      if (!row.next()) {
        throw new StoreException(connections.name() + ": the row " + Sql.VERSION_FLOOR + " is missing from "
            + sql.meta + "; create the schema with JdbcStores.createSchemaIfMissing() or the schema file");
      }
      return row.getLong(1);
    }
  }

  private boolean insert(PreparedStatement insert, AlertKey key, StoredAlert next) throws SQLException {
    insert.setString(1, key.sourceId());
    insert.setString(2, key.ticketId());
    bindState(insert, 3, next);
    try {
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      if (Connections.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Binds state, alert id, last source update, last status, version, updated at, expires at, delivery ids
   * and echo.
   */
  private static void bindState(PreparedStatement statement, int first, StoredAlert next) throws SQLException {
    statement.setString(first, next.state().name());
    statement.setString(first + 1, next.alertId());
    setDecimal(statement, first + 2, Codec.instant(next.lastSourceUpdate()));
    statement.setString(first + 3, next.lastStatusKey());
    statement.setLong(first + 4, next.version());
    statement.setBigDecimal(first + 5, Codec.instant(next.updatedAt()));
    setDecimal(statement, first + 6, Codec.instant(next.expiresAt()));
    statement.setString(first + 7, Codec.strings(next.recentDeliveryIds()));
    setText(statement, first + 8, Codec.echo(next.echo()));
  }

  private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DECIMAL);
    } else {
      statement.setBigDecimal(index, value);
    }
  }

  /** Records the events as pending, in the order given, or hands them to the host's applier. */
  private void pending(Connection connection, List<AlertWrite> writes) throws SQLException {
    if (applier != null) {
      for (AlertWrite write : writes) {
        for (AlertEvent event : write.events()) {
          try {
            applier.apply(connection, event);
          } catch (RuntimeException e) {
            throw new StoreException(connections.name() + ": the host's transactional event applier failed on event "
                + event.eventId() + ": " + e.getClass().getSimpleName(), e);
          }
        }
      }
      return;
    }
    PreparedStatement insert = null;
    try {
      for (AlertWrite write : writes) {
        for (AlertEvent event : write.events()) {
          if (insert == null) {
            insert = connection.prepareStatement(sql.insertPending);
          }
          insert.setString(1, write.key().sourceId());
          insert.setString(2, write.key().ticketId());
          insert.setString(3, event.eventId());
          insert.setString(4, Codec.event(event));
          insert.addBatch();
        }
      }
      if (insert != null) {
        insert.executeBatch();
      }
    } finally {
      if (insert != null) {
        insert.close();
      }
    }
  }

  /** Records the outbound changes as pending, in the order given: never tried, due when requested. */
  private void changes(Connection connection, List<AlertWrite> writes) throws SQLException {
    PreparedStatement insert = null;
    try {
      for (AlertWrite write : writes) {
        for (TicketChange change : write.changes()) {
          if (insert == null) {
            insert = connection.prepareStatement(sql.insertChange);
          }
          insert.setString(1, write.key().sourceId());
          insert.setString(2, write.key().ticketId());
          insert.setString(3, change.changeId());
          insert.setString(4, Codec.change(change));
          insert.setBigDecimal(5, Codec.instant(change.requestedAt()));
          insert.addBatch();
        }
      }
      if (insert != null) {
        insert.executeBatch();
      }
    } finally {
      if (insert != null) {
        insert.close();
      }
    }
  }

  @Override
  public List<PendingEvent> pendingEvents(AlertKey key, int max) {
    checkKey(key);
    positive(max);
    return connections.autoCommit("listing of a key's pending events", connection -> {
      try (PreparedStatement list = connection.prepareStatement(sql.pendingOfKey)) {
        list.setString(1, key.sourceId());
        list.setString(2, key.ticketId());
        list.setInt(3, max);
        List<PendingEvent> pending = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            pending.add(new PendingEvent(key, event(key, rows.getString(1))));
          }
        }
        return pending;
      }
    });
  }

  @Override
  public List<PendingEvent> pendingEvents(int max) {
    positive(max);
    return connections.autoCommit("listing of the oldest pending events", connection -> {
      try (PreparedStatement list = connection.prepareStatement(sql.pendingOldest)) {
        list.setInt(1, max);
        List<PendingEvent> pending = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            AlertKey key = new AlertKey(rows.getString(1), rows.getString(2));
            pending.add(new PendingEvent(key, event(key, rows.getString(3))));
          }
        }
        return pending;
      }
    });
  }

  private AlertEvent event(AlertKey key, String json) {
    try {
      return Codec.event(json);
    } catch (RuntimeException e) {
      throw new StoreException(connections.name() + ": a pending event of alert key " + describe(key) + " in "
          + sql.pending + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void markApplied(AlertKey key, String eventId) {
    checkKey(key);
    Objects.requireNonNull(eventId, "eventId");
    connections.autoCommit("marking a pending event applied", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(sql.deletePending)) {
        delete.setString(1, key.sourceId());
        delete.setString(2, key.ticketId());
        delete.setString(3, eventId);
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public long countPendingEvents() {
    return connections.autoCommit("counting pending events", connection -> {
      try (PreparedStatement count = connection.prepareStatement(sql.countPending);
          ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  /** @return true: outbound changes are kept in their own table, committed with the alert's row */
  @Override
  public boolean keepsChanges() {
    return true;
  }

  @Override
  public List<PendingChange> pendingChanges(int max) {
    positive(max);
    return connections.autoCommit("listing of the oldest outbound changes", connection -> {
      try (PreparedStatement list = connection.prepareStatement(sql.changesOldest)) {
        list.setInt(1, max);
        List<PendingChange> pending = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            pending.add(change(rows, new AlertKey(rows.getString(1), rows.getString(2)), 3));
          }
        }
        return pending;
      }
    });
  }

  @Override
  public List<PendingChange> pendingChanges(AlertKey key, int max) {
    checkKey(key);
    positive(max);
    return connections.autoCommit("listing of a key's outbound changes", connection -> {
      try (PreparedStatement list = connection.prepareStatement(sql.changesOfKey)) {
        list.setString(1, key.sourceId());
        list.setString(2, key.ticketId());
        list.setInt(3, max);
        List<PendingChange> pending = new ArrayList<>();
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            pending.add(change(rows, key, 1));
          }
        }
        return pending;
      }
    });
  }

  /** Reads change JSON, attempts, next attempt time and last error from the row's columns from {@code first}. */
  private PendingChange change(ResultSet row, AlertKey key, int first) throws SQLException {
    try {
      return new PendingChange(key, Codec.change(row.getString(first)), row.getInt(first + 1),
          Codec.instant(row.getBigDecimal(first + 2)), Optional.ofNullable(row.getString(first + 3)));
    } catch (RuntimeException e) {
      throw new StoreException(connections.name() + ": an outbound change of alert key " + describe(key) + " in "
          + sql.changes + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the change's attempts, next attempt time and last error, only while its row still has
   * {@code expected}'s attempts and next attempt time; the change itself stays as committed.
   */
  @Override
  public boolean updateChange(PendingChange expected, PendingChange next) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    if (!expected.key().equals(next.key()) || !expected.change().changeId().equals(next.change().changeId())) {
      throw new IllegalArgumentException("next must be the same change as expected: change "
          + next.change().changeId() + " of " + describe(next.key()) + " for change " + expected.change().changeId()
          + " of " + describe(expected.key()));
    }
    AlertKey key = expected.key();
    checkKey(key);
    return connections.autoCommit("claiming or rescheduling an outbound change", connection -> {
      try (PreparedStatement update = connection.prepareStatement(sql.updateChange)) {
        update.setInt(1, next.attempts());
        update.setBigDecimal(2, Codec.instant(next.nextAttemptAt()));
        setText(update, 3, next.lastError().orElse(null));
        update.setString(4, key.sourceId());
        update.setString(5, key.ticketId());
        update.setString(6, expected.change().changeId());
        update.setInt(7, expected.attempts());
        update.setBigDecimal(8, Codec.instant(expected.nextAttemptAt()));
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void removeChange(AlertKey key, String changeId) {
    checkKey(key);
    Objects.requireNonNull(changeId, "changeId");
    connections.autoCommit("removing an outbound change", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(sql.deleteChange)) {
        delete.setString(1, key.sourceId());
        delete.setString(2, key.ticketId());
        delete.setString(3, changeId);
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public long countPendingChanges() {
    return connections.autoCommit("counting outbound changes", connection -> {
      try (PreparedStatement count = connection.prepareStatement(sql.countChanges);
          ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  /**
   * Removes up to {@code maxRows} alerts whose retention has passed, and raises the version floor to
   * the highest version removed, in one transaction. Rows that another node is writing right now are
   * skipped, and removed by a later sweep.
   *
   * @return how many alerts were removed
   */
  int sweep(Instant now, int maxRows) {
    positive(maxRows);
    return connections.transaction("sweep of expired alerts", connection -> {
      long floor;
      try (PreparedStatement lock = connection.prepareStatement(sql.lockFloorExclusive);
          ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(connections.name() + ": the row " + Sql.VERSION_FLOOR + " is missing from "
              + sql.meta + "; create the schema with JdbcStores.createSchemaIfMissing() or the schema file");
        }
        floor = row.getLong(1);
      }
      List<Object[]> expired = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(sql.selectExpiredAlerts)) {
        select.setBigDecimal(1, Codec.instant(now));
        select.setInt(2, maxRows);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            expired.add(new Object[] {rows.getString(1), rows.getString(2), rows.getLong(3)});
          }
        }
      }
      if (expired.isEmpty()) {
        return new Connections.Outcome<>(false, 0);
      }
      // The rows are locked by this transaction, so each delete removes its row.
      long highest = floor;
      try (PreparedStatement delete = connection.prepareStatement(sql.deleteAlert)) {
        for (Object[] row : expired) {
          delete.setString(1, (String) row[0]);
          delete.setString(2, (String) row[1]);
          delete.setLong(3, (Long) row[2]);
          delete.addBatch();
          highest = Math.max(highest, (Long) row[2]);
        }
        delete.executeBatch();
      }
      if (highest > floor) {
        try (PreparedStatement raise = connection.prepareStatement(sql.raiseFloor)) {
          raise.setLong(1, highest);
          raise.setLong(2, highest);
          raise.executeUpdate();
        }
      }
      return new Connections.Outcome<>(true, expired.size());
    }, 0);
  }

  private static void checkKey(AlertKey key) {
    Objects.requireNonNull(key, "key");
    checkId("source id", key.sourceId());
    checkId("ticket id", key.ticketId());
  }

  static void checkId(String what, String id) {
    if (id.length() > MAX_ID_LENGTH) {
      throw new StoreException("a " + what + " of " + id.length() + " characters is longer than the " + MAX_ID_LENGTH
          + " the JDBC stores keep");
    }
  }

  private static String describe(AlertKey key) {
    return key.sourceId() + "/" + key.ticketId();
  }

  static int positive(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive, got " + max);
    }
    return max;
  }
}
