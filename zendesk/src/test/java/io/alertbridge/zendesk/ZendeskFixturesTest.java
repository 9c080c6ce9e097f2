package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Link;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recorded deliveries, signed as Zendesk signs them, each replayed at the time it was signed. */
class ZendeskFixturesTest {
  private static final AlertSource SOURCE = AlertSource.builder("zendesk-prod", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(Trigger.FIXTURE_SECRET)).build();

  private final TestClock clock = TestClock.at("2025-03-04T09:00:00Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(clock).build();

  private ProcessingResult replay(String name) {
    Delivery delivery = Fixtures.of(ZendeskDeliveries.class).delivery(name);
    clock.set(Instant.parse(delivery.headers().first(ZendeskSigner.TIMESTAMP_HEADER).orElseThrow()));
    return processor.process(SOURCE, delivery);
  }

  @Test
  void walksOneTicketFromNewToSolved() {
    ProcessingResult created = replay("01-new-ticket-created");
    ProcessingResult open = replay("02-open-update");
    ProcessingResult pending = replay("03-pending-update");
    ProcessingResult onHold = replay("04-on-hold-update");
    ProcessingResult solved = replay("05-solved-update");

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.state()).contains(AlertState.PENDING);
    assertThat(open.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(open.state()).contains(AlertState.PENDING);
    assertThat(pending.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(pending.event().map(AlertEvent::eventType)).contains(EventType.ACCEPT);
    assertThat(onHold.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(onHold.message()).isEqualTo("status \"On-hold\": the alert is already accepted");
    assertThat(onHold.httpStatus()).isEqualTo(200);
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(solved.state()).contains(AlertState.RESOLVED);
    assertThat(solved.event().map(AlertEvent::eventType)).contains(EventType.RESOLVE);
    assertThat(solved.event().map(AlertEvent::ticketStatus)).contains("Solved");
  }

  @Test
  void opensTheAlertWithEveryPartOfTheNewTicket() {
    AlertEvent event = replay("01-new-ticket-created").event().orElseThrow();

    assertThat(event.eventType()).isEqualTo(EventType.ALERT);
    assertThat(event.ticketId()).isEqualTo("4711");
    assertThat(event.summary()).isEqualTo("Checkout API returns 502 for EU customers");
    assertThat(event.details()).isEqualTo("""
        Since about 08:50 CET every checkout in the EU shop fails with HTTP 502.
        Customers see a blank payment page. Orders from the US shop look fine.

        Requester: Dana Whitfield
        Via: Web form""");
    assertThat(event.priority()).isEqualTo(Priority.HIGH);
    assertThat(event.links()).containsExactly(
        new Link("https://acmeretail.zendesk.com/agent/tickets/4711", "Zendesk ticket 4711"));
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("via", "Web form");
    custom.put("group_name", "");
    custom.put("account", "Acme Retail");
    custom.put("requester", "Dana Whitfield");
    assertThat(event.customDetails()).containsExactlyEntriesOf(custom);
    assertThat(event.ticketStatus()).isEqualTo("New");
    assertThat(event.sourceId()).isEqualTo("zendesk-prod");
    assertThat(event.truncated()).isEmpty();
  }

  @Test
  void showsTheLatestCommentOnceItDiffersFromTheDescription() {
    replay("01-new-ticket-created");

    ProcessingResult pending = replay("03-pending-update");

    assertThat(pending.event().orElseThrow().details()).endsWith("""
        Requester: Dana Whitfield
        Group: Platform Support
        Assignee: Jonas Becker
        Via: Web form

        Latest comment:
        Could you send us one affected order number and the time it failed? We need it to trace the request.""");
  }

  @Test
  void rejectsAClosedTicketItHasNeverSeen() {
    ProcessingResult result = replay("06-closed-ticket-first-seen");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.ticketId()).contains("4650");
    assertThat(result.state()).isEmpty();
    assertThat(result.event()).isEmpty();
    assertThat(result.message()).isEqualTo("status \"Closed\": no open alert, and this status may not create one");
  }

  @Test
  void keepsEveryCharacterOfQuotesNewlinesAndUnicode() {
    String text = "Login schl\u00e4gt fehl mit der Meldung \u201ePasswort ung\u00fcltig\u201c \u2013 obwohl das Passwort stimmt.\n"
        + "Error shown in the app: \"invalid_token\" (code 401)\n\nSteps:\n"
        + "\t1. Open https://shop.example.com/login?next=/account\n\t2. Enter user z.mueller@example.com\n"
        + "Path on the server: C:\\inetpub\\logs\\u_ex250304.log\n"
        + "\u65e5\u672c\u8a9e\u306e\u30c6\u30b9\u30c8 \u2014 \u0141\u00f3d\u017a \u2014 \ud83d\udea8";

    ProcessingResult result = replay("07-description-quotes-newlines-unicode");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    AlertEvent event = result.event().orElseThrow();
    assertThat(event.summary()).isEqualTo("Login fails with \"invalid_token\" \u2013 Umlaute \u00e4\u00f6\u00fc\u00df");
    assertThat(event.details()).isEqualTo(text + "\n\nRequester: Zo\u00eb M\u00fcller-\u0141ukasik\nVia: Mail");
    assertThat(event.customDetails()).containsEntry("requester", "Zo\u00eb M\u00fcller-\u0141ukasik");
  }

  @Test
  void answersARetriedInvocationAsADuplicate() {
    ProcessingResult first = replay("01-new-ticket-created");

    ProcessingResult retry = replay("08-retried-delivery-of-01");

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(retry.httpStatus()).isEqualTo(200);
    assertThat(retry.event()).isEmpty();
    assertThat(retry.message()).isEqualTo("delivery 9120456601 was already processed");
  }

  @Test
  void acceptsTheRetryOnItsOwnWhenTheFirstAttemptNeverArrived() {
    ProcessingResult retry = replay("08-retried-delivery-of-01");

    assertThat(retry.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(retry.ticketId()).isEqualTo(Optional.of("4711"));
  }
}
