package io.alertbridge.jdbc;

import io.alertbridge.core.DeliveryLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@link DeliveryLog} in a database shared by every node: one row per source and delivery id,
 * kept for a time to live and removed by {@link JdbcStores#sweepExpired}. Built by {@link JdbcStores};
 * thread-safe. Each call is one statement with auto-commit (on MySQL, MariaDB and H2, two when the id
 * is already there).
 */
public final class JdbcDeliveryLog implements DeliveryLog {
  private final Connections connections;
  private final Sql sql;
  private final Duration ttl;

  JdbcDeliveryLog(Connections connections, Sql sql, Duration ttl) {
    this.connections = connections;
    this.sql = sql;
    this.ttl = ttl;
  }

  /** @return how long a delivery id is remembered */
  public Duration ttl() {
    return ttl;
  }

  @Override
  public boolean markSeen(String sourceId, String deliveryId, Instant now) {
    check(sourceId, deliveryId, now);
    return connections.autoCommit("recording a delivery id", connection -> {
      for (int attempt = 0; ; attempt++) {
        // Insert, or renew an expired row: true either way; false when the id is recorded and live.
        try (PreparedStatement insert = connection.prepareStatement(sql.insertDelivery)) {
          insert.setString(1, sourceId);
          insert.setString(2, deliveryId);
          insert.setBigDecimal(3, Codec.instant(now.plus(ttl)));
          if (sql.dialect == Dialect.POSTGRESQL) {
            insert.setBigDecimal(4, Codec.instant(now));
            return insert.executeUpdate() == 1;
          }
          if (insert.executeUpdate() == 1) {
            return true;
          }
        } catch (SQLException e) {
          if (!Connections.isDuplicateKey(e)) {
            throw e;
          }
        }
        try (PreparedStatement renew = connection.prepareStatement(sql.renewExpiredDelivery)) {
          renew.setBigDecimal(1, Codec.instant(now.plus(ttl)));
          renew.setString(2, sourceId);
          renew.setString(3, deliveryId);
          renew.setBigDecimal(4, Codec.instant(now));
          if (renew.executeUpdate() == 1) {
            return true;
          }
        }
        // Not renewed: live, or removed by a sweep since the insert failed; then insert once more.
        if (attempt == 1 || contains(connection, sourceId, deliveryId, now)) {
          return false;
        }
      }
    });
  }

  @Override
  public boolean contains(String sourceId, String deliveryId, Instant now) {
    check(sourceId, deliveryId, now);
    return connections.autoCommit("looking up a delivery id",
        connection -> contains(connection, sourceId, deliveryId, now));
  }

  private boolean contains(java.sql.Connection connection, String sourceId, String deliveryId, Instant now)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql.containsDelivery)) {
      select.setString(1, sourceId);
      select.setString(2, deliveryId);
      select.setBigDecimal(3, Codec.instant(now));
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /** Removes up to {@code maxRows} expired delivery ids. @return how many */
  int sweep(Instant now, int maxRows) {
    JdbcAlertStateStore.positive(maxRows);
    return connections.autoCommit("sweep of expired delivery ids", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(sql.deleteExpiredDeliveries)) {
        delete.setBigDecimal(1, Codec.instant(now));
        delete.setInt(2, maxRows);
        return delete.executeUpdate();
      }
    });
  }

  private static void check(String sourceId, String deliveryId, Instant now) {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(now, "now");
    JdbcAlertStateStore.checkId("source id", sourceId);
    JdbcAlertStateStore.checkId("delivery id", deliveryId);
  }
}
