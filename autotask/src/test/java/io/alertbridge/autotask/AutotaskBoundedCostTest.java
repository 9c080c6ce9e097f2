package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.HostileInputCheck;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile callouts of 1 MiB cost no more than a small multiple of a normal callout of the same size, in
 * CPU time and in allocation: nothing in reading the name-value pairs is super-linear in the body. The
 * ticket comes from an in-process source, so only the callout is measured.
 */
class AutotaskBoundedCostTest {
  /** Just under the default body limit of 1 MiB. */
  private static final int SIZE = Limits.DEFAULT_MAX_BODY_BYTES - 1024;
  /** Hostile CPU time may be at most this multiple of the normal body's; quadratic work is 100x and more. */
  private static final double CPU_FACTOR = 5;
  /** Hostile allocation may be at most this multiple. */
  private static final double ALLOCATION_FACTOR = 10;
  private static final AlertSource SOURCE = AlertSource.of("autotask-prod", AutotaskIntegration.NAME);
  private static final TestClock CLOCK = TestClock.at("2025-06-12T12:00:00Z");
  private static final AutotaskTicketSource TICKETS = (id, context) -> Optional.of(AutotaskTicket.builder(id,
      CodedValue.of(1L, "New")).title("EX01: Exchange server not responding to ping").build());
  private static final AutotaskIntegration INTEGRATION = new AutotaskIntegration(TICKETS);
  private static final WebhookProcessor PROCESSOR =
      WebhookProcessor.builder(IntegrationRegistry.of(INTEGRATION)).clock(CLOCK).build();

  private static final HostileInputCheck CHECK = new HostileInputCheck("Autotask", PROCESSOR, SOURCE, INTEGRATION.parser(), CLOCK,
      ALLOCATION_FACTOR);

  @BeforeAll
  static void measureANormalCallout() {
    Delivery delivery = normalCallout();
    assertThat(CHECK.measureNormal(delivery).outcome()).isEqualTo(Outcome.CREATED);
  }

  /** A callout with the id and number, and a long description that a workflow rule added as a further pair. */
  static Delivery normalCallout() {
    StringBuilder body = new StringBuilder(SIZE).append("id=48213&number=T20250612.0042&description=");
    String line = "Datto+RMM+alert%3A+Device+EX01+%28Contoso+HQ%29+offline+since+09%3A12+UTC.%0A";
    while (body.length() < SIZE - 100) {
      body.append(line);
    }
    return form(body.append("&queue=Monitoring"));
  }

  private static Delivery form(CharSequence body) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).as("body size").isBetween(SIZE - 200_000, Limits.DEFAULT_MAX_BODY_BYTES);
    return Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"), bytes);
  }

  /** @return {@code head}, then {@code piece} repeated to fill the body, then {@code tail} */
  private static Delivery filled(String head, String piece, String tail) {
    int pieceBytes = piece.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder body = new StringBuilder(SIZE).append(head);
    for (int bytes = head.length() + tail.length(); bytes + pieceBytes < SIZE - 100; bytes += pieceBytes) {
      body.append(piece);
    }
    return form(body.append(tail));
  }

  /** Measures first, so that a super-linear input fails within the meter's budget rather than hanging. */
  private static ProcessingResult assertBounded(String what, Delivery hostile) {
    return CHECK.assertBounded(what, hostile, CPU_FACTOR);
  }

  @Test
  void theSameIdRepeated() {
    assertThat(assertBounded("id=48213 repeated", filled("", "id=48213&", "number=T1")).outcome())
        .isEqualTo(Outcome.CREATED);
  }

  @Test
  void aLongIdRepeated() {
    String id = "0".repeat(50_000) + "48213";
    ProcessingResult result = assertBounded("a long id repeated", filled("", "id=" + id + "&", "number=T1"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void anIdOfAMillionZerosThenOne() {
    ProcessingResult result = assertBounded("an id of zeros", filled("id=", "0", "1"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void anIdOfAMillionDigits() {
    ProcessingResult result = assertBounded("an id of a million digits", filled("id=", "9", ""));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("expected a positive integer (the ticket id)").hasSizeLessThan(200);
  }

  @Test
  void anIdOfEscapes() {
    assertThat(assertBounded("an id of %30 escapes", filled("id=", "%30", "7")).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void separatorsAndEqualsSigns() {
    assertBounded("& repeated", filled("id=1", "&", ""));
    assertBounded("= repeated", filled("id=1&x", "=", ""));
    assertBounded("+ repeated in the id", filled("id=", "+", "1"));
    assertBounded("empty pairs", filled("id=1", "&=", ""));
  }

  @Test
  void manyPairs() {
    assertBounded("many unknown pairs", filled("id=1", "&k=v", ""));
    assertBounded("many number pairs", filled("id=1", "&number=T1", ""));
    assertBounded("many keys of escapes", filled("id=1&", "%69%64=1&", ""));
  }

  @Test
  void aBrokenEscapeAtTheEnd() {
    ProcessingResult result = assertBounded("a broken escape after 1 MiB", filled("id=1&number=", "%41", "%"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("body is not form data: a broken %-escape");
  }

  @Test
  void conflictingIdsAtTheEnd() {
    ProcessingResult result = assertBounded("conflicting ids", filled("", "id=1&", "id=2"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
  }

  @Test
  void multiByteText() {
    assertBounded("multi-byte text", filled("id=1&number=", "\u00e9\u4e2d\ud83d\ude00", ""));
  }
}
