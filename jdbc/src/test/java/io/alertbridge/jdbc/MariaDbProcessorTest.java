package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** A processor over the JDBC stores on the embedded MariaDB server. */
class MariaDbProcessorTest extends JdbcProcessorContract {
  @Override
  DataSource dataSource() {
    return Databases.mariadbPool();
  }
}
