package io.alertbridge.cli;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import io.alertbridge.jdbc.Dialect;
import io.alertbridge.jdbc.JdbcStores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receiver's state in a database that several receivers share ({@link JdbcStores}, on a small
 * {@link DriverPool}): alert states and delivery ids in the library's tables, so that receivers on one
 * database behave as one. Each event is applied in the transaction that writes its alert's state: the
 * last event applied per alert key is kept in a table of the tool's own, {@code
 * alertbridge_cli_last_events}, so every receiver lists the same {@code lastEventId}, also after a
 * restart.
 *
 * <p>Outbound changes (the way back to the tickets) and the echoes they expect are kept in the library's
 * tables too, committed with the alert's state, so any receiver on the database writes them back and
 * recognises their echoes.
 *
 * <p>{@code GET /alerts} reads the library's alert table with plain SQL over its documented schema
 * ({@code alertbridge_alerts}, its {@code echo} column included): {@link JdbcStores} has no listing of
 * its own.
 */
final class JdbcServeStore implements ServeStore {
  /** Connections at once; a request waits up to {@link #POOL_WAIT} for one, then is answered 503. */
  static final int POOL_SIZE = 8;
  static final Duration POOL_WAIT = Duration.ofSeconds(10);
  /** The most expired alerts (and delivery ids, and last events) one sweep removes. */
  static final int SWEEP_ROWS = 1_000;

  private final DriverPool pool;
  private final JdbcStores stores;
  private final String alerts;
  private final String lastEvents;
  private final String description;

  private JdbcServeStore(DriverPool pool, String description) {
    this.pool = pool;
    this.stores = JdbcStores.builder(pool).applyEventsInTransaction(this::remember).build();
    this.alerts = stores.tablePrefix() + "alerts";
    this.lastEvents = stores.tablePrefix() + "cli_last_events";
    this.description = description + " (" + stores.dialect().name().toLowerCase(java.util.Locale.ROOT) + ", tables "
        + stores.tablePrefix() + "*)";
  }

