package io.alertbridge.jdbc;

import javax.sql.DataSource;

/** A processor over the JDBC stores on the embedded PostgreSQL server. */
class PostgresProcessorTest extends JdbcProcessorContract {
  @Override
  DataSource dataSource() {
    return Databases.postgresPool();
  }
}
