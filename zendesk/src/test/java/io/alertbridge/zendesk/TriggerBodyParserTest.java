package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Link;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser reads from a trigger body, field by field. */
class TriggerBodyParserTest {
  private static final ParseContext CONTEXT = new ParseContext(AlertSource.of("zendesk-prod", ZendeskIntegration.NAME),
      Limits.defaults(), TestClock.at("2025-03-04T09:15:02Z"));

  private static TicketSnapshot parse(Trigger trigger) {
    List<TicketSnapshot> snapshots = new TriggerBodyParser().parse(trigger.unsigned(), CONTEXT);
    assertThat(snapshots).hasSize(1);
    return snapshots.get(0);
  }

  private static TicketSnapshot parse(String json) {
    return new TriggerBodyParser().parse(Deliveries.json(json), CONTEXT).get(0);
  }

  @Test
  void readsEveryFieldOfTheTemplate() {
    TicketSnapshot snapshot = parse(Trigger.ticket("4711", "Open").with("group_name", "Platform Support")
        .with("assignee_name", "Jonas Becker").with("latest_comment", "Looking into it now.")
        .with("latest_comment_author_name", "Jonas Becker").with("tags", "eu checkout"));

    assertThat(snapshot.ticketId()).isEqualTo("4711");
    assertThat(snapshot.status()).isEqualTo(CodedValue.of("Open"));
    assertThat(snapshot.summary()).isEqualTo("Checkout API returns 502 for EU customers");
    assertThat(snapshot.details()).isEqualTo("""
        Every checkout in the EU shop fails with HTTP 502.

        Requester: Dana Whitfield
        Group: Platform Support
        Assignee: Jonas Becker
        Via: Web form

        Latest comment by Jonas Becker:
        Looking into it now.""");
    assertThat(snapshot.priority()).contains(CodedValue.of("Urgent"));
    assertThat(snapshot.links()).containsExactly(
        new Link("https://acmeretail.zendesk.com/agent/tickets/4711", "Zendesk ticket 4711"));
    assertThat(snapshot.requester()).contains("Dana Whitfield");
    assertThat(snapshot.assignee()).contains("Jonas Becker");
    assertThat(snapshot.sourceUpdatedAt()).isEmpty();
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("via", "Web form");
    custom.put("group_name", "Platform Support");
    custom.put("account", "Acme Retail");
    custom.put("latest_comment_author_name", "Jonas Becker");
    custom.put("tags", "eu checkout");
    assertThat(snapshot.customDetails()).containsExactlyEntriesOf(custom);
    assertThat(snapshot.notes()).isEmpty();
  }

  @Test
  void readsANumericTicketId() {
    assertThat(parse("{\"id\": 4711, \"status\": \"New\"}").ticketId()).isEqualTo("4711");
    assertThat(parse("{\"id\": \" 4711 \", \"status\": \"New\"}").ticketId()).isEqualTo("4711");
  }

  @Test
  void treatsEmptyStringsAsUnsetFields() {
    TicketSnapshot snapshot = parse(Trigger.ticket("4711", "New").with("priority", "").with("link", "")
        .with("requester_name", "").with("via", "").with("description", ""));

    assertThat(snapshot.priority()).isEmpty();
    assertThat(snapshot.links()).isEmpty();
    assertThat(snapshot.requester()).isEmpty();
    assertThat(snapshot.assignee()).isEmpty();
    assertThat(snapshot.details()).isEmpty();
  }

  @Test
  void needsOnlyIdAndStatus() {
    TicketSnapshot snapshot = parse("{\"id\": \"4711\", \"status\": \"New\"}");

    assertThat(snapshot.summary()).isEmpty();
    assertThat(snapshot.details()).isEmpty();
    assertThat(snapshot.customDetails()).isEmpty();
  }

  @Test
  void fallsBackToTheFirstLineOfTheDescriptionForTheSummary() {
    TicketSnapshot snapshot = parse(Trigger.ticket("4711", "New").with("title", " ")
        .with("description", "\n  Checkout fails with 502  \nSince 08:50 CET."));

    assertThat(snapshot.summary()).isEqualTo("Checkout fails with 502");
    assertThat(snapshot.details()).startsWith("\n  Checkout fails with 502  \nSince 08:50 CET.\n\nRequester:");
  }