  /**
   * Connects, and creates the tables that are missing.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   * @param description what to call the database in the start-up lines: never with a password
   * @return the store
   * @throws StoreException when the database cannot be reached or its schema cannot be created
   */
  static JdbcServeStore open(String url, String user, String password, String description) {
    DriverPool pool = new DriverPool(url, user, password, POOL_SIZE, POOL_WAIT);
    try {
      JdbcServeStore store = new JdbcServeStore(pool, description);
      store.stores.createSchemaIfMissing();
      store.createLastEventsTable();
      return store;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  public WebhookProcessor.Builder wire(WebhookProcessor.Builder builder) {
    return builder.stateStore(stores.stateStore()).deliveryLog(stores.deliveryLog())
        .eventSink(stores.transactionalSink());
  }

  /** Applies an event in its alert's transaction, while the alert's row is locked: one writer per key. */
  private void remember(Connection connection, AlertEvent event) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + lastEvents
        + " SET alert_id = ?, event_id = ? WHERE source_id = ? AND ticket_id = ?")) {
      update.setString(1, event.alertId());
      update.setString(2, event.eventId());
      update.setString(3, event.sourceId());
      update.setString(4, event.ticketId());
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + lastEvents
        + " (source_id, ticket_id, alert_id, event_id) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, event.sourceId());
      insert.setString(2, event.ticketId());
      insert.setString(3, event.alertId());
      insert.setString(4, event.eventId());
      insert.executeUpdate();
    }
  }

  private void createLastEventsTable() {
    String options = switch (stores.dialect()) {
      case MYSQL -> " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_0900_bin";
      case MARIADB -> " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin";
      default -> "";
    };
    String create = "CREATE TABLE IF NOT EXISTS " + lastEvents + " (source_id VARCHAR(255) NOT NULL, "
        + "ticket_id VARCHAR(255) NOT NULL, alert_id VARCHAR(255) NOT NULL, event_id VARCHAR(255) NOT NULL, "
        + "PRIMARY KEY (source_id, ticket_id))" + options;
    SQLException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      // Two receivers creating the table at once: one of them may fail, and finds it there next time.
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(create);
        return;
      } catch (SQLException e) {
        failure = e;
      }
    }
    throw new StoreException("creating the table " + lastEvents + " failed: " + failure.getMessage(), failure);
  }

  @Override
  public Page alerts(Instant now, Optional<AlertKey> after, int limit) {
    String sql = "SELECT a.source_id, a.ticket_id, a.state, a.alert_id, a.last_source_update, a.last_status, "
        + "a.version, a.updated_at, a.expires_at, e.event_id, a.echo FROM " + alerts + " a LEFT JOIN " + lastEvents
        + " e ON e.source_id = a.source_id AND e.ticket_id = a.ticket_id AND e.alert_id = a.alert_id"
        + " WHERE (a.expires_at IS NULL OR a.expires_at > ?)"
        + (after.isPresent() ? " AND (a.source_id > ? OR (a.source_id = ? AND a.ticket_id > ?))" : "")
        + " ORDER BY a.source_id, a.ticket_id LIMIT ?";
    List<Map<String, Object>> listed = new ArrayList<>();
    AlertKey last = null;
    boolean more = false;
    try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 1;
      select.setBigDecimal(i++, seconds(now));
      if (after.isPresent()) {
        select.setString(i++, after.get().sourceId());
        select.setString(i++, after.get().sourceId());
        select.setString(i++, after.get().ticketId());
      }
      select.setInt(i, limit + 1);
      select.setMaxRows(limit + 1);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (listed.size() == limit) {
            more = true;
            break;
          }
          AlertKey key = new AlertKey(rows.getString(1), rows.getString(2));
          StoredAlert alert = new StoredAlert(AlertState.valueOf(rows.getString(3)), rows.getString(4),
              Optional.ofNullable(rows.getBigDecimal(5)).map(JdbcServeStore::instant), rows.getString(6),
              rows.getLong(7), instant(rows.getBigDecimal(8)),
              Optional.ofNullable(rows.getBigDecimal(9)).map(JdbcServeStore::instant), List.of(),
              echo(rows.getString(11)));
          listed.add(Reports.alert(key, alert, rows.getString(10)));
          last = key;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("listing the alerts failed: SQLState " + e.getSQLState() + ": " + e.getMessage(), e);
    }
    return new Page(listed, Optional.ofNullable(last), more);
  }

  /**
   * Removes expired alerts and delivery ids ({@link JdbcStores#sweepExpired}), then the last events of
   * alerts no longer stored, a bounded batch of each. A last event is removed only if it is still the one
   * found: an event applied meanwhile for a new alert of the key stays.
   */
  @Override
  public void sweep(Instant now) {
    stores.sweepExpired(now, SWEEP_ROWS);
    String orphans = "SELECT e.source_id, e.ticket_id, e.event_id FROM " + lastEvents + " e LEFT JOIN " + alerts
        + " a ON a.source_id = e.source_id AND a.ticket_id = e.ticket_id AND a.alert_id = e.alert_id"
        + " WHERE a.source_id IS NULL LIMIT " + SWEEP_ROWS;
    try (Connection connection = pool.getConnection()) {
      List<String[]> found = new ArrayList<>();
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(orphans)) {
        while (rows.next()) {
          found.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
        }
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + lastEvents
          + " WHERE source_id = ? AND ticket_id = ? AND event_id = ?")) {
        for (String[] row : found) {
          delete.setString(1, row[0]);
          delete.setString(2, row[1]);
          delete.setString(3, row[2]);
          delete.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("forgetting the last events of swept alerts failed: SQLState " + e.getSQLState()
          + ": " + e.getMessage(), e);
    }
  }

  /** @return the dialect in use */
  Dialect dialect() {
    return stores.dialect();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * The echo column as the schema file documents it: null, or {@code {"statusKeys": [...], "until":
   * "seconds"}}.
   */
  static Optional<StoredAlert.Echo> echo(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      Map<?, ?> echo = (Map<?, ?>) Json.parse(json, 3);
      List<String> statusKeys = new ArrayList<>();
      for (Object key : (List<?>) echo.get("statusKeys")) {
        statusKeys.add((String) key);
      }
      return Optional.of(new StoredAlert.Echo(statusKeys, instant(new BigDecimal((String) echo.get("until")))));
    } catch (RuntimeException e) {
      throw new StoreException("an alert's echo cannot be read: " + e.getMessage(), e);
    }
  }

  /** Instants as the schema keeps them: seconds since the epoch, exact to the nanosecond. */
  static BigDecimal seconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
  }

  static Instant instant(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }
}
