package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** A processor over the JDBC stores on H2 in memory. */
class H2ProcessorTest extends JdbcProcessorContract {
  private static final DataSource H2 = Databases.h2(null);

  @Override
  DataSource dataSource() {
    return H2;
  }
}
