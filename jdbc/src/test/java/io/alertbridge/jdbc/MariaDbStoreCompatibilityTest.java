package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** The test kit's store checks on the embedded server. */
class MariaDbStoreCompatibilityTest extends JdbcStoreCompatibility {
  @Override
  DataSource dataSource() {
    return Databases.mariadbPool();
  }
}
