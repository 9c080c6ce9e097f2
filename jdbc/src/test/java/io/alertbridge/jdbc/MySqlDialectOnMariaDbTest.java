package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The MySQL dialect (its schema file and statements) on the embedded MariaDB server, which reads
 * MySQL 8's syntax: the closest to MySQL 8 that the tests can start from Maven artifacts. One
 * difference shows: MariaDB takes MySQL's {@code utf8mb4_0900_bin} as a name for a collation that
 * ignores trailing spaces, which MySQL's does not; hence MariaDB's own dialect and schema file.
 */
class MySqlDialectOnMariaDbTest extends JdbcStoreContract {
  @Override
  DataSource dataSource() {
    return Databases.mariadbPool();
  }

  @Override
  JdbcStores.Builder builder() {
    return super.builder().dialect(Dialect.MYSQL);
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.MYSQL;
  }

  @Override
  @Test
  void detectsTheDialectFromTheConnection() {
    assertThat(JdbcStores.builder(dataSource()).build().dialect()).isEqualTo(Dialect.MARIADB);
  }

  @Override
  @Test
  void idsThatDifferOnlyInTrailingSpacesAreDifferent() {
    assertThat(store.commit(List.of(write("abc", 0, open(1))))).isTrue();

    assertThat(store.commit(List.of(write("abc ", 0, open(1))))).as("the same key to MariaDB").isFalse();
    assertThat(log.markSeen("zendesk-prod", "d-1", T0)).isTrue();
    assertThat(log.markSeen("zendesk-prod", "d-1 ", T0)).as("the same id to MariaDB").isFalse();
  }
}
