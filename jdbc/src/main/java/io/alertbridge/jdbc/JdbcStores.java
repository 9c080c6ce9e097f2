package io.alertbridge.jdbc;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * AlertBridge's state in a database that every node of a cluster shares: the {@link
 * JdbcAlertStateStore} (alert states, the outbox of pending events and outbound changes), the {@link
 * JdbcDeliveryLog}, the schema, and the expiry sweep. Depends on {@code java.sql} only: the host passes
 * its {@link DataSource} (pool and driver of its choice), and every call borrows one connection for one
 * short statement or transaction.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).build();   // dialect from the connection
 * stores.createSchemaIfMissing();                                // or run the schema file in your migrations
 * WebhookProcessor processor = WebhookProcessor.builder(registry)
 *     .stateStore(stores.stateStore()).deliveryLog(stores.deliveryLog())
 *     .eventSink(sink).build();
 * // on a schedule, on any node:
 * stores.sweepExpired(clock.instant(), 1_000);
 * }</pre>
 *
 * <p>Failures are thrown as {@link StoreException}, naming the step and the database's SQLState.
 *
 * <p><b>Upgrading</b> a schema from before outbound changes: run {@link #createSchemaIfMissing()} (or the
 * schema file) again. It adds the alerts' {@code echo} column, null in existing rows (no echo expected), and
 * the {@code pending_changes} table, and leaves every row as it was.
 */
