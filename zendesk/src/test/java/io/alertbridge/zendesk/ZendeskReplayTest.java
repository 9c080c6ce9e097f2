package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A captured delivery sent again with a fresh invocation id (which Zendesk does not sign). With a
 * signing secret, a body without {@code updated_at} is ordered by its signed timestamp, so a replayed
 * older "New" after "Solved" is STALE instead of reopening the alert.
 */
class ZendeskReplayTest {
  private static final Secret SECRET = Secret.of("webhook-signing-secret");
  private static final Instant NEW_AT = Instant.parse("2025-03-04T09:15:02Z");
  private static final AlertSource SIGNED = AlertSource.builder("zendesk-signed", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(SECRET)).build();
  private static final AlertSource UNSIGNED = AlertSource.of("zendesk-unsigned", ZendeskIntegration.NAME);

  private final TestClock clock = TestClock.at(NEW_AT);
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(clock).build();

  /** The captured delivery with its invocation id replaced; body and signature headers exactly as captured. */
  private static Delivery withInvocationId(Delivery captured, String invocationId) {
    List<String> headers = new ArrayList<>();
    for (String name : captured.headers().names()) {
      if (!name.equalsIgnoreCase(ZendeskIntegration.INVOCATION_ID_HEADER)) {
        headers.addAll(List.of(name, captured.headers().first(name).orElseThrow()));
      }
    }
    headers.addAll(List.of(ZendeskIntegration.INVOCATION_ID_HEADER, invocationId));
    return Delivery.of(Headers.of(headers.toArray(String[]::new)), captured.body());
  }

  private ProcessingResult at(Instant now, AlertSource source, Delivery delivery) {
    clock.set(now);
    return processor.process(source, delivery);
  }

  @Test
  void aSignedTimestampOrdersADeliveryWhoseUpdateTimeWasDropped() {
    Delivery signed = Trigger.ticket("4711", "New").with("updated_at", "March 4, 2025").invocation("inv-1")
        .signed(SECRET, NEW_AT);

    ProcessingResult created = at(NEW_AT, SIGNED, signed);

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.explanation().notes()).hasSize(2).last()
        .isEqualTo("instead: the signed timestamp 2025-03-04T09:15:02Z orders this delivery");
  }

  @Test
  void aReplayedOlderNewWithAFreshInvocationIdIsStaleAfterSolved() {
    Delivery captured = Trigger.ticket("4711", "New").invocation("inv-1").signed(SECRET, NEW_AT);
    Instant solvedAt = NEW_AT.plusSeconds(60);
    Delivery solved = Trigger.ticket("4711", "Solved").invocation("inv-2").signed(SECRET, solvedAt);

    ProcessingResult created = at(NEW_AT, SIGNED, captured);
    ProcessingResult resolved = at(solvedAt, SIGNED, solved);
    ProcessingResult replayed = at(solvedAt.plusSeconds(30), SIGNED, withInvocationId(captured, "inv-forged"));

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.explanation().notes())
        .contains("no updated_at in the body: the signed timestamp 2025-03-04T09:15:02Z orders this delivery");
    assertThat(resolved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(replayed.outcome()).isEqualTo(Outcome.STALE);
    assertThat(replayed.httpStatus()).isEqualTo(200);
    assertThat(replayed.message()).isEqualTo("ticket update of 2025-03-04T09:15:02Z is older than the one applied,"
        + " of 2025-03-04T09:16:02Z");
    assertThat(replayed.event()).isEmpty();
    assertThat(replayed.state()).contains(AlertState.RESOLVED);
  }

  @Test
  void theSameReplayOutsideTheToleranceIsRefused() {
    Delivery captured = Trigger.ticket("4711", "New").invocation("inv-1").signed(SECRET, NEW_AT);
    at(NEW_AT, SIGNED, captured);

    ProcessingResult late = at(NEW_AT.plus(Duration.ofMinutes(6)), SIGNED, withInvocationId(captured, "inv-forged"));

    assertThat(late.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void theBodysUpdatedAtWinsOverTheSignedTimestamp() {
    Instant solvedAt = NEW_AT.plusSeconds(60);
    at(NEW_AT, SIGNED, Trigger.ticket("4711", "New").with("updated_at", "2025-03-04T09:15:00Z").invocation("inv-1")
        .signed(SECRET, NEW_AT));
    at(solvedAt, SIGNED, Trigger.ticket("4711", "Solved").with("updated_at", "2025-03-04T09:16:00Z")
        .invocation("inv-2").signed(SECRET, solvedAt));

    // Zendesk sends the older update again, later, signed at the time it is sent
    Instant resentAt = solvedAt.plusSeconds(60);
    ProcessingResult resent = at(resentAt, SIGNED, Trigger.ticket("4711", "New")
        .with("updated_at", "2025-03-04T09:15:00Z").invocation("inv-3").signed(SECRET, resentAt));

    assertThat(resent.outcome()).as("ordered by when the ticket changed, not by when it was sent")
        .isEqualTo(Outcome.STALE);
    assertThat(resent.explanation().notes()).noneMatch(note -> note.contains("signed timestamp"));
  }

  @Test
  void updatesSignedInTheSameSecondAreBothApplied() {
    ProcessingResult created = at(NEW_AT, SIGNED, Trigger.ticket("4711", "New").invocation("inv-1")
        .signed(SECRET, NEW_AT));
    ProcessingResult solved = at(NEW_AT, SIGNED, Trigger.ticket("4711", "Solved").invocation("inv-2")
        .signed(SECRET, NEW_AT));

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
  }

  /** What remains possible without a signing secret, as the README says. */
  @Test
  void withoutASecretAReplayedNewWithAFreshInvocationIdReopens() {
    Delivery captured = Trigger.ticket("4711", "New").invocation("inv-1").signed(SECRET, NEW_AT);
    at(NEW_AT, UNSIGNED, captured);
    at(NEW_AT.plusSeconds(60), UNSIGNED, Trigger.ticket("4711", "Solved").invocation("inv-2").unsigned());

    ProcessingResult replayed = at(NEW_AT.plusSeconds(90), UNSIGNED, withInvocationId(captured, "inv-forged"));

    assertThat(replayed.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(replayed.explanation().notes()).noneMatch(note -> note.contains("signed timestamp"));
  }
}
