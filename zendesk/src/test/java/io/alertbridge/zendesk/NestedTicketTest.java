package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies whose template nests the ticket's fields in a {@code ticket} object. */
class NestedTicketTest {
  private static final AlertSource SOURCE = AlertSource.of("zendesk-prod", ZendeskIntegration.NAME);
  private static final ParseContext CONTEXT = new ParseContext(SOURCE, Limits.defaults(),
      TestClock.at("2025-03-04T09:15:02Z"));

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(TestClock.at("2025-03-04T09:15:02Z")).build();

  private static TicketSnapshot parse(String json) {
    return new TriggerBodyParser().parse(Deliveries.json(json), CONTEXT).get(0);
  }

  private ProcessingResult send(String json) {
    return processor.process(SOURCE, Deliveries.json(json));
  }

  @Test
  void readsTheDocumentedFieldsFromTheNestedTicket() {
    TicketSnapshot snapshot = parse("""
        {"event": "status_changed",
         "ticket": {"id": "4711", "title": "Checkout API returns 502", "description": "Every checkout fails.",
                    "status": "Open", "priority": "Urgent", "requester_name": "Dana Whitfield",
                    "link": "https://acmeretail.zendesk.com/agent/tickets/4711", "brand": "Acme EU"}}""");

    assertThat(snapshot.ticketId()).isEqualTo("4711");
    assertThat(snapshot.status()).isEqualTo(CodedValue.of("Open"));
    assertThat(snapshot.summary()).isEqualTo("Checkout API returns 502");
    assertThat(snapshot.priority()).contains(CodedValue.of("Urgent"));
    assertThat(snapshot.requester()).contains("Dana Whitfield");
    assertThat(snapshot.links()).singleElement().satisfies(link ->
        assertThat(link.href()).isEqualTo("https://acmeretail.zendesk.com/agent/tickets/4711"));
    assertThat(snapshot.customDetails()).containsExactly(Map.entry("brand", "Acme EU"));
    assertThat(snapshot.notes()).containsExactly(
        "the ticket's fields were read from the nested object /ticket (the root has no id or status)");
  }

  @Test
  void saysWhichTemplateFieldsToUseWhenTheNestedNamesAreNotOurs() {
    TicketSnapshot snapshot = parse("""
        {"ticket": {"id": 88, "subject": "Printer on fire", "status": "New",
                    "url": "acme.zendesk.com/agent/tickets/88", "group": {"name": "Tier 2"}}}""");

    assertThat(snapshot.ticketId()).isEqualTo("88");
    assertThat(snapshot.summary()).isEmpty();
    assertThat(snapshot.links()).isEmpty();
    assertThat(snapshot.notes()).containsExactly(
        "the ticket's fields were read from the nested object /ticket (the root has no id or status)",
        "/ticket names fields unlike the documented JSON body template (subject, url, group not read): use"
            + " \"title\": \"{{ticket.title}}\", \"link\": \"{{ticket.link}}\", \"group_name\":"
            + " \"{{ticket.group.name}}\" in the trigger's webhook body");
  }

  @Test
  void aRootIdOrStatusKeepsTheRootAsTheTicket() {
    TicketSnapshot snapshot = parse("{\"id\": \"4711\", \"status\": \"New\", \"ticket\": {\"id\": \"9\", \"status\": \"Solved\"}}");

    assertThat(snapshot.ticketId()).isEqualTo("4711");
    assertThat(snapshot.customDetails()).containsOnlyKeys("ticket");
    assertThat(snapshot.notes()).isEmpty();
    assertThat(send("{\"status\": \"New\", \"ticket\": {\"id\": \"9\", \"status\": \"New\"}}").message())
        .startsWith("\"id\": expected a non-empty string or an integer at /id, got nothing");
  }

  @Test
  void aNestedSolvedTicketMayNotCreateAnAlert() {
    ProcessingResult result = send("{\"event\": \"status_changed\", \"ticket\": {\"id\": 5150, \"status\": \"Solved\"}}");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.httpStatus()).isEqualTo(400);
  }

  @Test
  void aNestedOpenTicketCreatesAnAlert() {
    ProcessingResult result = send("{\"current_user\": {\"name\": \"Mara\"}, \"ticket\": {\"id\": \"5150\","
        + " \"status\": \"Open\", \"title\": \"VPN down\"}}");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().notes()).contains(
        "the ticket's fields were read from the nested object /ticket (the root has no id or status)");
  }

  @Test
  void aNestedTicketWithoutIdSaysWhichTemplateToUse() {
    ProcessingResult result = send("{\"ticket\": {\"ticket_id\": \"5150\", \"status\": \"Open\"}}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("\"id\": expected a non-empty string or an integer at /ticket/id, got"
        + " nothing (the root has no id or status, so the nested object /ticket was read); use the documented JSON"
        + " body template, \"id\": \"{{ticket.id}}\", \"status\": \"{{ticket.status}}\", ..., at the root or in"
        + " /ticket");
  }

  @Test
  void aNestedTicketWithoutStatusSaysWhichTemplateToUse() {
    ProcessingResult result = send("{\"ticket\": {\"id\": \"5150\"}}");

    assertThat(result.message()).startsWith("\"status\": expected a ticket status such as New, Open, Pending,"
        + " On-hold, Solved or Closed at /ticket/status, got nothing (the root has no id or status");
  }
}
