package io.alertbridge.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL dialects the JDBC stores speak. {@link JdbcStores} detects it from the connection's metadata
 * unless the host names one ({@link JdbcStores.Builder#dialect}).
 */
public enum Dialect {
  /** PostgreSQL 12 and later. */
  POSTGRESQL("postgresql"),
  /** MySQL 8.0.17 and later. */
  MYSQL("mysql"),
  /** MariaDB 10.6 and later. */
  MARIADB("mariadb"),
  /** H2 2.x. */
  H2("h2");

  private final String schemaName;

  Dialect(String schemaName) {
    this.schemaName = schemaName;
  }

  /**
   * @return where this dialect's schema file is in the jar, for hosts that copy it into their
   *     migrations: {@code io/alertbridge/jdbc/schema/postgresql.sql}, {@code mysql.sql},
   *     {@code mariadb.sql} or {@code h2.sql}; {@link JdbcStores#schema} returns its text
   */
  public String schemaResource() {
    return "io/alertbridge/jdbc/schema/" + schemaName + ".sql";
  }

  /**
   * @param metadata a connection's metadata
   * @return the dialect of that database, or empty when it is none AlertBridge speaks
   * @throws SQLException when the metadata cannot be read
   */
  static Optional<Dialect> of(DatabaseMetaData metadata) throws SQLException {
    String product = metadata.getDatabaseProductName().toLowerCase(Locale.ROOT);
    String version = String.valueOf(metadata.getDatabaseProductVersion()).toLowerCase(Locale.ROOT);
    if (product.contains("postgresql")) {
      return Optional.of(POSTGRESQL);
    }
    if (product.contains("mariadb") || (product.contains("mysql") && version.contains("mariadb"))) {
      return Optional.of(MARIADB);
    }
    if (product.contains("mysql")) {
      return Optional.of(MYSQL);
    }
    if (product.equals("h2")) {
      return Optional.of(H2);
    }
    return Optional.empty();
  }

  boolean isMysqlFamily() {
    return this == MYSQL || this == MARIADB;
  }
}
