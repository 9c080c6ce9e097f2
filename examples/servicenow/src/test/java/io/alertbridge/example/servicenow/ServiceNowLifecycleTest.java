package io.alertbridge.example.servicenow;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.example.servicenow.testing.ServiceNowDeliveries;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An incident's life through the processor: New, In Progress, Resolved, and the rest of the table. */
class ServiceNowLifecycleTest {
  private static final String SECRET = "s3cret-from-the-rest-message";
  private static final AlertSource SOURCE = AlertSource.builder("servicenow-prod", ServiceNowIntegration.NAME)
      .authentication(Authentication.sharedSecretHeader(ServiceNowDeliveries.SECRET_HEADER, Secret.of(SECRET)))
      .settings(ServiceNowSettings.of(URI.create("https://example.service-now.com/")))
      .build();

  private final TestClock clock = TestClock.at("2025-03-04T09:15:02Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ServiceNowIntegration()))
      .clock(clock).build();

  private ProcessingResult send(ServiceNowDeliveries.Incident incident) {
    clock.advance(Duration.ofMinutes(1));
    return processor.process(SOURCE, incident.secret(SECRET).build());
  }

  @Test
  void walksNewInProgressResolved() {
    ProcessingResult created = send(ServiceNowDeliveries.incident("INC0010001", "1").updatedOn("2025-03-04 09:15:00"));
    ProcessingResult accepted = send(ServiceNowDeliveries.incident("INC0010001", "2").assignedTo("Beth Anglin")
        .updatedOn("2025-03-04 09:22:41"));
    ProcessingResult resolved = send(ServiceNowDeliveries.incident("INC0010001", "6").updatedOn("2025-03-04 11:47:03"));

    String sysId = created.ticketId().orElseThrow();
    assertThat(created).isCreated().hasHttpStatus(202).hasPriority(Priority.HIGH)
        .hasSummary("Email delivery delayed for the Berlin office").hasState(AlertState.PENDING);
    assertThat(created).hasEvent().hasTicketStatus("New").hasCustomDetail("number", "INC0010001")
        .hasLink("https://example.service-now.com/nav_to.do?uri=incident.do?sys_id=" + sysId);
    assertThat(accepted).isAccepted().hasTicketId(sysId).hasState(AlertState.ACCEPTED).hasEventType(EventType.ACCEPT);
    assertThat(resolved).isResolved().hasTicketId(sysId).hasState(AlertState.RESOLVED).hasEventType(EventType.RESOLVE);
    assertThat(resolved.event().orElseThrow().alertId()).isEqualTo(created.event().orElseThrow().alertId());
  }

  @Test
  void theRecordedDeliveriesReplayInOrder() {
    List<Outcome> outcomes = new ArrayList<>();
    Fixtures.of(ServiceNowDeliveries.class).deliveries().values()
        .forEach(delivery -> outcomes.add(processor.process(AlertSource.of("servicenow", "servicenow"), delivery).outcome()));

    assertThat(outcomes).containsExactly(Outcome.CREATED, Outcome.ACCEPTED, Outcome.UNCHANGED, Outcome.RESOLVED,
        Outcome.UNCHANGED, Outcome.CREATED, Outcome.CREATED);
  }

  @ParameterizedTest(name = "state {0} with no open alert -> {1}")
  @CsvSource({
      "1,           CREATED",
      "New,         CREATED",
      "2,           CREATED",
      "In Progress, CREATED",
      "3,           UNCHANGED",
      "On Hold,     UNCHANGED",
      "6,           REJECTED",
      "Resolved,    REJECTED",
      "7,           REJECTED",
      "8,           REJECTED",
      "Canceled,    REJECTED",
      "42,          CREATED",
  })
  void followsTheTableWithNoOpenAlert(String state, Outcome outcome) {
    assertThat(send(ServiceNowDeliveries.incident("INC0020001", state))).hasOutcome(outcome);
  }

  @ParameterizedTest(name = "state {0} with an open alert -> {1}")
  @CsvSource({
      "1,           UNCHANGED, PENDING",
      "2,           ACCEPTED,  ACCEPTED",
      "3,           ACCEPTED,  ACCEPTED",
      "On Hold,     ACCEPTED,  ACCEPTED",
      "6,           RESOLVED,  RESOLVED",
      "7,           RESOLVED,  RESOLVED",
      "8,           RESOLVED,  RESOLVED",
      "Closed,      RESOLVED,  RESOLVED",
      "42,          UNCHANGED, PENDING",
  })
  void followsTheTableWithAnOpenAlert(String state, Outcome outcome, AlertState after) {
    send(ServiceNowDeliveries.incident("INC0020002", "1").updatedOn("2025-03-04 09:15:00"));

    ProcessingResult result = send(ServiceNowDeliveries.incident("INC0020002", state).updatedOn("2025-03-04 09:16:00"));

    assertThat(result).hasOutcome(outcome).hasState(after);
  }

  @ParameterizedTest(name = "priority {0} -> {1}")
  @CsvSource({"1, HIGH", "2, HIGH", "3, LOW", "4, LOW", "5, LOW", "1 - Critical, HIGH", "High, HIGH", "Planning, LOW"})
  void mapsPriorities(String priority, Priority expected) {
    assertThat(send(ServiceNowDeliveries.incident("INC0020003", "1").priority(priority))).isCreated().hasPriority(expected);
  }

  @Test
  void readsNumbersAsWellAsStrings() {
    assertThat(send(ServiceNowDeliveries.incident("INC0020004", "1").state(2).priority(2))).isCreated()
        .hasPriority(Priority.HIGH).hasEvent().hasTicketStatus("In Progress");
  }

  @Test
  void anOlderUpdateIsStale() {
    send(ServiceNowDeliveries.incident("INC0020005", "2").updatedOn("2025-03-04 10:00:00"));

    assertThat(send(ServiceNowDeliveries.incident("INC0020005", "1").updatedOn("2025-03-04 09:59:59"))).isStale();
  }

  @Test
  void aWrongSecretIsUnauthorized() {
    clock.advance(Duration.ofMinutes(1));
    assertThat(processor.process(SOURCE, ServiceNowDeliveries.incident("INC0020006", "1").secret("wrong").build()))
        .isUnauthorized();
    assertThat(processor.process(SOURCE, ServiceNowDeliveries.incident("INC0020006", "1").build())).isUnauthorized();
  }
}