public final class JdbcStores {
  /** The table prefix when none is given. */
  public static final String DEFAULT_TABLE_PREFIX = "alertbridge_";
  /** How long delivery ids are remembered when no time is given: 24 hours, as in memory. */
  public static final Duration DEFAULT_DELIVERY_ID_TTL = Duration.ofHours(24);

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");
  /** A schema file's upgrade of an existing table. */
  private static final Pattern ADD_COLUMN = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN IF NOT EXISTS (\\w+) .*",
      Pattern.DOTALL);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String tablePrefix;
  private final Connections connections;
  private final JdbcAlertStateStore stateStore;
  private final JdbcDeliveryLog deliveryLog;
  private final TransactionalEventApplier applier;

  private JdbcStores(Builder b, Dialect dialect) {
    this.dataSource = b.dataSource;
    this.dialect = dialect;
    this.tablePrefix = b.tablePrefix;
    this.applier = b.applier;
    this.connections = new Connections(b.dataSource, "JDBC store (" + dialect.name().toLowerCase(java.util.Locale.ROOT)
        + ", tables " + b.tablePrefix + "*)");
    Sql sql = new Sql(dialect, b.tablePrefix);
    this.stateStore = new JdbcAlertStateStore(connections, sql, b.applier);
    this.deliveryLog = new JdbcDeliveryLog(connections, sql, b.deliveryIdTtl);
  }

  /**
   * @param dataSource where connections come from; every call borrows one and closes it
   * @return a builder with the default prefix and time to live, and the dialect detected
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** @return the alert state store; the same instance on every call */
  public JdbcAlertStateStore stateStore() {
    return stateStore;
  }

  /** @return the delivery log; the same instance on every call */
  public JdbcDeliveryLog deliveryLog() {
    return deliveryLog;
  }

  /** @return the dialect in use */
  public Dialect dialect() {
    return dialect;
  }

  /** @return the prefix of every table name */
  public String tablePrefix() {
    return tablePrefix;
  }

  /**
   * Creates the tables, columns, indexes and the version floor's row that are missing; changes nothing
   * else of what exists, so it also upgrades a schema from an earlier release. Safe to call from every
   * node at start-up, also at the same time. Hosts that manage their
   * schema with migrations run {@link #schema(Dialect, String)} there instead.
   *
   * @throws StoreException when the schema cannot be created
   */
  public void createSchemaIfMissing() {
    List<String> statements = statements(schema(dialect, tablePrefix));
    StoreException failure = null;
    // Each failed attempt means another node created one of the tables or indexes meanwhile, so every
    // statement can lose a race at most once.
    for (int attempt = 0; attempt <= statements.size(); attempt++) {
      if (attempt > 0) {
        pause(java.util.concurrent.ThreadLocalRandom.current().nextInt(5, 25) * attempt);
      }
      try {
        connections.autoCommit("creating the schema", connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
              if (!addsAColumnThatExists(connection, sql)) {
                statement.execute(sql);
              }
            }
          }
          return Boolean.TRUE;
        });
        return;
      } catch (StoreException e) {
        // Two nodes creating the same table at once: one of them fails, and finds it there next time.
        failure = e;
      }
    }
    throw failure;
  }

  /**
   * Whether the statement adds a column that the table has already: PostgreSQL would lock the whole table
   * for it, even to do nothing, so every node's start would hold up every query of the table.
   */
  private static boolean addsAColumnThatExists(Connection connection, String sql) {
    java.util.regex.Matcher addColumn = ADD_COLUMN.matcher(sql);
    if (!addColumn.matches()) {
      return false;
    }
    try (Statement probe = connection.createStatement()) {
      probe.executeQuery("SELECT " + addColumn.group(2) + " FROM " + addColumn.group(1) + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while creating the schema", e);
    }
  }

  /**
   * Removes alerts whose retention has passed and delivery ids whose time to live has passed, at most
   * {@code maxRows} of each, in short transactions that skip rows other nodes are writing. Versions
   * never go back: see {@link JdbcAlertStateStore}. Schedule it on any node (or several); call again
   * while {@link SweepResult#mayHaveMore()}.
   *
   * @param now the current time, from the processor's clock
   * @param maxRows the most alerts, and the most delivery ids, to remove in this call (positive)
   * @return how many of each were removed
   * @throws StoreException when the database fails; what was removed before stays removed
   */
  public SweepResult sweepExpired(Instant now, int maxRows) {
    Objects.requireNonNull(now, "now");
    JdbcAlertStateStore.positive(maxRows);
    int alerts = stateStore.sweep(now, maxRows);
    int deliveryIds = deliveryLog.sweep(now, maxRows);
    return new SweepResult(alerts, deliveryIds, maxRows);
  }

  /**
   * A sink for the processor when events are applied in the store's transaction ({@link
   * Builder#applyEventsInTransaction}): the processor needs a sink to pass events to the store at all.
   * Events are then never pending, so this sink is called only for events left pending from before the
   * applier was set; it applies each with the applier in a transaction of its own.
   *
   * @return the sink to give {@code WebhookProcessor.Builder.eventSink}
   * @throws IllegalStateException when no applier is set
   */
  public AlertEventSink transactionalSink() {
    if (applier == null) {
      throw new IllegalStateException("no transactional event applier is set; see Builder.applyEventsInTransaction");
    }
    return (AlertEvent event) -> connections.transaction("applying a pending event " + event.eventId(), connection -> {
      applier.apply(connection, event);
      return new Connections.Outcome<>(true, Boolean.TRUE);
    }, Boolean.FALSE);
  }

  /**
   * @param dialect the database's dialect
   * @param tablePrefix the prefix of every table and index name
   * @return the schema as SQL statements separated by semicolons, each creating what is missing
   */
  public static String schema(Dialect dialect, String tablePrefix) {
    Objects.requireNonNull(dialect, "dialect");
    checkPrefix(tablePrefix);
    try (InputStream in = JdbcStores.class.getResourceAsStream("/" + dialect.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("the schema file " + dialect.schemaResource() + " is missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace(DEFAULT_TABLE_PREFIX, tablePrefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a schema file into statements, without comments. */
  static List<String> statements(String script) {
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  private static String checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "tablePrefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("tablePrefix must be a letter followed by at most 29 letters, digits or "
          + "underscores, got \"" + prefix + "\"");
    }
    return prefix;
  }

  /** Builds {@link JdbcStores}. */
  public static final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Duration deliveryIdTtl = DEFAULT_DELIVERY_ID_TTL;
    private TransactionalEventApplier applier;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dialect the database's dialect, instead of detecting it from the connection's metadata
     * @return this builder
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * @param tablePrefix the prefix of every table and index name: a letter, then at most 29 letters,
     *     digits or underscores; {@value JdbcStores#DEFAULT_TABLE_PREFIX} by default. Tables live in the
     *     connection's current schema.
     * @return this builder
     */
    public Builder tablePrefix(String tablePrefix) {
      this.tablePrefix = checkPrefix(tablePrefix);
      return this;
    }

    /**
     * @param ttl how long a delivery id is remembered (24 hours by default): longer than the tools
     *     retry a delivery
     * @return this builder
     */
    public Builder deliveryIdTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive, got " + ttl);
      }
      this.deliveryIdTtl = ttl;
      return this;
    }

    /**
     * Applies events in the transaction that writes the alert's state, instead of recording them as
     * pending for the processor's sink. Give the processor {@link JdbcStores#transactionalSink()} as its
     * sink.
     *
     * @param applier applies one event on the store's connection
     * @return this builder
     */
    public Builder applyEventsInTransaction(TransactionalEventApplier applier) {
      this.applier = Objects.requireNonNull(applier, "applier");
      return this;
    }

    /**
     * @return the stores; detects the dialect on a connection when none was named
     * @throws StoreException when the dialect must be detected and no connection can be had
     * @throws IllegalStateException when the database is none of the {@link Dialect}s
     */
    public JdbcStores build() {
      Dialect chosen = dialect;
      if (chosen == null) {
        try (Connection connection = dataSource.getConnection()) {
          java.sql.DatabaseMetaData metadata = connection.getMetaData();
          chosen = Dialect.of(metadata).orElseThrow(() -> new IllegalStateException(
              "AlertBridge's JDBC stores do not speak " + productName(metadata) + "; they speak " + List.of(Dialect.values())));
        } catch (SQLException e) {
          throw new StoreException("JDBC store: detecting the database's dialect failed; could not get a connection: "
              + Connections.describe(e), e);
        }
      }
      return new JdbcStores(this, chosen);
    }

    private static String productName(java.sql.DatabaseMetaData metadata) {
      try {
        return metadata.getDatabaseProductName();
      } catch (SQLException e) {
        return "this database";
      }
    }
  }
}
