package io.alertbridge.haloitsm;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloFixturesTest {

  @Test
  void walksTicket4812FromNewToClosed() {
    WebhookProcessor processor = Halo.processor();

    ProcessingResult created = processor.process(Halo.SOURCE, Halo.fixture("01-new-ticket-logged"));
    ProcessingResult inProgress = processor.process(Halo.SOURCE, Halo.fixture("02-status-in-progress"));
    ProcessingResult withUser = processor.process(Halo.SOURCE, Halo.fixture("03-status-with-user"));
    ProcessingResult resolved = processor.process(Halo.SOURCE, Halo.fixture("04-status-resolved-custom"));
    ProcessingResult closed = processor.process(Halo.SOURCE, Halo.fixture("05-status-closed"));

    assertThat(created).isCreated().hasHttpStatus(202).hasTicketId("4812").hasState(AlertState.PENDING)
        .hasEventType(EventType.ALERT);
    assertThat(inProgress).isAccepted().hasHttpStatus(202).hasState(AlertState.ACCEPTED)
        .hasEventType(EventType.ACCEPT);
    assertThat(withUser).isUnchanged().hasHttpStatus(200).hasState(AlertState.ACCEPTED).hasNoEvent();
    assertThat(resolved).isResolved().hasHttpStatus(202).hasState(AlertState.RESOLVED)
        .hasEventType(EventType.RESOLVE);
    assertThat(resolved.explanation().matchedRow()).contains(
        "row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]");
    assertThat(closed).isUnchanged().hasHttpStatus(200).hasState(AlertState.RESOLVED).hasNoEvent();
  }

  @Test
  void newTicketBecomesAnAlertWithEveryField() {
    AlertEvent event = Halo.processor().process(Halo.SOURCE, Halo.fixture("01-new-ticket-logged")).event()
        .orElseThrow();

    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("status", Map.of("id", 1L, "name", "New", "shortname", "New"));
    custom.put("details",
        "Datto RMM alert: disk usage 96.2%<br>Device: SRV-FS01<br>Site: Zürich HQ\r\nThreshold: 95%");
    custom.put("dateoccurred", "2025-11-18T08:42:17.303");
    custom.put("dateclosed", null);
    custom.put("tickettype", Map.of("id", 1L, "name", "Incident"));
    custom.put("priority", Map.of("id", 1L, "name", "Critical"));
    custom.put("client_id", 12L);
    custom.put("client_name", "Contoso AG");
    custom.put("site_id", 18L);
    custom.put("site_name", "Zürich HQ");
    custom.put("team", "1st Line Support");
    custom.put("agent", Map.of("id", 1L, "name", "Unassigned"));
    custom.put("organisation_id", 1L);
    custom.put("department_id", 17L);
    custom.put("workflow_name", "Incident Management Workflow");
    custom.put("oppcompanyname", "Contoso AG");
    assertThat(event.eventType()).isEqualTo(EventType.ALERT);
    assertThat(event.ticketId()).isEqualTo("4812");
    assertThat(event.summary()).isEqualTo("Disk C: on SRV-FS01 above 95% (\"critical\" threshold)");
    assertThat(event.details()).isEqualTo("""
        Datto RMM alert: disk usage 96.2%
        Device: SRV-FS01
        Site: Zürich HQ
        Threshold: 95%

        Client: Contoso AG
        Site: Zürich HQ
        Team: 1st Line Support
        Agent: Unassigned""");
    assertThat(event.priority()).isEqualTo(Priority.HIGH);
    assertThat(event.ticketStatus()).isEqualTo("New");
    assertThat(event.sourceId()).isEqualTo("halo-prod");
    assertThat(event.links()).isEmpty();
    assertThat(event.truncated()).isEmpty();
    assertThat(event.customDetails()).containsExactlyEntriesOf(custom);
  }

  @Test
  void acceptedAlertNamesTheAgentAsAssignee() {
    WebhookProcessor processor = Halo.processor();
    processor.process(Halo.SOURCE, Halo.fixture("01-new-ticket-logged"));

    ProcessingResult accepted = processor.process(Halo.SOURCE, Halo.fixture("02-status-in-progress"));

    assertThat(accepted).hasEvent().hasTicketStatus("In Progress").hasCustomDetail("assignee", "Jane Doe");
    assertThat(accepted.event().orElseThrow().details()).endsWith("Agent: Jane Doe");
  }

  @Test
  void fullPayloadOfAClosedTicketIsIgnoredWithoutAnAlert() {
    ProcessingResult result = Halo.processor().process(Halo.SOURCE, Halo.fixture("06-full-payload-closed"));

    assertThat(result).isUnchanged().hasHttpStatus(200).hasTicketId("4812").hasNoState().hasNoEvent();
    assertThat(result.explanation().rule().orElseThrow().toString()).isEqualTo("IGNORE / RESOLVE");
  }

  @Test
  void fullPayloadOfAClosedTicketResolvesTheOpenAlert() {
    WebhookProcessor processor = Halo.processor();
    processor.process(Halo.SOURCE, Halo.fixture("01-new-ticket-logged"));

    ProcessingResult result = processor.process(Halo.SOURCE, Halo.fixture("06-full-payload-closed"));

    assertThat(result).isResolved().hasHttpStatus(202).hasState(AlertState.RESOLVED);
    AlertEvent event = result.event().orElseThrow();
    assertThat(event.eventType()).isEqualTo(EventType.RESOLVE);
    assertThat(event.ticketStatus()).isEqualTo("Closed");
    assertThat(event.priority()).isEqualTo(Priority.HIGH);
    assertThat(event.details()).isEqualTo("""
        Datto RMM alert: disk usage 96.2%
        Device: SRV-FS01
        Site: Zürich HQ
        Threshold: 95%

        Client: Contoso AG
        Site: Zürich HQ
        Team: 1st Line Support""");
    assertThat(event.customDetails()).containsEntry("requester", "Monitoring Mailbox")
        .containsEntry("status_id", 9L).containsEntry("hasbeenclosed", true)
        .containsEntry("customfields", List.of()).doesNotContainKeys("id", "summary", "assignee");
  }

  @Test
  void fullPayloadTakesItsUpdateTimeFromLastActionDate() {
    TicketSnapshot snapshot = Halo.parse(Halo.fixture("06-full-payload-closed")).get(0);

    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-11-18T11:05:42.117Z"));
    assertThat(snapshot.status().id()).hasValue(9);
    assertThat(snapshot.status().names()).containsExactly("Closed");
    assertThat(snapshot.priority().orElseThrow().id()).hasValue(1);
    assertThat(snapshot.priority().orElseThrow().names()).containsExactly("Critical");
  }

  @Test
  void recordedFixturesCarryNoUpdateTime() {
    for (String name : List.of("01-new-ticket-logged", "05-status-closed")) {
      ProcessingResult result = Halo.processor().explain(Halo.SOURCE, Halo.fixture(name));

      assertThat(result.explanation().snapshot().orElseThrow().sourceUpdatedAt()).as(name).isEmpty();
      assertThat(result.outcome()).as(name).isIn(Outcome.CREATED, Outcome.UNCHANGED);
    }
  }
}
