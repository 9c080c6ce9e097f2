package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks subscribed to Zendesk's ticket events: the second body shape, signed like trigger webhooks. */
class EventWebhookTest {
  private static final Secret SECRET = Secret.of("event-signing-secret");
  private static final AlertSource SOURCE = AlertSource.builder("zendesk-events", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(SECRET)).build();

  private final TestClock clock = TestClock.at("2025-05-20T08:00:30Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(clock).build();

  private static String created(String eventId, String ticketId) {
    return """
        {"type": "zen:event-type:ticket.created", "id": "%s", "time": "2025-05-20T08:00:01.250Z",
         "subject": "zen:ticket:%s", "account_id": 9100, "zendesk_event_version": "2022-11-06",
         "detail": {"id": "%s", "subject": "VPN gateway refuses logins", "description": "Since 07:50 nobody in\\nUtrecht can log in.",
                    "status": "NEW", "priority": "URGENT", "type": "INCIDENT", "tags": ["vpn"],
                    "group_id": "3001", "updated_at": "2025-05-20T08:00:01Z"},
         "event": {}}""".formatted(eventId, ticketId, ticketId);
  }

  private static String statusChanged(String eventId, String ticketId, String previous, String current,
      String updatedAt) {
    return """
        {"type": "zen:event-type:ticket.status_changed", "id": "%s", "time": "%s",
         "subject": "zen:ticket:%s", "account_id": 9100, "zendesk_event_version": "2022-11-06",
         "detail": {"id": "%s", "subject": "VPN gateway refuses logins", "status": "%s", "priority": "URGENT",
                    "updated_at": "%s"},
         "event": {"previous": "%s", "current": "%s"}}""".formatted(eventId, updatedAt, ticketId, ticketId, current,
        updatedAt, previous, current);
  }

  private Delivery signed(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = ZendeskSigner.headers(SECRET, clock.instant(), bytes);
    return Delivery.of(Headers.of("Content-Type", "application/json",
        ZendeskSigner.SIGNATURE_HEADER, headers.get(ZendeskSigner.SIGNATURE_HEADER),
        ZendeskSigner.TIMESTAMP_HEADER, headers.get(ZendeskSigner.TIMESTAMP_HEADER)), bytes);
  }

  @Test
  void walksATicketThroughItsEvents() {
    ProcessingResult created = processor.process(SOURCE, signed(created("ev-1", "5158")));
    ProcessingResult held = processor.process(SOURCE, signed(statusChanged("ev-2", "5158", "NEW", "HOLD",
        "2025-05-20T08:10:00Z")));
    ProcessingResult solved = processor.process(SOURCE, signed(statusChanged("ev-3", "5158", "HOLD", "SOLVED",
        "2025-05-20T09:00:00Z")));

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    AlertEvent alert = created.event().orElseThrow();
    assertThat(alert.summary()).isEqualTo("VPN gateway refuses logins");
    assertThat(alert.details()).isEqualTo("Since 07:50 nobody in\nUtrecht can log in.");
    assertThat(alert.priority()).isEqualTo(Priority.HIGH);
    assertThat(alert.customDetails()).containsEntry("eventType", "ticket.created").containsEntry("ticketType", "INCIDENT")
        .containsEntry("group_id", "3001");
    assertThat(held.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
  }

  @Test
  void theEventIdMakesARetryADuplicate() {
    processor.process(SOURCE, signed(created("ev-1", "5158")));

    ProcessingResult retry = processor.process(SOURCE, signed(created("ev-1", "5158")));
    ProcessingResult another = processor.process(SOURCE, signed(created("ev-9", "5159")));

    assertThat(new ZendeskIntegration().deliveryId(signed(created("ev-1", "5158")))).contains("ev-1");
    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(retry.message()).isEqualTo("delivery ev-1 was already processed");
    assertThat(another.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aStatusChangeOlderThanTheOneAppliedIsStale() {
    processor.process(SOURCE, signed(created("ev-1", "5158")));
    processor.process(SOURCE, signed(statusChanged("ev-3", "5158", "OPEN", "SOLVED", "2025-05-20T09:00:00Z")));

    ProcessingResult late = processor.process(SOURCE, signed(statusChanged("ev-2", "5158", "NEW", "OPEN",
        "2025-05-20T08:30:00Z")));

    assertThat(late.outcome()).isEqualTo(Outcome.STALE);
  }

  @Test
  void aSolvedTicketFirstSeenIsRejectedLikeATriggerWebhook() {
    ProcessingResult solved = processor.process(SOURCE, signed(statusChanged("ev-1", "77", "OPEN", "SOLVED",
        "2025-05-20T09:00:00Z")));

    assertThat(solved.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(solved.explanation().snapshot().orElseThrow().sourceUpdatedAt())
        .contains(Instant.parse("2025-05-20T09:00:00Z"));
  }

  @Test
  void anEventOfAnotherKindIsRefusedSayingWhatToSubscribeTo() {
    ProcessingResult result = processor.process(SOURCE, signed("""
        {"type": "zen:event-type:user.group_membership_created", "id": "ev-7", "time": "2025-05-20T08:00:00Z",
         "detail": {"id": "6596848315901", "role": "end-user"}}"""));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("/type", "a ticket event", "subscribe this webhook to ticket events only");
  }

  @Test
  void aStatusChangeWithoutTheNewStatusFallsBackToTheTicketsStatusOrSaysWhatIsMissing() {
    ProcessingResult fromDetail = processor.process(SOURCE, signed("""
        {"type": "zen:event-type:ticket.status_changed", "id": "ev-1", "time": "2025-05-20T08:00:00Z",
         "detail": {"id": "12", "status": "OPEN"}, "event": {}}"""));
    ProcessingResult neither = processor.process(SOURCE, signed("""
        {"type": "zen:event-type:ticket.status_changed", "id": "ev-2", "time": "2025-05-20T08:00:00Z",
         "detail": {"id": "13"}, "event": {}}"""));

    assertThat(fromDetail.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(fromDetail.explanation().snapshot().orElseThrow().sourceUpdatedAt())
        .contains(Instant.parse("2025-05-20T08:00:00Z"));
    assertThat(neither.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(neither.message()).contains("/detail/status");
  }
}