  @Test
  void showsTheLatestCommentOnlyWhenItAddsSomething() {
    TicketSnapshot same = parse(Trigger.ticket("4711", "New").with("latest_comment",
        "Every checkout in the EU shop fails with HTTP 502.\n"));
    TicketSnapshot other = parse(Trigger.ticket("4711", "New").with("latest_comment", "Any news?"));

    assertThat(same.details()).doesNotContain("Latest comment");
    assertThat(other.details()).endsWith("\n\nLatest comment:\nAny news?");
  }

  @ParameterizedTest(name = "updated_at \"{0}\"")
  @CsvSource({
      "2013-12-12T05:35Z,         2013-12-12T05:35:00Z",
      "2025-03-04T09:15:02Z,      2025-03-04T09:15:02Z",
      "2025-03-04T10:15:02+01:00, 2025-03-04T09:15:02Z",
      "2025-03-04T09:15:02.250Z,  2025-03-04T09:15:02.250Z",
  })
  void readsTheUpdateTimeWithOrWithoutSeconds(String updatedAt, Instant expected) {
    assertThat(parse(Trigger.ticket("4711", "New").with("updated_at", updatedAt)).sourceUpdatedAt()).contains(expected);
  }

  @Test
  void ignoresAnEmptyUpdateTime() {
    assertThat(parse(Trigger.ticket("4711", "New").with("updated_at", "")).sourceUpdatedAt()).isEmpty();
  }

  @Test
  void turnsAdditionalTicketDetailsAndUnknownFieldsIntoCustomDetails() {
    TicketSnapshot snapshot = parse("""
        {"id": "4711", "status": "New", "brand": "Acme EU", "sla": {"breach_in_minutes": 42},
         "additional_ticket_details": {"order": "A-1009", "brand": "ignored: the field wins", "count": 3},
         "agents": ["Jonas", "Mara"], "escalated": true, "score": null}""");

    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("brand", "Acme EU");
    custom.put("sla", Map.of("breach_in_minutes", 42L));
    custom.put("agents", List.of("Jonas", "Mara"));
    custom.put("escalated", true);
    custom.put("score", null);
    custom.put("order", "A-1009");
    custom.put("count", 3L);
    assertThat(snapshot.customDetails()).containsExactlyEntriesOf(custom);
  }

  @Test
  void keepsAdditionalTicketDetailsThatAreNotAnObjectUnderTheirOwnName() {
    TicketSnapshot snapshot = parse("{\"id\": \"4711\", \"status\": \"New\", \"additional_ticket_details\": \"VIP\"}");

    assertThat(snapshot.customDetails()).containsExactly(Map.entry("additional_ticket_details", "VIP"));
  }

  @Test
  void writesNumbersAndBooleansInTextFieldsAsText() {
    TicketSnapshot snapshot = parse("{\"id\": \"4711\", \"status\": \"New\", \"title\": 502, \"priority\": true}");

    assertThat(snapshot.summary()).isEqualTo("502");
    assertThat(snapshot.priority()).contains(CodedValue.of("true"));
  }

  @Test
  void notesPlaceholdersZendeskDidNotFillIn() {
    TicketSnapshot snapshot = parse(Trigger.ticket("4711", "New").with("title", "{{ticket.title}}")
        .with("link", "{{ticket.link}}"));

    assertThat(snapshot.notes()).containsExactly(
        "title holds {{ticket.title}}, a placeholder Zendesk did not fill in; check it in the trigger's JSON body",
        "link holds {{ticket.link}}, a placeholder Zendesk did not fill in; check it in the trigger's JSON body");
    assertThat(snapshot.links()).isEmpty();
  }

  @Test
  void keepsTheStatusAsSent() {
    assertThat(parse(Trigger.ticket("4711", "on hold")).status().label()).isEqualTo(Optional.of("on hold"));
  }
}
