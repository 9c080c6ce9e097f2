package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** The test kit's store checks on H2 in memory. */
class H2StoreCompatibilityTest extends JdbcStoreCompatibility {
  private static final DataSource H2 = Databases.h2(null);

  @Override
  DataSource dataSource() {
    return H2;
  }
}
