package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** The stores' contract on the embedded server. */
class PostgresStoreTest extends JdbcStoreContract {
  @Override
  DataSource dataSource() {
    return Databases.postgresPool();
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.POSTGRESQL;
  }
}
