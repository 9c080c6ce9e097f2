package io.alertbridge.core;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Short hostile inputs that once cost the process gigabytes, seconds or its log, each bounded by a limit. */
class BoundedCostTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
      .clock(MutableClock.at("2025-03-04T09:15:00Z")).stateStore(store).build();

  private ProcessingResult send(String body) {
    return processor.process(SOURCE, json(body));
  }

  @Test
  void aHugeExponentInAnIdIsRefusedBeforeAnyoneWritesItOut() {
    ProcessingResult result = send("{\"id\":1e999999,\"status\":\"New\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("the number at /id has the exponent 999999; the limits are 100 digits and"
        + " exponents up to 100 (line 1, column 7)");
    assertThat(store.size()).isZero();
  }

  @Test
  void aHugeExponentAnywhereIsRefused() {
    assertThat(send("{\"id\":\"1\",\"status\":\"New\",\"title\":1e999999999}").message())
        .startsWith("the number at /title has the exponent 999999999;");
    assertThat(send("{\"id\":\"1\",\"status\":\"New\",\"x\":[0e-999999]}").message())
        .startsWith("the number at /x/0 has the exponent -999999;");
  }

  @Test
  void anExponentBeyondWhatJavaCanHoldIsInvalidNotAnEscapedException() {
    for (String number : new String[] {"1e-2147483648", "1e2147483648", "1e-9999999999", "-1E+2147483647"}) {
      assertThatThrownBy(() -> Json.parse(("{\"n\":" + number + "}").getBytes(StandardCharsets.UTF_8), Limits.defaults()))
          .as(number).isInstanceOf(MalformedDeliveryException.class)
          .hasMessageStartingWith("the number at /n has ")
          .extracting(e -> ((MalformedDeliveryException) e).kind()).isEqualTo(MalformedDeliveryException.Kind.NUMBER_OUT_OF_RANGE);
    }
  }

  @Test
  void longIntegersAreRefusedByDigitsAndNumbersWithinTheLimitsAreRead() {
    String digits = "9".repeat(101);

    assertThat(send("{\"id\":" + digits + ",\"status\":\"New\"}").message())
        .startsWith("the number at /id has 101 digits;");
    assertThat(send("{\"id\":" + "9".repeat(100) + ",\"status\":\"New\"}").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(send("{\"id\":12,\"status\":\"New\",\"ratio\":1.5e-7,\"big\":1e100}").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(Json.parse("{\"n\": 1e101}".getBytes(StandardCharsets.UTF_8), Limits.builder().maxNumberExponent(200).build()))
        .isNotNull();
  }

  @Test
  void aLongTicketIdIsRefusedByTheAlertKeyLimit() {
    ProcessingResult result = send("{\"id\":\"" + "k".repeat(256) + "\",\"status\":\"New\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("the ticket id is 256 characters long; the limit is 255 (maxAlertKeyChars)");
    assertThat(send("{\"id\":\"" + "k".repeat(255) + "\",\"status\":\"New\"}").outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aBatchOverTheLimitIsRefusedWhole() {
    String batch = IntStream.range(0, 101).mapToObj(i -> "{\"id\":" + i + ",\"status\":\"New\"}")
        .collect(Collectors.joining(",", "[", "]"));
    String flapping = IntStream.range(0, 1000).mapToObj(i -> "{\"id\":1,\"status\":\"" + (i % 2 == 0 ? "New" : "Closed") + "\"}")
        .collect(Collectors.joining(",", "[", "]"));

    ProcessingResult result = send(batch);

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.httpStatus()).isEqualTo(413);
    assertThat(result.message()).isEqualTo("the delivery holds 101 ticket events; the limit is 100 (maxBatchElements)");
    assertThat(send(flapping).events()).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void aLongDeliveryIdIsRefused() {
    Delivery delivery = Delivery.of(Headers.of("X-Delivery-Id", "d".repeat(256)),
        "{\"id\":1,\"status\":\"New\"}".getBytes(StandardCharsets.UTF_8));

    ProcessingResult result = processor.process(SOURCE, delivery);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("the delivery id is 256 characters long; the limit is 255 (maxDeliveryIdChars)");
  }

  @Test
  void theDeliveryLogIsBoundedByBytesAndKeepsLongIdsAsDigests() {
    InMemoryDeliveryLog log = new InMemoryDeliveryLog(Duration.ofHours(1), 1_000_000, 64 * 1024);
    Instant now = Instant.parse("2025-03-04T09:15:00Z");
    String longId = "x".repeat(100_000);

    for (int i = 0; i < 2000; i++) {
      log.markSeen("zendesk-prod", i + longId, now);
    }

    assertThat(log.bytes()).isLessThanOrEqualTo(64 * 1024);
    assertThat(log.size()).isBetween(100, 2000);
    assertThat(log.contains("zendesk-prod", 1999 + longId, now)).isTrue();
    assertThat(log.contains("zendesk-prod", 1998 + longId + "y", now)).isFalse();
    assertThat(log.contains("zendesk-prod", 0 + longId, now)).as("the oldest went first").isFalse();
  }

  @Test
  void aNumberLongerThanTheReaderAcceptsNamesItsField() {
    ProcessingResult result = send("{\"id\":1,\"status\":\"New\",\"n\":" + "7".repeat(5000) + "}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).startsWith("the number at /n is longer than 1000 characters");
  }

  @Test
  void aParserRefusesAnOversizedBatchBeforeReadingItsElements() {
    String batch = IntStream.range(0, 5000).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(",", "[", "]"));

    ProcessingResult result = send(batch);

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.message()).as("the elements lack a status, so they were never read")
        .isEqualTo("the delivery holds 5000 ticket events; the limit is 100 (maxBatchElements)");
  }

  @Test
  void aBodyDenseWithTinyValuesIsRefusedWhileItIsRead() {
    String fields = IntStream.range(0, 60_000).mapToObj(i -> "\"f" + i + "\":" + i).collect(Collectors.joining(","));

    ProcessingResult result = send("{\"id\":1,\"status\":\"New\"," + fields + "}");

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.message()).startsWith("body holds more than 50000 JSON values (maxJsonValues) (line 1, column ");
    assertThat(send("{\"id\":1,\"status\":\"New\",\"x\":[" + "0,".repeat(49_990) + "0]}").outcome())
        .isEqualTo(Outcome.CREATED);
  }
}
