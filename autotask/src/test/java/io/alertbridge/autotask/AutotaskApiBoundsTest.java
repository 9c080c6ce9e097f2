package io.alertbridge.autotask;

import static io.alertbridge.autotask.MisbehavingApi.PICKLISTS;
import static io.alertbridge.autotask.MisbehavingApi.TICKET;
import static io.alertbridge.autotask.MisbehavingApi.ZONE_LOOKUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.autotask.AutotaskApiException.Reason;
import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every exchange with the Autotask API is bounded as a whole, in time and in bytes, and every answer it
 * cannot read is a 503 {@link Reason#UNREADABLE_ANSWER} saying why: never a parser failure, a
 * NullPointerException or "the ticket source failed".
 */
class AutotaskApiBoundsTest {
  private static final String TIMEOUT = "PT0.3S";
  /** Far below the 30 s, or for ever, that an exchange could take when only its headers were timed. */
  private static final Duration HELD_AT_MOST = Duration.ofSeconds(5);
  private static final String TICKET_JSON = new String(LoopbackAutotaskApi.fixture("api-01-ticket-48213-new.json"),
      StandardCharsets.UTF_8);

  private final MisbehavingApi api = MisbehavingApi.start();
  private final TestClock clock = TestClock.at("2025-06-12T12:00:00Z");

  @AfterEach
  void stop() {
    api.close();
  }

  private ProcessingResult deliver(Limits limits) {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(
        new AutotaskIntegration(AutotaskTicketSource.restApi()))).clock(clock).limits(limits).build();
    return processor.process(api.source(TIMEOUT), Fixtures.of(AutotaskDeliveries.class).delivery("01-new-ticket"));
  }

  /** @return the failure of one callout, which must come back quickly and say 503 */
  private AutotaskApiException failure(Limits limits) {
    long started = System.nanoTime();
    AutotaskApiException e = catchThrowableOfType(AutotaskApiException.class, () -> deliver(limits));
    Duration held = Duration.ofNanos(System.nanoTime() - started);

    assertThat(e).as("an AutotaskApiException").isNotNull();
    assertThat(held).as("how long the delivery thread was held").isLessThan(HELD_AT_MOST);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.reason()).isNotEqualTo(Reason.FAILED);
    assertThat(e).hasNoSuppressedExceptions();
    assertThat(e.getMessage()).doesNotContain(LoopbackAutotaskApi.SECRET, LoopbackAutotaskApi.USERNAME,
        "alerts-api%40contoso");
    return e;
  }

  private AutotaskApiException failure() {
    return failure(Limits.defaults());
  }

  @Test
  void theWellBehavedApiGivesTheTicket() {
    assertThat(deliver(Limits.defaults()).outcome()).isEqualTo(Outcome.CREATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {TICKET, PICKLISTS, ZONE_LOOKUP})
  void anAnswerThatStallsAfterItsHeadersTimesOut(String resource) {
    api.answer(resource, MisbehavingApi.stallAfterHeaders());

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("did not answer GET http://127.0.0.1:", "v1.0/" + resource,
        "within PT0.3S (requestTimeout, for the whole answer)");
  }

  @Test
  void anAnswerThatTricklesTimesOut() {
    api.answer(TICKET, MisbehavingApi.trickle(TICKET_JSON, Duration.ofMillis(20)));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("within PT0.3S");
  }

  @Test
  void anAnswerDeclaringTooManyBytesIsRefusedBeforeItIsRead() {
    api.answer(TICKET, MisbehavingApi.bytes(2 << 20, true));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).isEqualTo("the Autotask API gave an unreadable answer to GET " + api.zoneUrl()
        + "v1.0/Tickets/48213: it is larger than 1048576 bytes (Limits.maxApiAnswerBytes): its Content-Length is"
        + " 2097152 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {TICKET, PICKLISTS, ZONE_LOOKUP})
  void anAnswerSendingTooManyBytesIsCutOff(String resource) {
    api.answer(resource, MisbehavingApi.bytes(64 << 20, false));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("v1.0/" + resource + ": it is larger than 1048576 bytes"
        + " (Limits.maxApiAnswerBytes): more than 1048576 bytes arrived");
  }

  @Test
  void theByteLimitIsTheProcessorsMaxApiAnswerBytes() {
    String padded = TICKET_JSON.replaceFirst("\\{", "{\"padding\":\"" + "p".repeat(8000) + "\",");
    api.answer(TICKET, MisbehavingApi.json(padded));

    AutotaskApiException e = failure(Limits.builder().maxApiAnswerBytes(4096).build());

    assertThat(e.getMessage()).contains("it is larger than 4096 bytes (Limits.maxApiAnswerBytes)");
    assertThat(deliver(Limits.defaults()).outcome()).isEqualTo(Outcome.CREATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {TICKET, PICKLISTS, ZONE_LOOKUP})
  void aNullAnswerIsUnreadable(String resource) {
    api.answer(resource, MisbehavingApi.json("null"));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).startsWith("the Autotask API gave an unreadable answer to GET ")
        .contains("v1.0/" + resource).endsWith(": it is null, not a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {TICKET, PICKLISTS, ZONE_LOOKUP})
  void anEmptyAnswerIsUnreadable(String resource) {
    api.answer(resource, MisbehavingApi.json(""));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("v1.0/" + resource + ": it is empty; expected a JSON value");
  }

  @Test
  void aNumberBeyondTheLimitsIsUnreadable() {
    api.answer(TICKET, MisbehavingApi.json(TICKET_JSON.replace("\"id\": 48213", "\"id\": 1e999999")
        .replace("\"id\":48213", "\"id\":1e999999")));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("Tickets/48213: it is beyond the limits: the number at /item/id has the"
        + " exponent 999999; the limits are 100 digits and exponents up to 100");
  }

  @Test
  void nestingBeyondTheLimitIsUnreadable() {
    api.answer(PICKLISTS, MisbehavingApi.json("{\"fields\":" + "[".repeat(200) + "]".repeat(200) + "}"));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage())
        .contains("entityInformation/fields: it is beyond the limits: the answer nests deeper than 64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>maintenance</html>", "{\"item\":", "{\"item\":{}} trailing", "[]", "42", "\"item\""})
  void anAnswerThatIsNotAJsonObjectIsUnreadable(String answer) {
    api.answer(TICKET, MisbehavingApi.json(answer));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).startsWith("the Autotask API gave an unreadable answer to GET ")
        .containsAnyOf(": it is not valid JSON: ", ": it is not of the documented shape: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"url\":\"//webservices14.autotask.net/atservicesrest/\"}", "{\"url\":\"ftp://x/\"}",
      "{\"url\":\"http://[broken/\"}", "{\"url\":null}", "{\"url\":7}", "{}"})
  void aZoneLookupWithoutAUsableUrlIsUnreadable(String answer) {
    api.answer(ZONE_LOOKUP, MisbehavingApi.json(answer));

    AutotaskApiException e = failure();

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).startsWith("the Autotask API gave an unreadable answer to")
        .contains("zoneInformation");
    assertThat(e).hasNoCause();
  }

  @Test
  void theSourceSettingsStillSetTheTimeout() {
    AlertSource slow = api.source("PT2S");
    api.answer(TICKET, MisbehavingApi.trickle(TICKET_JSON.substring(0, 20), Duration.ofMillis(10)));

    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration()))
        .clock(clock).build();
    AutotaskApiException e = catchThrowableOfType(AutotaskApiException.class,
        () -> processor.process(slow, Fixtures.of(AutotaskDeliveries.class).delivery("01-new-ticket")));

    assertThat(e.reason()).as("a short answer that ends in time is read, and is not JSON")
        .isEqualTo(Reason.UNREADABLE_ANSWER);
  }
}
