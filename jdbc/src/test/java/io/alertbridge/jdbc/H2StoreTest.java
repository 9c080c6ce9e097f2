package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** The stores' contract on H2 in memory. */
class H2StoreTest extends JdbcStoreContract {
  private final DataSource h2 = Databases.h2(null);

  @Override
  DataSource dataSource() {
    return h2;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.H2;
  }
}
