package io.alertbridge.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.jdbc.JdbcStores;
import io.alertbridge.zendesk.ZendeskIntegration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The processor on the JDBC stores, against an embedded PostgreSQL server started once per fork, in
 * the recommended mode: state store, delivery log and an event sink (events recorded as pending in the
 * commit, handed to the sink, marked applied). The sink does next to nothing (counts the event).
 *
 * <p>{@link #processor} is one 2 KB Zendesk delivery (the Open/Solved cycle of the other benchmarks:
 * every delivery commits and decides an event); {@link #upsertBaseline} is the least a hand-written
 * store must do per delivery: one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE version = ?} on a
 * table of the same shape, through the same pool. {@link #processorWithDeliveryIds} is {@link
 * #processor} with Zendesk's invocation id on every delivery, so that the delivery log is used too.
 * The throughput benchmarks share one processor among 1, 4 and 16 threads, each on a ticket of its own
 * or all on one hot ticket.
 *
 * <p>The database stays small: one alert row per ticket, pending events deleted as they are applied,
 * delivery ids truncated and the tables vacuumed before every iteration. JMH runs the trial's teardown
 * inside the last iteration, so that iteration's allocation also counts stopping the pool and the server.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JdbcBenchmark {
  /** Connections in the pool: one per thread of the largest throughput benchmark. */
  static final int POOL_SIZE = 16;
  /** The tables of the hand-written baseline: the same shape as the store's, under another prefix. */
  static final String HAND_PREFIX = "hand_";

  private static final BigDecimal NOW = BigDecimal.valueOf(Pipelines.NOW.getEpochSecond());
  private static final BigDecimal RETAINED_UNTIL = NOW.add(BigDecimal.valueOf(7L * 24 * 3600));

  /** The server, the pool, the stores and the processor, once per fork. */
  @State(Scope.Benchmark)
  public static class Database {
    EmbeddedPostgres postgres;
    HikariDataSource pool;
    JdbcStores stores;
    WebhookProcessor processor;
    final AlertSource source = Pipelines.source("zendesk");
    final AtomicLong applied = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicInteger threads = new AtomicInteger();
    final Delivery[] hot = Pipelines.zendeskCycle(2 * 1024, "hot", false);
    final String upsert = "INSERT INTO " + HAND_PREFIX + "alerts AS a (source_id, ticket_id, state, alert_id, "
        + "last_source_update, last_status, version, updated_at, expires_at, recent_delivery_ids) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, ticket_id) DO UPDATE SET "
        + "state = EXCLUDED.state, alert_id = EXCLUDED.alert_id, last_source_update = EXCLUDED.last_source_update, "
        + "last_status = EXCLUDED.last_status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, "
        + "expires_at = EXCLUDED.expires_at, recent_delivery_ids = EXCLUDED.recent_delivery_ids "
        + "WHERE a.version = ?";

    /** Starts the server, creates both schemas and builds the processor. */
    @Setup(Level.Trial)
    public void start() throws IOException {
      postgres = EmbeddedPostgres.builder().start();
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
      config.setPassword("");
      config.setMaximumPoolSize(POOL_SIZE);
      config.setMinimumIdle(POOL_SIZE);
      pool = new HikariDataSource(config);
      stores = JdbcStores.builder(pool).build();
      stores.createSchemaIfMissing();
      JdbcStores.builder(pool).tablePrefix(HAND_PREFIX).build().createSchemaIfMissing();
      processor = Pipelines.processor(stores.stateStore(), stores.deliveryLog(), event -> applied.incrementAndGet(),
          new ZendeskIntegration());
    }

    /** Keeps the database small: delivery ids removed, dead rows vacuumed, outside the measurement. */
    @Setup(Level.Iteration)
    public void tidy() throws SQLException {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("TRUNCATE " + stores.tablePrefix() + "delivery_ids");
        statement.execute("VACUUM " + stores.tablePrefix() + "alerts, " + stores.tablePrefix() + "pending_events, "
            + HAND_PREFIX + "alerts");
      }
    }

    /** Checks that every event reached the sink, then stops the pool and the server. */
    @TearDown(Level.Trial)
    public void stop() throws IOException, SQLException {
      try {
        long pending = stores.stateStore().countPendingEvents();
        System.out.printf("%n%d events applied, %d pending, %d + %d alert rows (store + baseline), %d deliveries gave "
            + "up after conflicts%n", applied.get(), pending, rows(stores.tablePrefix() + "alerts"),
            rows(HAND_PREFIX + "alerts"), gaveUp.get());
        if (pending != 0) {
          throw new IllegalStateException(pending + " events are still pending: the sink did not get them all");
        }
      } finally {
        pool.close();
        postgres.close();
      }
    }

    private long rows(String table) throws SQLException {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Each thread's own ticket, and the version of its row in the baseline's table. */
  @State(Scope.Thread)
  public static class Own {
    String ticket;
    byte[][] bodies;
    Delivery[] cycle;
    int turn;
    long version;
    long invocation;

    /** @param database the shared state, numbering the threads */
    @Setup(Level.Trial)
    public void ticket(Database database) {
      ticket = "t" + database.threads.incrementAndGet();
      cycle = Pipelines.zendeskCycle(2 * 1024, ticket, false);
      bodies = new byte[][] {cycle[0].body(), cycle[1].body()};
    }
  }

  /** @return the result for a 2 KB Zendesk delivery, its event applied by the sink */
  @Benchmark
  public ProcessingResult processor(Database database, Own own) {
    return database.processor.process(database.source, own.cycle[own.turn++ & 1]);
  }

  /** @return the result for a 2 KB Zendesk delivery with an invocation id of its own, recorded in the delivery log */
  @Benchmark
  public ProcessingResult processorWithDeliveryIds(Database database, Own own) {
    Delivery delivery = Delivery.of(Headers.of("Content-Type", "application/json",
        ZendeskIntegration.INVOCATION_ID_HEADER, own.ticket + "-" + own.invocation++), own.bodies[own.turn++ & 1]);
    return database.processor.process(database.source, delivery);
  }

  /**
   * The least a hand-written store must do per delivery: one compare-and-set upsert of the alert's row,
   * with the values the processor writes (a new alert, then its resolution), on a borrowed connection.
   *
   * @return the new version
   */
  @Benchmark
  public long upsertBaseline(Database database, Own own) throws SQLException {
    boolean open = (own.turn++ & 1) == 0;
    long expected = own.version;
    try (Connection connection = database.pool.getConnection();
        PreparedStatement upsert = connection.prepareStatement(database.upsert)) {
      upsert.setString(1, database.source.id());
      upsert.setString(2, own.ticket);
      upsert.setString(3, open ? "PENDING" : "RESOLVED");
      upsert.setString(4, "zendesk-bench/" + own.ticket + "/" + (expected + 1));
      upsert.setBigDecimal(5, NOW);
      upsert.setString(6, open ? "open" : "solved");
      upsert.setLong(7, expected + 1);
      upsert.setBigDecimal(8, NOW);
      if (open) {
        upsert.setNull(9, Types.DECIMAL);
      } else {
        upsert.setBigDecimal(9, RETAINED_UNTIL);
      }
      upsert.setString(10, "[]");
      upsert.setLong(11, expected);
      if (upsert.executeUpdate() != 1) {
        throw new IllegalStateException("the row of " + own.ticket + " was not at version " + expected);
      }
    }
    return own.version = expected + 1;
  }

  private static ProcessingResult distinct(Database database, Own own) {
    return database.processor.process(database.source, own.cycle[own.turn++ & 1]);
  }

  private static ProcessingResult hot(Database database, Own own) {
    try {
      return database.processor.process(database.source, database.hot[own.turn++ & 1]);
    } catch (StoreException e) {
      // More conflicting writes in a row than the processor retries: counted and reported at the end.
      database.gaveUp.incrementAndGet();
      return null;
    }
  }

  /** @return the result */
  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProcessingResult distinctKeysThroughput1Thread(Database database, Own own) {
    return distinct(database, own);
  }

  /** @return the result */
  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProcessingResult distinctKeysThroughput4Threads(Database database, Own own) {
    return distinct(database, own);
  }

  /** @return the result */
  @Benchmark
  @Threads(16)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProcessingResult distinctKeysThroughput16Threads(Database database, Own own) {
    return distinct(database, own);
  }

  /** @return the result */
  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProcessingResult hotKeyThroughput1Thread(Database database, Own own) {
    return hot(database, own);
  }

  /** @return the result */
  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProcessingResult hotKeyThroughput4Threads(Database database, Own own) {
    return hot(database, own);
  }

  /** @return the result */
  @Benchmark
  @Threads(16)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProcessingResult hotKeyThroughput16Threads(Database database, Own own) {
    return hot(database, own);
  }
}
