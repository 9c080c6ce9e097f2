package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Halo ids, numbers and batches at and beyond the processor's limits. */
class HaloLimitsTest {
  private static final Duration QUICKLY = Duration.ofSeconds(5);

  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new HaloItsmIntegration()))
      .clock(TestClock.at("2025-11-18T12:00:00Z")).stateStore(store).build();

  private ProcessingResult send(String body) {
    return assertTimeoutPreemptively(QUICKLY, () -> processor.process(Halo.SOURCE, Halo.json(body)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ticket\":{\"id\":1e999999,\"status_id\":1}}",
      "{\"ticket\":{\"id\":4812,\"status_id\":1e999999999}}",
      "{\"ticket\":{\"id\":4812,\"status\":{\"id\":-1E+2147483647,\"name\":\"New\"}}}",
      "{\"ticket\":{\"id\":4812,\"status_id\":1,\"priority_id\":9.9e-999999}}",
      "{\"ticket\":{\"id\":4812,\"status_id\":1,\"priority\":{\"priorityid\":1e2147483648}}}",
      "{\"event\":\"e\",\"object_id\":1e400,\"ticket\":{\"status_id\":1}}",
      "[{\"id\":1,\"status\":1},{\"id\":1e-9999999999,\"status\":1}]"})
  void hugeExponentsInIdsAreInvalidQuickly(String body) {
    ProcessingResult result = send(body);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.message()).startsWith("the number at /").contains("; the limits are 100 digits and exponents up to 100");
    assertThat(store.size()).isZero();
  }

  @Test
  void theErrorNamesWhereTheNumberIs() {
    assertThat(send("{\"ticket\":{\"id\":1e999999,\"status_id\":1}}").message())
        .startsWith("the number at /ticket/id has the exponent 999999;");
    assertThat(send("{\"ticket\":{\"id\":" + "9".repeat(101) + ",\"status_id\":1}}").message())
        .startsWith("the number at /ticket/id has 101 digits;");
  }

  @Test
  void idsAtTheLimitsAreReadAsOneSpelling() {
    String hundredDigits = "9".repeat(100);

    assertThat(send("{\"ticket\":{\"id\":" + hundredDigits + ",\"status_id\":1}}").ticketId()).contains(hundredDigits);
    assertThat(send("{\"ticket\":{\"id\":\"" + hundredDigits + ".000\",\"status_id\":1}}").outcome())
        .as("the same key, spelt as a string").isEqualTo(Outcome.UNCHANGED);
    assertThat(send("{\"ticket\":{\"id\":1e100,\"status_id\":1}}").ticketId()).contains("1" + "0".repeat(100));
    assertThat(send("{\"ticket\":{\"id\":1.5e-100,\"status_id\":1}}").message())
        .isEqualTo("\"id\": expected a ticket id such as 4812 at /ticket/id, got 0." + "0".repeat(99) + "15");
  }

  @Test
  void aStringIdOfAStringOfAMillionDigitsIsRefusedByTheKeyLimitQuickly() {
    ProcessingResult result = send("{\"ticket\":{\"id\":\"" + "7".repeat(1_000_000) + "\",\"status_id\":1}}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo(
        "the ticket id is 1000000 characters long; the limit is 255 (maxAlertKeyChars)");
  }

  @Test
  void fieldsConvertNumbersAtTheLimitsWithoutBlowingUp() {
    BigDecimal large = new BigDecimal("9." + "9".repeat(99) + "e100");
    BigDecimal small = new BigDecimal("-1e-100");
    Fields fields = Fields.of(java.util.Map.of("large", large, "small", small, "integer", new BigInteger("9".repeat(100)),
        "exact", new BigDecimal("1.000e100")), "/ticket");

    assertThat(fields.text("large")).hasValueSatisfying(text -> assertThat(text).hasSize(101).matches("9{100}0"));
    assertThat(fields.text("small")).hasValue("-0." + "0".repeat(99) + "1");
    assertThat(Fields.idText(large)).hasSize(101);
    assertThat(Fields.idText(small)).isNull();
    assertThat(Fields.idText(fields.get("exact"))).isEqualTo("1" + "0".repeat(100));
    assertThat(Fields.numericId(large)).as("beyond a long").isEmpty();
    assertThat(Fields.numericId(fields.get("integer"))).isEmpty();
    assertThat(Fields.seen(small)).hasSize(103);
  }

  @Test
  void numericStringsOfAMillionDigitsAreReadAsTextInOnePass() {
    String digits = "-" + "0".repeat(500_000) + "42." + "0".repeat(500_000);

    String id = assertTimeoutPreemptively(QUICKLY, () -> Fields.idText(digits));

    assertThat(id).isEqualTo("-42");
    assertThat(assertTimeoutPreemptively(QUICKLY, () -> Fields.idText("9".repeat(1_000_000)))).hasSize(1_000_000);
    assertThat(assertTimeoutPreemptively(QUICKLY, () -> Fields.numericId("9".repeat(1_000_000)))).isEmpty();
    assertThat(Fields.idText("1." + "0".repeat(999_999) + "1")).as("a fraction is no id").isNull();
  }

  @Property(tries = 2000)
  void numericStringsGiveWhatBigDecimalGives(@ForAll @StringLength(min = 1, max = 12) @NumericChars
      @Chars({'0', '0', '.', '-', '+'}) String text) {
    String expected;
    if (!text.matches("[+-]?\\d+(\\.\\d+)?")) {
      expected = text.strip();
    } else {
      try {
        expected = new BigDecimal(text).toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        expected = null;
      }
    }

    assertThat(Fields.idText(text)).isEqualTo(expected);
  }

  @Test
  void oneTicketAlternatingNewAndClosedYieldsAtMostOneEventPerElement() {
    String flapping = IntStream.range(0, Limits.DEFAULT_MAX_BATCH_ELEMENTS)
        .mapToObj(i -> "{\"event\":\"status\",\"ticket\":{\"id\":4812,\"status_id\":" + (i % 2 == 0 ? 1 : 9) + "}}")
        .collect(Collectors.joining(",", "[", "]"));

    ProcessingResult result = send(flapping);

    assertThat(result.items()).hasSize(100);
    assertThat(result.events()).hasSizeLessThanOrEqualTo(100);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void oneTicketAlternatingThousandsOfTimesIsRefusedWhole() {
    String flapping = IntStream.range(0, 10_000)
        .mapToObj(i -> "{\"id\":4812,\"status\":" + (i % 2 == 0 ? 1 : 9) + "}")
        .collect(Collectors.joining(",", "[", "]"));
    assertThat(flapping.length()).isLessThan(Limits.DEFAULT_MAX_BODY_BYTES);

    ProcessingResult result = send(flapping);

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.httpStatus()).isEqualTo(413);
    assertThat(result.message()).isEqualTo("the delivery holds 10000 ticket events; the limit is 100 (maxBatchElements)");
    assertThat(result.events()).isEmpty();
    assertThat(store.size()).isZero();
  }
}
