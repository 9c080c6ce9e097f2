package io.alertbridge.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small bounded pool over {@link DriverManager}, enough for a trial tool: at most {@code size}
 * connections lent at once (a caller waits up to {@code wait} for one, then gets an {@link
 * SQLTransientConnectionException}), idle ones kept for the next caller and checked before they are
 * lent again. A connection handed back with a transaction open is rolled back and set to auto-commit;
 * one that was aborted or is broken is closed.
 */
final class DriverPool implements DataSource, AutoCloseable {
  private static final int VALIDATION_SECONDS = 2;

  private final String url;
  private final Properties properties;
  private final Semaphore permits;
  private final Duration wait;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  /**
   * @param url the JDBC URL
   * @param user the user, or null
   * @param password the password, or null
   * @param size the most connections at once
   * @param wait how long a caller waits for a free connection
   */
  DriverPool(String url, String user, String password, int size, Duration wait) {
    this.url = Objects.requireNonNull(url, "url");
    this.properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    this.permits = new Semaphore(size, true);
    this.wait = wait;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException("no database connection was free within " + wait.toMillis()
            + " ms", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted while waiting for a database connection", "08001", e);
    }
    try {
      Connection connection = idleOrNew();
      return (Connection) Proxy.newProxyInstance(DriverPool.class.getClassLoader(),
          new Class<?>[] {Connection.class}, new Lent(connection));
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection idleOrNew() throws SQLException {
    while (true) {
      Connection connection;
      synchronized (this) {
        if (closed) {
          throw new SQLException("the connection pool is closed", "08003");
        }
        connection = idle.pollFirst();
      }
      if (connection == null) {
        return DriverManager.getConnection(url, properties);
      }
      boolean valid;
      try {
        valid = connection.isValid(VALIDATION_SECONDS);
      } catch (SQLException e) {
        valid = false;
      }
      if (valid) {
        return connection;
      }
      closeQuietly(connection);
    }
  }

  /** Takes a connection back: kept if it is in a clean state, closed otherwise. */
  private void giveBack(Connection connection, boolean broken) {
    try {
      boolean keep = !broken && !connection.isClosed();
      if (keep && !connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      synchronized (this) {
        if (keep && !closed) {
          idle.addFirst(connection);
          connection = null;
        }
      }
    } catch (SQLException | RuntimeException e) {
      // closed below
    } finally {
      if (connection != null) {
        closeQuietly(connection);
      }
      permits.release();
    }
  }

  /** Closes the idle connections; those lent are closed when handed back. */
  @Override
  public void close() {
    Deque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(DriverPool::closeQuietly);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // nothing more to do
    }
  }

  /** A lent connection: {@code close} hands it back, {@code abort} drops it. */
  private final class Lent implements InvocationHandler {
    private final Connection connection;
    private boolean returned;

    Lent(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      synchronized (this) {
        switch (name) {
          case "close":
            if (!returned) {
              returned = true;
              giveBack(connection, false);
            }
            return null;
          case "abort":
            if (!returned) {
              returned = true;
              try {
                connection.abort((java.util.concurrent.Executor) args[0]);
              } catch (SQLException | RuntimeException e) {
                // dropped either way
              }
              giveBack(connection, true);
            }
            return null;
          case "isClosed":
            return returned || connection.isClosed();
          case "equals":
            return proxy == args[0];
          case "hashCode":
            return System.identityHashCode(proxy);
          case "toString":
            return "pooled " + connection;
          default:
            if (returned) {
              throw new SQLException("the connection was handed back to the pool", "08003");
            }
        }
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's user is fixed");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // no log
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
