package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile action-sequence bodies of 1 MiB cost no more than a small multiple of a normal body of the
 * same size, in CPU time and in allocation: nothing here is super-linear in the body.
 */
class TopdeskBoundedCostTest {
  /** Just under the default body limit of 1 MiB. */
  private static final int SIZE = Limits.DEFAULT_MAX_BODY_BYTES - 1024;
  /** Hostile CPU time may be at most this multiple of the normal body's; quadratic work is 100x and more. */
  private static final double CPU_FACTOR = 5;
  /**
   * The CPU factor for bodies made only of small JSON values (many fields, nested containers, numbers, many
   * tickets). Every value costs the JSON reader and the snapshot a little, and the reader interns every
   * field name in the JVM's string table (about a microsecond each), so a body of 100,000 short fields costs
   * up to about 10x a body of text, linearly; 20x leaves room for a busy machine and is still far below
   * what a quadratic step costs at 1 MiB.
   */
  private static final double STRUCTURE_CPU_FACTOR = 20;
  /**
   * Hostile allocation may be at most this multiple: a body of nothing but nested brackets makes the JSON
   * reader build a list for every other byte, several times what a text body allocates, and no more.
   */
  private static final double ALLOCATION_FACTOR = 10;
  private static final AlertSource SOURCE = AlertSource.of("topdesk-prod", TopdeskIntegration.NAME);
  private static final TestClock CLOCK = TestClock.at("2025-04-14T06:32:36Z");
  private static final WebhookProcessor PROCESSOR =
      WebhookProcessor.builder(IntegrationRegistry.of(new TopdeskIntegration())).clock(CLOCK).build();

  private static final HostileInputCheck CHECK = new HostileInputCheck("TOPdesk", PROCESSOR, SOURCE, new TopdeskIntegration().parser(), CLOCK,
      ALLOCATION_FACTOR);

  @BeforeAll
  static void measureANormalBody() {
    Delivery delivery = normalBody();
    assertThat(CHECK.measureNormal(delivery).outcome()).isEqualTo(Outcome.CREATED);
  }

  /**
   * A busy incident: a long description and many filled-in custom fields, as an action sequence that
   * passes the whole card sends it.
   */
  static Delivery normalBody() {
    StringBuilder body = new StringBuilder(SIZE);
    body.append("{\"eventType\":\"ALERT\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mailserver reageert niet\",")
        .append("\"priority\":\"HIGH\",\"links\":[\"https://topdesk.example/tas/secure/incident?unid=1\"],")
        .append("\"details\":\"");
    String line = "Sinds 06:30 kunnen gebruikers op locatie Utrecht geen mail versturen; de wachtrij loopt op. ";
    while (body.length() < SIZE / 2) {
      body.append(line);
    }
    body.append('"');
    for (int i = 0; body.length() < SIZE - 100; i++) {
      body.append(",\"veld").append(i).append("\":\"Jansen, Pieter (afdeling ICT, kamer ").append(i).append(")\"");
    }
    return delivery(body.append('}'));
  }

