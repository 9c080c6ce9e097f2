package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** The stores' contract on the embedded server. */
class MariaDbStoreTest extends JdbcStoreContract {
  @Override
  DataSource dataSource() {
    return Databases.mariadbPool();
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.MARIADB;
  }
}
