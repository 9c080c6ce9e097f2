package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zendesk's webhook signature, checked on the raw bytes before anything is parsed. */
class ZendeskSignatureTest {
  private static final Instant SIGNED_AT = Instant.parse("2025-03-04T09:15:02Z");
  private static final Secret OLD = Secret.of("old-signing-secret");
  private static final Secret NEW = Secret.of("new-signing-secret");
  private static final AlertSource SIGNED = source(Authentication.signature(Trigger.FIXTURE_SECRET));
  private static final AlertSource ROTATING = source(Authentication.signature(OLD, NEW));

  private final TestClock clock = TestClock.at(SIGNED_AT);
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(clock).build();

  private static AlertSource source(Authentication authentication) {
    return AlertSource.builder("zendesk-signed", ZendeskIntegration.NAME).authentication(authentication).build();
  }

  private static Delivery fixture() {
    return Fixtures.of(ZendeskDeliveries.class).delivery("01-new-ticket-created");
  }

  /** The delivery with some headers replaced (a null value removes the header) and the given body. */
  private static Delivery with(Delivery delivery, byte[] body, String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    delivery.headers().names().forEach(name -> headers.put(name, delivery.headers().first(name).orElseThrow()));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.remove(namesAndValues[i]);
      if (namesAndValues[i + 1] != null) {
        headers.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    List<String> flat = new ArrayList<>();
    headers.forEach((name, value) -> flat.addAll(List.of(name, value)));
    return Delivery.of(Headers.of(flat.toArray(String[]::new)), body);
  }

  private Outcome send(AlertSource source, Delivery delivery) {
    return processor.process(source, delivery).outcome();
  }

  private String reason(AlertSource source, Delivery delivery) {
    ProcessingResult result = processor.explain(source, delivery);
    assertThat(result.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(result.message()).isEqualTo("authentication failed");
    assertThat(result.explanation().notes()).singleElement().asString().startsWith("authentication failed: ");
    return result.explanation().notes().get(0).substring("authentication failed: ".length());
  }

  @Test
  void tellsTheOperatorWhyASignatureWasRefusedWithoutAnySecret() {
    Delivery body = with(fixture(), "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(reason(SIGNED, with(fixture(), fixture().body(), ZendeskSigner.SIGNATURE_HEADER, null)))
        .isEqualTo("the X-Zendesk-Webhook-Signature header is missing");
    assertThat(reason(SIGNED, with(fixture(), fixture().body(), ZendeskSigner.TIMESTAMP_HEADER, null)))
        .isEqualTo("the X-Zendesk-Webhook-Signature-Timestamp header is missing");
    assertThat(reason(SIGNED, with(fixture(), fixture().body(), ZendeskSigner.SIGNATURE_HEADER, "not base64!")))
        .isEqualTo("the X-Zendesk-Webhook-Signature header is not base64");
    assertThat(reason(SIGNED, with(fixture(), fixture().body(), ZendeskSigner.TIMESTAMP_HEADER, "yesterday")))
        .startsWith("the X-Zendesk-Webhook-Signature-Timestamp header is not an ISO-8601 time");
    assertThat(reason(ROTATING, body)).isEqualTo("the signature matches none of the 2 signing secret(s); check the "
        + "webhook's signing secret, and that nothing changed the body on the way");
    clock.advance(Duration.ofMinutes(12));
    assertThat(reason(SIGNED, fixture())).isEqualTo("the signed timestamp is 720 s behind this server's clock; "
        + "the tolerance is 300 s (check the clock, or a replayed delivery)");
    clock.advance(Duration.ofMinutes(-24));
    assertThat(reason(SIGNED, fixture())).startsWith("the signed timestamp is 720 s ahead of this server's clock");
  }

  @Test
  void acceptsARecordedDeliveryAtTheTimeItWasSigned() {
    assertThat(send(SIGNED, fixture())).isEqualTo(Outcome.CREATED);
  }

  @Test
  void refusesATamperedBody() {
    Delivery original = fixture();
    byte[] body = new String(original.body(), StandardCharsets.UTF_8).replace("\"New\"", "\"Solved\"")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(send(SIGNED, with(original, body))).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void refusesATamperedTimestamp() {
    Delivery tampered = with(fixture(), fixture().body(), ZendeskSigner.TIMESTAMP_HEADER, "2025-03-04T09:15:03Z");

    assertThat(send(SIGNED, tampered)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void refusesAWrongSecret() {
    AlertSource wrong = source(Authentication.signature(Secret.of("dGhpc2lzYXRlc3RzZWNyZXQ")));

    assertThat(send(wrong, fixture())).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void usesTheSecretsUtf8BytesNotItsBase64Decoding() {
    Secret decoded = Secret.of("thisisatestsecret");

    assertThat(send(source(Authentication.signature(decoded)), fixture())).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void acceptsEitherSecretWhileOneIsRotated() {
    Delivery byOld = Trigger.ticket("4711", "New").invocation("1").signed(OLD, SIGNED_AT);
    Delivery byNew = Trigger.ticket("4712", "New").invocation("2").signed(NEW, SIGNED_AT);
    Delivery byOther = Trigger.ticket("4713", "New").invocation("3").signed(Secret.of("retired"), SIGNED_AT);

    assertThat(send(ROTATING, byOld)).isEqualTo(Outcome.CREATED);
    assertThat(send(ROTATING, byNew)).isEqualTo(Outcome.CREATED);
    assertThat(send(ROTATING, byOther)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @ParameterizedTest(name = "signed {0} s from now")
  @ValueSource(longs = {-300, -299, 0, 299, 300})
  void acceptsATimestampWithinFiveMinutesEitherWay(long offsetSeconds) {
    Delivery delivery = Trigger.ticket("4711", "New").signed(OLD, SIGNED_AT.plusSeconds(offsetSeconds));

    assertThat(send(ROTATING, delivery)).isEqualTo(Outcome.CREATED);
  }

  @ParameterizedTest(name = "signed {0} s from now")
  @ValueSource(longs = {-301, 301, -86_400, 86_400})
  void refusesATimestampOutsideTheToleranceEitherWay(long offsetSeconds) {
    Delivery delivery = Trigger.ticket("4711", "New").signed(OLD, SIGNED_AT.plusSeconds(offsetSeconds));

    assertThat(send(ROTATING, delivery)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void refusesARecordedDeliveryReplayedLater() {
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    assertThat(send(SIGNED, fixture())).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void appliesAConfiguredTolerance() {
    AlertSource strict = source(new Authentication.Signature(List.of(OLD), Duration.ofSeconds(30)));
    Delivery late = Trigger.ticket("4711", "New").signed(OLD, SIGNED_AT.minusSeconds(31));
    Delivery recent = Trigger.ticket("4711", "New").signed(OLD, SIGNED_AT.minusSeconds(30));

    assertThat(send(strict, late)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(strict, recent)).isEqualTo(Outcome.CREATED);
  }

  @Test
  void refusesMissingHeaders() {
    Delivery noSignature = with(fixture(), fixture().body(), ZendeskSigner.SIGNATURE_HEADER, null);
    Delivery noTimestamp = with(fixture(), fixture().body(), ZendeskSigner.TIMESTAMP_HEADER, null);
    Delivery neither = Trigger.ticket("4711", "New").unsigned();

    assertThat(send(SIGNED, noSignature)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(SIGNED, noTimestamp)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(SIGNED, neither)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @ParameterizedTest(name = "signature \"{0}\"")
  @ValueSource(strings = {"", "not base64 at all!", "5dTuwNC+xkq0jeHlFx2PdhMH4JGQtdidjVM5GeYaCUA=", "c2hvcnQ="})
  void refusesAnUnreadableSignature(String signature) {
    Delivery delivery = with(fixture(), fixture().body(), ZendeskSigner.SIGNATURE_HEADER, signature);

    assertThat(send(SIGNED, delivery)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @ParameterizedTest(name = "timestamp \"{0}\"")
  @ValueSource(strings = {"", "yesterday", "1741079702", "2025-03-04 09:15:02"})
  void refusesAnUnreadableTimestampEvenWhenItIsSignedCorrectly(String timestamp) {
    Delivery base = fixture();
    Delivery delivery = with(base, base.body(), ZendeskSigner.TIMESTAMP_HEADER, timestamp,
        ZendeskSigner.SIGNATURE_HEADER, ZendeskSigner.sign(Trigger.FIXTURE_SECRET, timestamp, base.body()));

    assertThat(send(SIGNED, delivery)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void checksTheSignatureBeforeReadingTheBody() {
    byte[] broken = "{\"id\": \"4711\", \"status\": ".getBytes(StandardCharsets.UTF_8);
    Delivery unsigned = Delivery.of(Headers.of("Content-Type", "application/json"), broken);
    Delivery signed = with(unsigned, broken, ZendeskSigner.TIMESTAMP_HEADER, "2025-03-04T09:15:02Z",
        ZendeskSigner.SIGNATURE_HEADER, ZendeskSigner.sign(OLD, "2025-03-04T09:15:02Z", broken));

    assertThat(send(ROTATING, unsigned)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(ROTATING, signed)).isEqualTo(Outcome.INVALID);
  }

  @Test
  void signerReproducesEveryRecordedSignature() {
    for (String name : List.of("01-new-ticket-created", "02-open-update", "03-pending-update", "04-on-hold-update",
        "05-solved-update", "06-closed-ticket-first-seen", "07-description-quotes-newlines-unicode",
        "08-retried-delivery-of-01", "20-event-ticket-created", "21-event-status-changed-solved",
        "22-nested-ticket-open", "23-nested-ticket-solved", "24-status-spanish-abierto", "25-status-spanish-resuelto",
        "26-description-separator-and-author-header", "27-updated-at-plain-date")) {
      Delivery delivery = Fixtures.of(ZendeskDeliveries.class).delivery(name);
      String timestamp = delivery.headers().first(ZendeskSigner.TIMESTAMP_HEADER).orElseThrow();

      assertThat(ZendeskSigner.sign(Trigger.FIXTURE_SECRET, timestamp, delivery.body())).as(name)
          .isEqualTo(delivery.headers().first(ZendeskSigner.SIGNATURE_HEADER).orElseThrow());
    }
  }

  @Test
  void signerGivesBothHeadersWithATimestampToTheSecond() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    Map<String, String> headers = ZendeskSigner.headers(OLD, Instant.parse("2025-03-04T09:15:02.789Z"), body);

    assertThat(headers).containsExactly(
        Map.entry(ZendeskSigner.SIGNATURE_HEADER, ZendeskSigner.sign(OLD, "2025-03-04T09:15:02Z", body)),
        Map.entry(ZendeskSigner.TIMESTAMP_HEADER, "2025-03-04T09:15:02Z"));
  }
}
