package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertChange;
import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real processor over the JDBC stores: state that outlives the process, connections and commits
 * that fail before or after reaching the database, events applied in the store's transaction, the
 * sweep between two alerts of one ticket, and changes written back to tickets from the outbox.
 */
abstract class JdbcProcessorContract {
  static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);

  final TestClock clock = TestClock.at("2025-03-04T09:15:00Z");
  final RecordingSink sink = new RecordingSink();
  FaultyDataSource faulty;
  String prefix;
  JdbcStores stores;

  abstract DataSource dataSource();

  @BeforeEach
  void createStores() {
    faulty = new FaultyDataSource(dataSource());
    prefix = Databases.uniquePrefix();
    stores = stores(JdbcStores.builder(faulty));
    stores.createSchemaIfMissing();
  }

  JdbcStores stores(JdbcStores.Builder builder) {
    return builder.tablePrefix(prefix).build();
  }

  WebhookProcessor processor(JdbcStores on) {
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration())).clock(clock)
        .stateStore(on.stateStore()).deliveryLog(on.deliveryLog()).eventSink(sink).build();
  }

  static Delivery delivery(String id, String ticket, String status) {
    String body = "{\"id\": \"" + ticket + "\", \"status\": \"" + status + "\", \"count\": 3, \"tags\": [\"eu\"]}";
    return Delivery.of(Headers.of("X-Delivery-Id", id), body.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> types(List<AlertEvent> events) {
    return events.stream().map(e -> e.ticketId() + ":" + e.eventType()).toList();
  }

  @Test
  void stateOutlivesTheProcessAndIsSharedByEveryProcessorOnTheTables() {
    ProcessingResult created = processor(stores).process(SOURCE, delivery("d-1", "7", "New"));

    JdbcStores restarted = stores(JdbcStores.builder(dataSource()));
    ProcessingResult retried = processor(restarted).process(SOURCE, delivery("d-1", "7", "New"));
    ProcessingResult accepted = processor(restarted).process(SOURCE, delivery("d-2", "7", "Working"));

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(retried.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(accepted.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(types(sink.applied())).containsExactly("7:ALERT", "7:ACCEPT");
    assertThat(sink.applied().get(1).alertId()).isEqualTo(sink.applied().get(0).alertId());
    assertThat(sink.applied().get(0).customDetails()).containsEntry("count", 3L).containsEntry("tags", List.of("eu"));
    assertThat(restarted.stateStore().countPendingEvents()).isZero();
  }

  @Test
  void aCommitThatFailsBeforeReachingTheDatabaseWritesNothingAndTheRetryCreates() {
    WebhookProcessor processor = processor(stores);
    faulty.failNext(FaultyDataSource.Fault.COMMIT_BEFORE);

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("d-1", "7", "New")))
        .isInstanceOf(StoreException.class).hasMessageContaining("commit of 1 alert write failed")
        .hasMessageContaining("whether it was written is unknown");
    assertThat(faulty.fired()).isTrue();
    assertThat(stores.stateStore().read(new AlertKey(SOURCE.id(), "7"))).isEmpty();
    assertThat(stores.stateStore().countPendingEvents()).isZero();
    assertThat(sink.handedOver()).isEmpty();

    assertThat(processor.process(SOURCE, delivery("d-1", "7", "New")).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(types(sink.applied())).containsExactly("7:ALERT");
  }

  @Test
  void aCommitWhoseAnswerIsLostIsRecognisedOnTheRetryAndItsEventHandedOver() {
    WebhookProcessor processor = processor(stores);
    faulty.failNext(FaultyDataSource.Fault.COMMIT_AFTER);

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("d-1", "7", "New")))
        .isInstanceOf(StoreException.class).hasMessageContaining("whether it was written is unknown");
    assertThat(stores.stateStore().read(new AlertKey(SOURCE.id(), "7"))).map(StoredAlert::state)
        .contains(AlertState.PENDING);
    assertThat(stores.stateStore().countPendingEvents()).isEqualTo(1);
    assertThat(sink.handedOver()).isEmpty();

    ProcessingResult retry = processor.process(SOURCE, delivery("d-1", "7", "New"));

    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(types(sink.applied())).containsExactly("7:ALERT");
    assertThat(sink.handedOver()).hasSize(1);
    assertThat(stores.stateStore().countPendingEvents()).isZero();
  }

  @Test
  void noConnectionIsAStoreExceptionSayingSo() {
    WebhookProcessor processor = processor(stores);
    faulty.failNext(FaultyDataSource.Fault.NO_CONNECTION);

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("d-1", "7", "New")))
        .isInstanceOf(StoreException.class).hasMessageContaining("could not get a connection")
        .hasMessageContaining("SQLState 08001");
    assertThat(processor.process(SOURCE, delivery("d-1", "7", "New")).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aSweptAlertsTicketOpensANewAlertAboveTheOldVersions() {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(stores.stateStore()).deliveryLog(stores.deliveryLog()).eventSink(sink)
        .retention(Duration.ofHours(1)).build();
    processor.process(SOURCE, delivery("d-1", "7", "New"));
    processor.process(SOURCE, delivery("d-2", "7", "Solved"));
    long resolvedVersion = stores.stateStore().read(new AlertKey(SOURCE.id(), "7")).orElseThrow().version();
    clock.advance(Duration.ofHours(2));

    assertThat(stores.sweepExpired(clock.instant(), 10).alerts()).isEqualTo(1);
    ProcessingResult reopened = processor.process(SOURCE, delivery("d-3", "7", "New"));

    assertThat(reopened.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(stores.stateStore().read(new AlertKey(SOURCE.id(), "7")).orElseThrow().version())
        .isGreaterThan(resolvedVersion);
    assertThat(types(sink.applied())).containsExactly("7:ALERT", "7:RESOLVE", "7:ALERT");
    assertThat(sink.applied().get(2).alertId()).isNotEqualTo(sink.applied().get(0).alertId());
  }

  /**
   * A row as earlier releases wrote it, the status as its folded key: a delivery of the same status,
   * spelled otherwise, at the same update time is recognised as applied, and a later one resolves the
   * same alert.
   */
  @Test
  void rowsWrittenByEarlierReleasesAreDecidedAsBefore() throws SQLException {
    String alertId = "0c9d4e5f-2222-4b3c-8d4e-000000000008";
    try (Connection connection = dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + prefix + "alerts (source_id, ticket_id, state, alert_id, last_source_update, last_status, "
            + "version, updated_at, expires_at, recent_delivery_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, SOURCE.id());
      insert.setString(2, "8");
      insert.setString(3, "ACCEPTED");
      insert.setString(4, alertId);
      insert.setBigDecimal(5, Codec.instant(Instant.parse("2025-03-04T09:10:00Z")));
      insert.setString(6, "working");
      insert.setLong(7, 3);
      insert.setBigDecimal(8, Codec.instant(Instant.parse("2025-03-04T09:10:01Z")));
      insert.setNull(9, Types.NUMERIC);
      insert.setString(10, "[\"d-0\"]");
      insert.executeUpdate();
    }
    WebhookProcessor processor = processor(stores);
    AlertKey key = new AlertKey(SOURCE.id(), "8");

    ProcessingResult same = processor.process(SOURCE, updated("d-1", "8", "WORKING", "2025-03-04T09:10:00Z"));
    assertThat(same.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(stores.stateStore().read(key)).map(StoredAlert::version).contains(3L);

    ProcessingResult solved = processor.process(SOURCE, updated("d-2", "8", "Solved", "2025-03-04T09:20:00Z"));
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(solved.event().orElseThrow().alertId()).isEqualTo(alertId);
    assertThat(stores.stateStore().read(key).orElseThrow().lastStatusKey()).isEqualTo("solved");
  }

  private static Delivery updated(String id, String ticket, String status, String updatedAt) {
    String body = "{\"id\": \"" + ticket + "\", \"status\": \"" + status + "\", \"updatedAt\": \"" + updatedAt + "\"}";
    return Delivery.of(Headers.of("X-Delivery-Id", id), body.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ events applied in the transaction

  private String hostTable() {
    return prefix + "host_alerts";
  }

  private void createHostTable() throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + hostTable() + " (event_id VARCHAR(255) NOT NULL PRIMARY KEY, "
          + "alert_id VARCHAR(255) NOT NULL, event_type VARCHAR(16) NOT NULL)");
    }
  }

  private List<String> hostRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT event_type FROM " + hostTable() + " ORDER BY event_type")) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  /** The host's applier: one row per event in its own table, in the store's transaction. */
  private final class HostApplier implements TransactionalEventApplier {
    int failures;

    @Override
    public void apply(Connection connection, AlertEvent event) throws SQLException {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + hostTable() + " (event_id, alert_id, event_type) VALUES (?, ?, ?)")) {
        insert.setString(1, event.eventId());
        insert.setString(2, event.alertId());
        insert.setString(3, event.eventType().name());
        insert.executeUpdate();
      }
      if (failures > 0) {
        failures--;
        throw new SQLException("the host's alert table refused the event", "23514");
      }
    }
  }

  @Test
  void eventsAppliedInTheStoresTransactionAreNeverPending() throws SQLException {
    createHostTable();
    HostApplier applier = new HostApplier();
    JdbcStores transactional = stores(JdbcStores.builder(dataSource()).applyEventsInTransaction(applier));
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(transactional.stateStore()).deliveryLog(transactional.deliveryLog())
        .eventSink(transactional.transactionalSink()).build();

    assertThat(processor.process(SOURCE, delivery("d-1", "7", "New")).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(hostRows()).containsExactly("ALERT");
    assertThat(transactional.stateStore().countPendingEvents()).isZero();

    applier.failures = 1;
    assertThatThrownBy(() -> processor.process(SOURCE, delivery("d-2", "7", "Working")))
        .isInstanceOf(StoreException.class).hasMessageContaining("nothing was written")
        .hasMessageContaining("SQLState 23514");
    assertThat(hostRows()).as("the host's row rolled back with the state").containsExactly("ALERT");
    assertThat(transactional.stateStore().read(new AlertKey(SOURCE.id(), "7"))).map(StoredAlert::state)
        .contains(AlertState.PENDING);

    assertThat(processor.process(SOURCE, delivery("d-2", "7", "Working")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(hostRows()).containsExactly("ACCEPT", "ALERT");
    assertThat(transactional.stateStore().countPendingEvents()).isZero();
  }

  @Test
  void eventsLeftPendingFromBeforeAreAppliedByTheTransactionalSink() throws SQLException {
    createHostTable();
    processor(stores).process(SOURCE, delivery("d-0", "6", "New"));
    sink.failNext(1);
    assertThatThrownBy(() -> processor(stores).process(SOURCE, delivery("d-1", "7", "New")))
        .isInstanceOf(io.alertbridge.core.EventSinkException.class);
    assertThat(stores.stateStore().countPendingEvents()).isEqualTo(1);
    JdbcStores transactional = stores(JdbcStores.builder(dataSource()).applyEventsInTransaction(new HostApplier()));
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(transactional.stateStore()).deliveryLog(transactional.deliveryLog())
        .eventSink(transactional.transactionalSink()).build();

    assertThat(processor.redeliverPending().applied()).isEqualTo(1);

    assertThat(hostRows()).containsExactly("ALERT");
    assertThat(transactional.stateStore().countPendingEvents()).isZero();
    assertThatThrownBy(stores::transactionalSink).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("applyEventsInTransaction");
  }

  /** The example integration, writing changes back through a recording writer. */
  static final class WritingIntegration extends ExampleIntegration {
    final List<TicketChange> written = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public java.util.Optional<TicketWriter> ticketWriter() {
      return java.util.Optional.of(new TicketWriter() {
        @Override
        public WriteBackTable table(AlertSource source) {
          return WriteBackTable.of(java.util.Map.of(AlertState.ACCEPTED, "Working", AlertState.RESOLVED, "Solved"));
        }

        @Override
        public void write(String ticketId, TicketChange change, ParseContext context) {
          written.add(change);
        }
      });
    }
  }

  WebhookProcessor writingProcessor(JdbcStores on, WritingIntegration integration) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).stateStore(on.stateStore())
        .deliveryLog(on.deliveryLog()).eventSink(sink).sources(List.of(SOURCE)).build();
  }

  /**
   * The host accepts an alert while the database fails: a commit lost before the database records nothing;
   * one whose answer is lost after the database committed leaves the change in the outbox, which another
   * node writes to the ticket once, and the other node takes the tool's webhook with the status written
   * for its echo.
   */
  @Test
  void aChangeWhoseCommitAnswerIsLostIsWrittenOnceFromTheOutboxByAnotherNode() {
    WritingIntegration integration = new WritingIntegration();
    WebhookProcessor processor = writingProcessor(stores, integration);
    AlertKey key = new AlertKey(SOURCE.id(), "7");
    assertThat(processor.process(SOURCE, delivery("d-1", "7", "New")).outcome()).isEqualTo(Outcome.CREATED);
    StoredAlert created = stores.stateStore().read(key).orElseThrow();
    AlertChange accepted = AlertChange.accepted().by("Ada");

    faulty.failNext(FaultyDataSource.Fault.COMMIT_BEFORE);
    assertThatThrownBy(() -> processor.alertChanged(SOURCE, "7", accepted)).isInstanceOf(StoreException.class);
    assertThat(stores.stateStore().read(key)).as("after a commit lost before the database").contains(created);
    assertThat(stores.stateStore().countPendingChanges()).isZero();

    faulty.failNext(FaultyDataSource.Fault.COMMIT_AFTER);
    assertThatThrownBy(() -> processor.alertChanged(SOURCE, "7", accepted)).isInstanceOf(StoreException.class)
        .hasMessageContaining("whether it was written is unknown");
    assertThat(faulty.fired()).isTrue();
    assertThat(stores.stateStore().read(key)).map(StoredAlert::state).contains(AlertState.ACCEPTED);
    assertThat(stores.stateStore().countPendingChanges()).isEqualTo(1);
    assertThat(integration.written).isEmpty();

    JdbcStores otherNode = stores(JdbcStores.builder(dataSource()));
    WebhookProcessor other = writingProcessor(otherNode, integration);
    assertThat(other.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(other.writePendingChanges()).isEmpty();
    assertThat(integration.written).hasSize(1).first().satisfies(change -> {
      assertThat(change.status()).contains("Working");
      assertThat(change.note()).isEqualTo("Accepted in AlertBridge by Ada");
    });
    assertThat(otherNode.stateStore().countPendingChanges()).isZero();

    ProcessingResult echo = other.process(SOURCE, delivery("d-2", "7", "Working"));
    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.explanation().toText()).contains("echo");
  }
}
