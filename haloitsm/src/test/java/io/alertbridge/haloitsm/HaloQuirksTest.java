package io.alertbridge.haloitsm;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HaloQuirksTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"4812", "4812.0", "4812.000", "\"4812\"", "\" 4812 \"", "\"4812.0\""})
  void readsTheTicketIdInEverySpelling(String id) {
    TicketSnapshot snapshot = Halo.parseOne("{\"ticket\": {\"id\": " + id + ", \"status\": {\"id\": 1}}}");

    assertThat(snapshot.ticketId()).isEqualTo("4812");
  }

  @Test
  void everySpellingOfTheIdReachesTheSameAlert() {
    WebhookProcessor processor = Halo.processor();

    ProcessingResult created = processor.process(Halo.SOURCE,
        Halo.json("{\"ticket\": {\"id\": 4812, \"status\": {\"id\": 1, \"name\": \"New\"}}}"));
    ProcessingResult accepted = processor.process(Halo.SOURCE,
        Halo.json("{\"ticket\": {\"id\": \"4812\", \"status\": {\"id\": \"2.0\", \"name\": \"In Progress\"}}}"));
    ProcessingResult resolved = processor.process(Halo.SOURCE,
        Halo.json("{\"ticket\": {\"id\": 4812.0, \"status_id\": 9.0}}"));

    assertThat(created).isCreated().hasTicketId("4812");
    assertThat(accepted).isAccepted().hasTicketId("4812");
    assertThat(resolved).isResolved().hasTicketId("4812");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3", "3.0", "\"3\"", "\"3.0\"", "\" 3 \""})
  void readsStatusIdsInEverySpelling(String id) {
    TicketSnapshot nested = Halo.parseOne("{\"ticket\": {\"id\": 1, \"status\": {\"id\": " + id + "}}}");
    TicketSnapshot flat = Halo.parseOne("{\"ticket\": {\"id\": 1, \"status_id\": " + id + "}}");

    assertThat(nested.status()).isEqualTo(CodedValue.of(3L));
    assertThat(flat.status()).isEqualTo(CodedValue.of(3L));
  }

  @Test
  void readsKeysInAnyCase() {
    TicketSnapshot snapshot = Halo.parseOne("""
        {"Ticket": {"ID": 4812, "Status": {"Id": 9, "Name": "Closed", "ShortName": "Closed"},
                    "Summary": "Disk full", "Details": "a<br>b", "Client_Name": "Contoso AG",
                    "Priority": {"ID": 1, "NAME": "Critical"}, "Agent": {"Name": "Jane Doe"},
                    "LastActionDate": "2025-11-18T11:05:42", "HasBeenClosed": true}}""");

    assertThat(snapshot.ticketId()).isEqualTo("4812");
    assertThat(snapshot.status()).isEqualTo(CodedValue.of(9L, "Closed"));
    assertThat(snapshot.summary()).isEqualTo("Disk full");
    assertThat(snapshot.details()).isEqualTo("a\nb\n\nClient: Contoso AG\nAgent: Jane Doe");
    assertThat(snapshot.priority()).contains(CodedValue.of(1L, "Critical"));
    assertThat(snapshot.assignee()).contains("Jane Doe");
    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-11-18T11:05:42Z"));
    assertThat(snapshot.customDetails()).doesNotContainKeys("ID", "Summary").containsKeys("Status", "Details");
  }

  @Test
  void exactSpellingWinsOverAnotherCase() {
    TicketSnapshot snapshot = Halo.parseOne("{\"ticket\": {\"ID\": 1, \"id\": 2, \"status_id\": 1}}");

    assertThat(snapshot.ticketId()).isEqualTo("2");
  }

  @Test
  void readsClosedFlagsWrittenAsTextOrNumber() {
    TicketSnapshot text = Halo.parseOne("{\"ticket\": {\"id\": 1, \"status_id\": 2, \"hasbeenclosed\": \"True\"}}");
    TicketSnapshot number = Halo.parseOne("{\"ticket\": {\"id\": 1, \"status_id\": 2, \"hasbeenclosed\": 1}}");
    TicketSnapshot open = Halo.parseOne("{\"ticket\": {\"id\": 1, \"status_id\": 2, \"hasbeenclosed\": 0}}");

    assertThat(text.status().names()).containsExactly("Closed");
    assertThat(number.status().names()).containsExactly("Closed");
    assertThat(open.status().names()).isEmpty();
  }

  @Test
  void keepsTheOriginalHtmlDetailsAsACustomDetail() {
    TicketSnapshot snapshot = Halo.parseOne(
        "{\"ticket\": {\"id\": 1, \"status_id\": 1, \"details\": \"<p>Disk &amp; CPU</p><p>on SRV&nbsp;01</p>\"}}");

    assertThat(snapshot.details()).isEqualTo("Disk & CPU\non SRV 01");
    assertThat(snapshot.customDetails()).containsEntry("details", "<p>Disk &amp; CPU</p><p>on SRV&nbsp;01</p>");
  }

  @Test
  void detailsWithoutTextStillNameClientAndTeam() {
    TicketSnapshot snapshot = Halo.parseOne(
        "{\"ticket\": {\"id\": 1, \"status_id\": 1, \"details\": null, \"client_name\": \"Contoso\","
            + " \"team\": \"NOC\"}}");

    assertThat(snapshot.details()).isEqualTo("Client: Contoso\nTeam: NOC");
  }

  @Test
  void unassignedAgentIsNoAssignee() {
    TicketSnapshot snapshot = Halo.parseOne(
        "{\"ticket\": {\"id\": 1, \"status_id\": 1, \"agent\": {\"id\": 1, \"name\": \"Unassigned\"}}}");

    assertThat(snapshot.assignee()).isEmpty();
    assertThat(snapshot.details()).isEqualTo("Agent: Unassigned");
  }

  @Test
  void dateWithSevenFractionDigitsAndNoZoneIsUtc() {
    TicketSnapshot snapshot = Halo.parseOne(
        "{\"ticket\": {\"id\": 1, \"status_id\": 2, \"lastactiondate\": \"2025-11-18T11:05:42.1234567\"}}");

    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-11-18T11:05:42.1234567Z"));
  }

  @Test
  void placeholderLastActionDateMeansNoUpdateTime() {
    TicketSnapshot snapshot = Halo.parseOne(
        "{\"ticket\": {\"id\": 1, \"status_id\": 2, \"lastactiondate\": \"0001-01-01T00:00:00\"}}");

    assertThat(snapshot.sourceUpdatedAt()).isEmpty();
  }
}
