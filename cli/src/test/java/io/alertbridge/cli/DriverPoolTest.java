package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriverPoolTest {

  private static DriverPool pool(String name, int size) {
    return new DriverPool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null, size, Duration.ofMillis(200));
  }

  @Test
  void lendsAtMostItsSizeAndReusesWhatIsHandedBack() throws SQLException {
    try (DriverPool pool = pool("pool-size", 2)) {
      Connection first = pool.getConnection();
      Connection second = pool.getConnection();
      long before = System.nanoTime();
      assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
          .hasMessage("no database connection was free within 200 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

      String session = sessionId(first);
      first.close();
      first.close(); // twice is harmless
      Connection third = pool.getConnection();

      assertThat(first.isClosed()).isTrue();
      assertThatThrownBy(() -> first.createStatement()).isInstanceOf(SQLException.class);
      assertThat(sessionId(third)).isEqualTo(session);
      second.close();
      third.close();
    }
  }

  @Test
  void rollsBackWhatIsHandedBackInATransactionAndDropsAbortedConnections() throws SQLException {
    try (DriverPool pool = pool("pool-reset", 1)) {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (x INT)");
        connection.setAutoCommit(false);
        statement.execute("INSERT INTO t VALUES (1)");
      }
      String session;
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        rows.next();
        assertThat(rows.getInt(1)).isZero();
        assertThat(connection.getAutoCommit()).isTrue();
        session = sessionId(connection);
        connection.abort(Runnable::run);
      }
      try (Connection connection = pool.getConnection()) {
        assertThat(sessionId(connection)).isNotEqualTo(session);
      }
    }
  }

  private static String sessionId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT SESSION_ID()")) {
      rows.next();
      return rows.getString(1);
    }
  }
}
