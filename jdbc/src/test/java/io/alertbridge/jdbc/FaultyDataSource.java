package io.alertbridge.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections fail as a test plans: the next commit fails before it reaches the
 * database (nothing written) or after it (written, but the answer is lost), or the next connection
 * cannot be had. Each planned fault fires once.
 */
final class FaultyDataSource implements DataSource {
  enum Fault { NONE, NO_CONNECTION, COMMIT_BEFORE, COMMIT_AFTER }

  private final DataSource delegate;
  private volatile Fault next = Fault.NONE;

  FaultyDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  void failNext(Fault fault) {
    next = fault;
  }

  boolean fired() {
    return next == Fault.NONE;
  }

  private synchronized boolean take(Fault fault) {
    if (next == fault) {
      next = Fault.NONE;
      return true;
    }
    return false;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (take(Fault.NO_CONNECTION)) {
      throw new SQLTransientConnectionException("injected: no connection available", "08001");
    }
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(delegate.getConnection(user, password));
  }

  private Connection wrap(Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("commit") && take(Fault.COMMIT_BEFORE)) {
        throw new SQLException("injected: connection reset before the commit", "08006");
      }
      Object result;
      try {
        result = method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getName().equals("commit") && take(Fault.COMMIT_AFTER)) {
        throw new SQLException("injected: connection reset after the commit", "08006");
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return delegate.isWrapperFor(type);
  }
}
