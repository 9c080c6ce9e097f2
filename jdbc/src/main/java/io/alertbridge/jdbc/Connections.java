package io.alertbridge.jdbc;

import io.alertbridge.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrows the host's connections, one per call, runs one short piece of work on each, and turns every
 * failure into a {@link StoreException} naming the store, the step and the database's error code.
 */
final class Connections {
  private final DataSource dataSource;
  private final String name;

  /** Work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** What a transaction decided: commit what it wrote, or roll back and answer {@code answer}. */
  record Outcome<T>(boolean commit, T answer) {}

  /** Work in a transaction that may decide to roll back. */
  interface TransactionWork<T> {
    Outcome<T> run(Connection connection) throws SQLException;
  }

  Connections(DataSource dataSource, String name) {
    this.dataSource = dataSource;
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Runs one statement's worth of work with auto-commit on. */
  <T> T autoCommit(String step, Work<T> work) {
    try (Connection connection = open(step)) {
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      try {
        return work.run(connection);
      } finally {
        if (!autoCommit) {
          connection.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      throw failed(step, e, "");
    }
  }

  /**
   * Runs work in one transaction. A failure before the commit rolls back: nothing is written, and
   * a serialization failure or deadlock (which the database resolves by rolling back) answers
   * {@code onConflict}; any other failure is thrown. A failure of the commit itself is thrown saying
   * that the outcome is unknown.
   */
  <T> T transaction(String step, TransactionWork<T> work, T onConflict) {
    Connection connection = open(step);
    boolean restore = false;
    boolean usable = true;
    try {
      if (connection.getAutoCommit()) {
        connection.setAutoCommit(false);
        restore = true;
      }
      Outcome<T> outcome;
      try {
        outcome = work.run(connection);
      } catch (SQLException | RuntimeException e) {
        usable = rollback(connection);
        if (e instanceof SQLException sql && isConflict(sql) && usable) {
          return onConflict;
        }
        if (e instanceof SQLException sql) {
          throw failed(step, sql, "; nothing was written");
        }
        throw (RuntimeException) e;
      }
      if (!outcome.commit()) {
        usable = rollback(connection);
        return outcome.answer();
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        usable = rollback(connection);
        throw failed(step, e, "; the commit failed, so whether it was written is unknown");
      }
      return outcome.answer();
    } catch (SQLException e) {
      throw failed(step, e, "");
    } finally {
      close(connection, restore && usable, usable);
    }
  }

  private Connection open(String step) {
    try {
      Connection connection = dataSource.getConnection();
      if (connection == null) {
        throw new StoreException(name + ": " + step + " failed: the data source returned no connection");
      }
      return connection;
    } catch (SQLException e) {
      throw failed(step, e, "; could not get a connection");
    }
  }

  /** @return whether the rollback worked (else the connection is dropped, never committed) */
  private static boolean rollback(Connection connection) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static void close(Connection connection, boolean restoreAutoCommit, boolean usable) {
    try {
      if (!usable) {
        // Never hand back a connection whose transaction might still be open: turning auto-commit on,
        // or a pool doing so, would commit it.
        connection.abort(Runnable::run);
      } else if (restoreAutoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      // the connection is closed below either way
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // nothing is pending on it
    }
  }

  /** Serialization failures and deadlocks: the database rolled the transaction back. */
  static boolean isConflict(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if ("40001".equals(state) || "40P01".equals(state)) {
        return true;
      }
      if (next.getNextException() == next) {
        break;
      }
    }
    return false;
  }

  /** A duplicate primary or unique key. */
  static boolean isDuplicateKey(SQLException e) {
    String state = e.getSQLState();
    return "23505".equals(state) || ("23000".equals(state) && e.getErrorCode() == 1062);
  }

  StoreException failed(String step, SQLException e, String consequence) {
    return new StoreException(name + ": " + step + " failed" + consequence + ": " + describe(e), e);
  }

  /** The database's error code and the first line of its message. */
  static String describe(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    return "SQLState " + e.getSQLState() + " (" + e.getClass().getSimpleName() + "): " + message;
  }
}
