package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Link;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorded callouts 01-06, each answered by its recorded ticket from the loopback API. */
class AutotaskFixturesTest {
  private static final String EXCHANGE_DOWN = "EX01: Exchange server not responding to ping";

  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start();
  private final TestClock clock = TestClock.at("2025-06-12T12:00:00Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration()))
      .clock(clock).build();
  private final AlertSource source = api.source("autotask-contoso");

  @AfterEach
  void stop() {
    api.close();
  }

  private ProcessingResult deliver(String callout) {
    clock.advance(Duration.ofSeconds(1));
    return processor.process(source, Fixtures.of(AutotaskDeliveries.class).delivery(callout));
  }

  @Test
  void createsHighPriorityAlertForNewTicket() {
    api.ticket(48213, "api-01-ticket-48213-new.json");

    ProcessingResult result = deliver("01-new-ticket");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.httpStatus()).isEqualTo(202);
    assertThat(result.state()).contains(AlertState.PENDING);
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("ticketNumber", "T20250612.0042");
    custom.put("companyID", 174L);
    custom.put("queue", "Level I Support");
    custom.put("lastActivityResourceID", 4L);
    custom.put("lastActivityPersonType", 1L);
    assertThat(result.event().orElseThrow()).usingRecursiveComparison().ignoringFields("eventId", "alertId").isEqualTo(new AlertEvent("", "", EventType.ALERT, "48213", EXCHANGE_DOWN,
        "Datto RMM alert: Device EX01 (Contoso HQ) offline since 09:12 UTC.\nOWA and ActiveSync unreachable for all users.",
        Priority.HIGH,
        List.of(new Link("https://ww14.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=48213",
            "Autotask ticket T20250612.0042")),
        custom, "autotask-contoso", "New", java.util.Set.of()));
    assertThat(result.explanation().snapshot().orElseThrow().sourceUpdatedAt())
        .contains(java.time.Instant.parse("2025-06-12T09:14:07Z"));
  }

  @Test
  void acceptsThenResolvesAsTheTicketMovesOn() {
    api.ticket(48213, "api-01-ticket-48213-new.json");
    deliver("01-new-ticket");
    api.ticket(48213, "api-02-ticket-48213-in-progress.json");

    ProcessingResult accepted = deliver("02-in-progress-update");
    api.ticket(48213, "api-04-ticket-48213-complete.json");
    ProcessingResult resolved = deliver("04-complete-update");

    assertThat(accepted.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(accepted.event().orElseThrow().eventType()).isEqualTo(EventType.ACCEPT);
    assertThat(accepted.event().orElseThrow().ticketStatus()).isEqualTo("In Progress");
    assertThat(accepted.event().orElseThrow().customDetails()).containsEntry("assignedResourceID", 29682885L);
    assertThat(resolved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(resolved.event().orElseThrow().eventType()).isEqualTo(EventType.RESOLVE);
    assertThat(resolved.state()).contains(AlertState.RESOLVED);
  }

  @Test
  void rejectsWaitingCustomerTicketWithoutAlert() {
    api.ticket(48190, "api-03-ticket-48190-waiting-customer.json");

    ProcessingResult result = deliver("03-waiting-customer-update");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.event()).isEmpty();
    assertThat(result.message()).contains("Waiting Customer");
  }

  @Test
  void acceptsWaitingCustomerTicketWithOpenAlert() {
    api.ticketJson(48190, Recorded.ticket("api-03-ticket-48190-waiting-customer.json", item -> {
      item.put("status", 1);
      item.put("lastActivityDate", "2025-06-11T14:02:55.000Z");
    }));
    assertThat(deliver("03-waiting-customer-update").outcome()).isEqualTo(Outcome.CREATED);
    api.ticket(48190, "api-03-ticket-48190-waiting-customer.json");

    ProcessingResult result = deliver("03-waiting-customer-update");

    assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(result.event().orElseThrow().priority()).isEqualTo(Priority.LOW);
  }

  @Test
  void rejectsDeniedTicketFirstSeen() {
    api.ticket(48227, "api-05-ticket-48227-denied.json");

    ProcessingResult result = deliver("05-denied-ticket");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.state()).isEmpty();
  }

  @Test
  void resolvesOpenAlertWhenTicketDenied() {
    api.ticketJson(48227, Recorded.ticket("api-05-ticket-48227-denied.json", item -> {
      item.put("status", 1);
      item.put("lastActivityDate", "2025-06-12T09:58:20.000Z");
    }));
    deliver("05-denied-ticket");
    api.ticket(48227, "api-05-ticket-48227-denied.json");

    assertThat(deliver("05-denied-ticket").outcome()).isEqualTo(Outcome.RESOLVED);
  }

  @Test
  void createsAlertForCustomStatusByTheAnyOtherRow() {
    api.ticket(48235, "api-06-ticket-48235-custom-status.json");

    ProcessingResult result = deliver("06-custom-status");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().matchedRow()).contains("any other");
    assertThat(result.event().orElseThrow().ticketStatus()).isEqualTo("Parts Ordered - Awaiting Courier");
    assertThat(result.event().orElseThrow().priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void customStatusKeepsOpenAlert() {
    api.ticketJson(48235, Recorded.ticket("api-06-ticket-48235-custom-status.json", item -> {
      item.put("status", 1);
      item.put("lastActivityDate", "2025-06-12T10:12:09.000Z");
    }));
    deliver("06-custom-status");
    api.ticket(48235, "api-06-ticket-48235-custom-status.json");

    ProcessingResult result = deliver("06-custom-status");

    assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(result.state()).contains(AlertState.PENDING);
  }

  @Test
  void repeatedCalloutsForUnchangedTicketAreUnchanged() {
    api.ticket(48213, "api-01-ticket-48213-new.json");
    deliver("01-new-ticket");
    api.ticket(48213, "api-02-ticket-48213-in-progress.json");
    deliver("02-in-progress-update");

    List<ProcessingResult> retries = List.of(deliver("02-in-progress-update"), deliver("02-in-progress-update"),
        deliver("01-new-ticket"));

    assertThat(retries).allSatisfy(retry -> {
      assertThat(retry.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(retry.event()).isEmpty();
      assertThat(retry.state()).contains(AlertState.ACCEPTED);
    });
    assertThat(retries.get(0).message()).contains("already applied");
  }

  @Test
  void repeatedCalloutForNewTicketCreatesOneAlert() {
    api.ticket(48213, "api-01-ticket-48213-new.json");

    ProcessingResult first = deliver("01-new-ticket");
    ProcessingResult second = deliver("01-new-ticket");

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(second.event()).isEmpty();
  }

  @Test
  void looksUpTheZoneAndPicklistsOnceForManyCallouts() {
    api.ticket(48213, "api-01-ticket-48213-new.json").ticket(48190, "api-03-ticket-48190-waiting-customer.json");

    deliver("01-new-ticket");
    deliver("03-waiting-customer-update");
    deliver("01-new-ticket");

    assertThat(api.requests("zoneInformation")).isEqualTo(1);
    assertThat(api.requests("entityInformation/fields")).isEqualTo(1);
    assertThat(api.requests("Tickets/48213")).isEqualTo(2);
  }
}
