package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both lifecycle tables of the spec, row by row, with tickets from a stub source. */
class AutotaskLifecycleTest {
  private final TestClock clock = TestClock.at("2025-06-12T12:00:00Z");
  private volatile CodedValue status = CodedValue.of(1L, "New");
  private volatile CodedValue priority;
  private final AutotaskTicketSource stub = (id, context) -> Optional.of(AutotaskTicket.builder(id, status)
      .title("Ticket " + id).priority(priority).lastActivityDate(context.clock().instant()).build());
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(stub)))
      .clock(clock).build();

  private ProcessingResult callout(AlertSource source, CodedValue ticketStatus) {
    status = ticketStatus;
    clock.advance(Duration.ofMinutes(1));
    Delivery delivery = Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"),
        "id=48213&number=T20250612.0042".getBytes(StandardCharsets.UTF_8));
    return processor.process(source, delivery);
  }

  private ProcessingResult callout(CodedValue ticketStatus) {
    return callout(AlertSource.of("autotask", "autotask"), ticketStatus);
  }

  @ParameterizedTest(name = "no alert, {0} -> {1}")
  @CsvSource({
      "New, CREATED",
      "In Progress, CREATED",
      "Complete, REJECTED",
      "Denied, REJECTED",
      "Waiting Customer, REJECTED",
      "Waiting Materials, REJECTED",
      "Scheduled, REJECTED",
      "Dispatched, REJECTED",
      "Escalate, REJECTED",
      "Escalated, REJECTED",
      "Waiting Vendor, REJECTED",
      "Waiting Approval, REJECTED",
      "Waiting Dispatch, REJECTED",
      "Approved, REJECTED",
      "Parts Ordered - Awaiting Courier, CREATED",
      "Customer Note Added, CREATED",
      "RMM Resolved, CREATED",
      "Change Order, CREATED"})
  void followsTheTableWhenNoAlertExists(String label, Outcome expected) {
    ProcessingResult result = callout(CodedValue.of(77L, label));

    assertThat(result.outcome()).isEqualTo(expected);
    assertThat(result.httpStatus()).isEqualTo(expected == Outcome.CREATED ? 202 : 400);
  }

  @ParameterizedTest(name = "open alert, {0} -> {1}")
  @CsvSource({
      "New, UNCHANGED",
      "Complete, RESOLVED",
      "Denied, RESOLVED",
      "Waiting Customer, ACCEPTED",
      "In Progress, ACCEPTED",
      "Waiting Materials, ACCEPTED",
      "Scheduled, ACCEPTED",
      "Dispatched, ACCEPTED",
      "Escalate, ACCEPTED",
      "Escalated, ACCEPTED",
      "Waiting Vendor, ACCEPTED",
      "Waiting Approval, ACCEPTED",
      "Waiting Dispatch, ACCEPTED",
      "Approved, ACCEPTED",
      "Parts Ordered - Awaiting Courier, UNCHANGED",
      "Customer Note Added, UNCHANGED"})
  void followsTheTableWhenAnAlertIsOpen(String label, Outcome expected) {
    assertThat(callout(CodedValue.of(1L, "New")).outcome()).isEqualTo(Outcome.CREATED);

    ProcessingResult result = callout(CodedValue.of(77L, label));

    assertThat(result.outcome()).isEqualTo(expected);
    assertThat(result.state()).contains(switch (expected) {
      case RESOLVED -> AlertState.RESOLVED;
      case ACCEPTED -> AlertState.ACCEPTED;
      default -> AlertState.PENDING;
    });
  }

  @ParameterizedTest(name = "accepted alert, {0} -> {1}")
  @CsvSource({"In Progress, UNCHANGED", "Waiting Customer, UNCHANGED", "New, UNCHANGED", "Complete, RESOLVED"})
  void leavesAcceptedAlertAcceptedUntilTicketCloses(String label, Outcome expected) {
    callout(CodedValue.of(1L, "New"));
    assertThat(callout(CodedValue.of(8L, "In Progress")).outcome()).isEqualTo(Outcome.ACCEPTED);

    assertThat(callout(CodedValue.of(77L, label)).outcome()).isEqualTo(expected);
  }

  @Test
  void retriedCompleteAfterResolveIsHarmless() {
    callout(CodedValue.of(1L, "New"));
    callout(CodedValue.of(5L, "Complete"));

    ProcessingResult retry = callout(CodedValue.of(5L, "Complete"));

    assertThat(retry.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(retry.httpStatus()).isEqualTo(200);
  }

  @Test
  void mapsByLabelNeverById() {
    ProcessingResult newWithCompleteId = callout(CodedValue.of(5L, "New"));
    ProcessingResult inProgressAnyId = callout(CodedValue.of(5L, "in-progress"));

    assertThat(newWithCompleteId.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(inProgressAnyId.outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void statusKnownOnlyByIdFallsToTheAnyOtherRow() {
    ProcessingResult result = callout(CodedValue.of(5L));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().matchedRow()).contains("any other");
  }

  @ParameterizedTest(name = "priority {0} -> {1}")
  @CsvSource({"Low, LOW", "low, LOW", "High, HIGH", "Medium, HIGH", "Critical, HIGH", "Urgent (custom), HIGH"})
  void mapsPriorityByLabel(String label, Priority expected) {
    priority = CodedValue.of(3L, label);

    assertThat(callout(CodedValue.of(1L, "New")).event().orElseThrow().priority()).isEqualTo(expected);
  }

  @Test
  void priorityKnownOnlyByIdIsHigh() {
    priority = CodedValue.of(3L);

    assertThat(callout(CodedValue.of(1L, "New")).event().orElseThrow().priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void ticketWithoutPriorityTakesTheSourceDefault() {
    priority = null;
    AlertSource lowByDefault = AlertSource.builder("autotask", "autotask").defaultPriority(Priority.LOW).build();

    assertThat(callout(lowByDefault, CodedValue.of(1L, "New")).event().orElseThrow().priority()).isEqualTo(Priority.LOW);
  }
}
