package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.ExampleIntegration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The code and the schema shown in the README's "Running on several nodes", run and compared as shown. */
class ReadmeExamplesTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);

  // README several nodes: begin
  /** One node of a cluster: alerts, outbox and delivery ids live in the database every node shares. */
  static final class Node {
    final JdbcStores stores;
    final WebhookProcessor processor;

    Node(DataSource dataSource, IntegrationRegistry integrations, Clock clock, AlertEventSink alerts) {
      this.stores = JdbcStores.builder(dataSource)  // your pool; the dialect comes from its connections
          .build();
      stores.createSchemaIfMissing();               // or run the schema file in your migrations
      this.processor = WebhookProcessor.builder(integrations)
          .clock(clock)
          .stateStore(stores.stateStore())
          .deliveryLog(stores.deliveryLog())
          .eventSink(alerts)                        // apply each event, skipping event ids already applied
          .build();
      processor.redeliverPending();                 // at start-up and on a schedule, on every node
    }

    /** On a schedule, on any node: forgets resolved alerts and old delivery ids, a bounded batch a call. */
    SweepResult sweep(Clock clock) {
      return stores.sweepExpired(clock.instant(), 1_000);   // call again soon while mayHaveMore()
    }
  }
  // README several nodes: end

  // README same transaction: begin
  /** A node whose alerts live in the same database: each event is applied in the state's transaction. */
  static WebhookProcessor sameTransaction(DataSource dataSource, IntegrationRegistry integrations) {
    JdbcStores stores = JdbcStores.builder(dataSource)
        .applyEventsInTransaction((connection, event) -> {   // the store's connection: do not commit or close it
          try (PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO host_alert_events (event_id, alert_id, event_type) VALUES (?, ?, ?)")) {
            insert.setString(1, event.eventId());
            insert.setString(2, event.alertId());
            insert.setString(3, event.eventType().name());
            insert.executeUpdate();
          }
        })
        .build();
    stores.createSchemaIfMissing();
    return WebhookProcessor.builder(integrations)
        .stateStore(stores.stateStore())
        .deliveryLog(stores.deliveryLog())
        .eventSink(stores.transactionalSink())   // passes events to the store; applies any left pending
        .build();
  }
  // README same transaction: end

  private static Delivery delivery(String id, String status) {
    return Delivery.of(Headers.of("X-Delivery-Id", id),
        ("{\"id\": \"4711\", \"status\": \"" + status + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void twoNodesAsShownShareOneAlertAndSweepIt() {
    DataSource database = Databases.h2(null);
    TestClock clock = TestClock.at("2025-03-04T09:15:00Z");
    Map<String, AlertEvent> applied = new LinkedHashMap<>();
    AlertEventSink alerts = event -> {
      synchronized (applied) {
        applied.putIfAbsent(event.eventId(), event);
      }
    };
    IntegrationRegistry integrations = IntegrationRegistry.of(new ExampleIntegration());
    Node first = new Node(database, integrations, clock, alerts);
    Node second = new Node(database, integrations, clock, alerts);

    assertThat(first.processor.process(SOURCE, delivery("d-1", "New")).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.processor.process(SOURCE, delivery("d-1", "New")).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(second.processor.process(SOURCE, delivery("d-2", "Solved")).outcome()).isEqualTo(Outcome.RESOLVED);
    clock.advance(Duration.ofDays(8));

    assertThat(first.sweep(clock).alerts()).isEqualTo(1);
    assertThat(applied).hasSize(2);
  }

  @Test
  void theSameTransactionNodeAsShownWritesTheHostsRowWithTheState() throws SQLException {
    DataSource database = Databases.h2(null);
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE host_alert_events (event_id VARCHAR(255) PRIMARY KEY, "
          + "alert_id VARCHAR(255) NOT NULL, event_type VARCHAR(16) NOT NULL)");
    }
    WebhookProcessor processor = sameTransaction(database, IntegrationRegistry.of(new ExampleIntegration()));

    assertThat(processor.process(SOURCE, delivery("d-1", "New")).outcome()).isEqualTo(Outcome.CREATED);

    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT event_type FROM host_alert_events")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("ALERT");
    }
  }

  @Test
  void theReadmeShowsTheCodeAndThePostgresqlSchemaAsTheyAre() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String source = Files.readString(Path.of("src/test/java/io/alertbridge/jdbc/ReadmeExamplesTest.java"));

    for (String example : new String[] {"several nodes", "same transaction"}) {
      String code = source.substring(source.indexOf("// README " + example + ": begin\n"),
          source.indexOf("  // README " + example + ": end"));
      code = code.substring(code.indexOf('\n') + 1).lines().map(line -> line.startsWith("  ") ? line.substring(2) : line)
          .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
      assertThat(readme).as("the README's " + example + " example").contains(code);
    }
    assertThat(readme).as("the README's PostgreSQL schema").contains(JdbcStores.schema(Dialect.POSTGRESQL, "alertbridge_"));
  }
}