  private static Delivery delivery(CharSequence body) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).as("body size").isBetween(SIZE - 200_000, Limits.DEFAULT_MAX_BODY_BYTES);
    return Delivery.of(Headers.of("Content-Type", "application/json"), bytes);
  }

  /** @return a body whose field {@code name} is {@code piece} repeated to fill the body */
  private static Delivery filled(String name, String piece) {
    return filled(name, piece, "");
  }

  /** @return a body whose field {@code name} is {@code piece} repeated to fill the body, then {@code end} */
  private static Delivery filled(String name, String piece, String end) {
    StringBuilder value = new StringBuilder(SIZE);
    while (value.length() < SIZE - 200) {
      value.append(piece);
    }
    return withField(name, value.append(end).toString());
  }

  /** @return a normal small body with the field {@code name} set to {@code value} */
  private static Delivery withField(String name, String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("eventType", "ALERT");
    fields.put("incidentKey", "I 2504 117");
    fields.put("summary", "Mailserver reageert niet");
    fields.put(name, value);
    StringBuilder body = new StringBuilder(SIZE + 200).append('{');
    fields.forEach((field, text) -> body.append(body.length() > 1 ? "," : "").append('"').append(field)
        .append("\":\"").append(text).append('"'));
    return delivery(body.append('}'));
  }

  /** @return a body with the custom detail {@code name} holding an array of {@code element(i)} to fill the body */
  private static Delivery array(String name, IntFunction<String> element) {
    StringBuilder body = new StringBuilder(SIZE).append(
        "{\"eventType\":\"ALERT\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mailserver\",\"" + name + "\":[");
    for (int i = 0; body.length() < SIZE - 5000; i++) {
      body.append(i == 0 ? "" : ",").append(element.apply(i));
    }
    return delivery(body.append("]}"));
  }

  /** Measures first, so that a super-linear input fails within the meter's budget rather than hanging. */
  private static ProcessingResult assertBounded(String what, Delivery hostile) {
    return assertBounded(what, hostile, CPU_FACTOR);
  }

  private static ProcessingResult assertBoundedStructure(String what, Delivery hostile) {
    return assertBounded(what, hostile, STRUCTURE_CPU_FACTOR);
  }

  private static ProcessingResult assertBounded(String what, Delivery hostile, double cpuFactor) {
    return CHECK.assertBounded(what, hostile, cpuFactor);
  }


  @Test
  void manyVariableStartsWithoutAnEndInTheDetails() {
    ProcessingResult result = assertBounded("details of ${ without }", filled("details", "${"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().notes()).noneMatch(note -> note.contains("unsubstituted"));
  }

  @Test
  void manyVariableStartsWithoutAnEndInTheIncidentKey() {
    ProcessingResult result = assertBounded("incidentKey of ${ without }", filled("incidentKey", "${"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("(maxAlertKeyChars)");
  }

  @Test
  void manyVariableStartsWithOneEndInTheSummary() {
    ProcessingResult result = assertBounded("summary of ${ and one }", filled("summary", "${", "}"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().notes()).filteredOn(note -> note.contains("unsubstituted")).singleElement()
        .asString()
        .startsWith("summary holds the unsubstituted variable ${${${").hasSizeLessThan(300);
  }

  @Test
  void manyVariablesInTheSummaryAreNotedBriefly() {
    ProcessingResult result = assertBounded("summary of many ${a}", filled("summary", "${a}"));

    assertThat(result.explanation().notes()).filteredOn(note -> note.contains("unsubstituted")).singleElement()
        .asString()
        .startsWith("summary holds the unsubstituted variables ${a}, ${a}, ${a}, ${a}, ${a} and ")
        .hasSizeLessThan(300);
  }

  @Test
  void manyVariablesInTheIncidentKeyAreRefusedBriefly() {
    ProcessingResult result = assertBounded("incidentKey of many ${a}", filled("incidentKey", "${a}"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("the unsubstituted variables ${a}, ${a}, ${a}, ${a}, ${a} and ")
        .hasSizeLessThan(600);
  }

  @Test
  void oneHugeVariableIsShownCut() {
    ProcessingResult result = assertBounded("summary of one huge ${...}",
        withField("summary", "${" + "x".repeat(SIZE - 300) + "}"));

    assertThat(result.explanation().notes()).filteredOn(note -> note.contains("unsubstituted")).singleElement()
        .asString().startsWith("summary holds the unsubstituted variable ${xxx").contains("x\u2026,")
        .hasSizeLessThan(300);
  }

  @Test
  void manyLinksWithVariables() {
    assertBounded("links of ${unid}", array("links", i -> "\"https://topdesk.example/${unid}\""));
  }

  @Test
  void manyLinkObjectsWithVariableStarts() {
    assertBounded("link objects of ${", array("links", i -> "{\"href\":\"${${${${${${\",\"text\":\"${\"}"));
  }

  @Test
  void nestingUpToTheLimit() {
    int depth = Limits.DEFAULT_MAX_NESTING_DEPTH - 2;
    String nested = "[".repeat(depth) + "]".repeat(depth);
    ProcessingResult result = assertBoundedStructure("arrays nested " + depth + " deep", array("nest", i -> nested));

    assertThat(result.outcome()).as("refused while read, by maxJsonValues").isEqualTo(Outcome.TOO_LARGE);
  }

  @Test
  void objectsNestedUpToTheLimit() {
    int depth = Limits.DEFAULT_MAX_NESTING_DEPTH - 2;
    String nested = "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    assertBoundedStructure("objects nested " + depth + " deep", array("nest", i -> nested));
  }

  @Test
  void numbersAtTheDigitAndExponentLimits() {
    String digits = "9".repeat(Limits.DEFAULT_MAX_NUMBER_DIGITS);
    ProcessingResult result = assertBoundedStructure("numbers of 100 digits and exponent 100",
        array("getallen", i -> i % 2 == 0 ? digits : "-1." + digits.substring(1) + "e-1"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aNumberBeyondTheLimitIsRefusedAtOnce() {
    ProcessingResult result = assertBounded("one number of 1 MiB digits", delivery(
        "{\"eventType\":\"ALERT\",\"incidentKey\":\"I 1\",\"getal\":" + "7".repeat(SIZE - 100) + "}"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).containsIgnoringCase("number");
  }

  @Test
  void manyShortCustomFields() {
    StringBuilder body = new StringBuilder("{\"eventType\":\"ALERT\",\"incidentKey\":\"I 1\"");
    for (int i = 0; body.length() < SIZE - 100; i++) {
      body.append(",\"").append(i).append("\":0");
    }
    assertBoundedStructure("many short custom fields", delivery(body.append('}')));
  }

  @Test
  void longFieldNames() {
    String name = "k".repeat(100_000);
    StringBuilder body = new StringBuilder("{\"eventType\":\"ALERT\",\"incidentKey\":\"I 1\"");
    for (int i = 0; body.length() < SIZE - 110_000; i++) {
      body.append(",\"").append(i).append(name).append("\":\"${\"");
    }
    assertBounded("long field names", delivery(body.append('}')));
  }

  @Test
  void aLongIncidentKeyIsRefusedByTheAlertKeyLimit() {
    ProcessingResult result = assertBounded("a 1 MiB incidentKey", filled("incidentKey", "I 2504 117 "));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).endsWith("; the limit is 255 (maxAlertKeyChars)");
  }
}
