package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.HostileInputCheck;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile trigger bodies of 1 MiB cost no more than a small multiple of a normal body of the same size,
 * in CPU time and in allocation: nothing here is super-linear in the body.
 */
class ZendeskBoundedCostTest {
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
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:02Z");
  private static final Secret SECRET = Secret.of("webhook-signing-secret");
  private static final AlertSource SOURCE = AlertSource.builder("zendesk-prod", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(SECRET)).build();
  private static final TestClock CLOCK = TestClock.at(NOW);
  private static final WebhookProcessor PROCESSOR =
      WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration())).clock(CLOCK).build();

  private static final HostileInputCheck CHECK = new HostileInputCheck("Zendesk", PROCESSOR, SOURCE, new ZendeskIntegration().parser(), CLOCK,
      ALLOCATION_FACTOR);

  @BeforeAll
  static void measureANormalBody() {
    Delivery delivery = normalBody();
    assertThat(CHECK.measureNormal(delivery).outcome()).isEqualTo(Outcome.CREATED);
  }

  /** A long ticket: a long description, a long latest comment and many additional ticket details. */
  static Delivery normalBody() {
    StringBuilder description = new StringBuilder();
    String line = "Every checkout in the EU shop fails with HTTP 502 since the deploy at 09:02.\\n";
    while (description.length() < SIZE / 4) {
      description.append(line);
    }
    StringBuilder body = new StringBuilder(SIZE).append("{\"id\":\"4711\",\"title\":\"Checkout API returns 502\",")
        .append("\"description\":\"").append(description).append("\",\"via\":\"Web form\",\"status\":\"New\",")
        .append("\"priority\":\"Urgent\",\"requester_name\":\"Dana Whitfield\",\"group_name\":\"\",")
        .append("\"assignee_name\":\"\",\"account\":\"Acme Retail\",")
        .append("\"link\":\"https://acmeretail.zendesk.com/agent/tickets/4711\",")
        .append("\"latest_comment\":\"").append(description).append(" (seen again)\",")
        .append("\"additional_ticket_details\":{");
    for (int i = 0; body.length() < SIZE - 100; i++) {
      body.append(i == 0 ? "" : ",").append("\"custom_field_").append(i).append("\":\"EU checkout, store ")
          .append(i).append('"');
    }
    return signed(body.append("}}"));
  }

  private static Delivery signed(CharSequence body) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).as("body size").isBetween(SIZE - 200_000, Limits.DEFAULT_MAX_BODY_BYTES);
    Map<String, String> signature = ZendeskSigner.headers(SECRET, NOW, bytes);
    return Delivery.of(Headers.of("Content-Type", "application/json",
        ZendeskSigner.SIGNATURE_HEADER, signature.get(ZendeskSigner.SIGNATURE_HEADER),
        ZendeskSigner.TIMESTAMP_HEADER, signature.get(ZendeskSigner.TIMESTAMP_HEADER),
        ZendeskIntegration.INVOCATION_ID_HEADER, "01JB0INVOCATION"), bytes);
  }

  /** @return a small ticket whose field {@code name} is {@code piece} repeated to fill the body, then {@code end} */
  private static Delivery filled(String name, String piece, String end) {
    StringBuilder value = new StringBuilder(SIZE);
    while (value.length() < SIZE - 300) {
      value.append(piece);
    }
    return withField(name, value.append(end).toString());
  }

  /** @return a small ticket with the fields set to the values given, name, value, name, value, ... */
  private static Delivery withField(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "4711");
    fields.put("title", "Checkout API returns 502");
    fields.put("status", "New");
    fields.put("link", "https://acmeretail.zendesk.com/agent/tickets/4711");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    StringBuilder body = new StringBuilder(SIZE + 300).append('{');
    fields.forEach((field, text) -> body.append(body.length() > 1 ? "," : "").append('"').append(field)
        .append("\":\"").append(text).append('"'));
    return signed(body.append('}'));
  }

  /** @return a small ticket with the custom detail {@code name} holding an array of {@code element(i)} */
  private static Delivery array(String name, IntFunction<String> element) {
    StringBuilder body = new StringBuilder(SIZE).append("{\"id\":4711,\"status\":\"New\",\"" + name + "\":[");
    for (int i = 0; body.length() < SIZE - 5000; i++) {
      body.append(i == 0 ? "" : ",").append(element.apply(i));
    }
    return signed(body.append("]}"));
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
  void manyPlaceholderStartsInEveryTextField() {
    for (String field : new String[] {"title", "description", "link", "status", "priority"}) {
      ProcessingResult result = assertBounded(field + " of {{ without }}", filled(field, "{{", ""));

      assertThat(result.outcome()).as(field).isEqualTo(Outcome.CREATED);
    }
  }

  @Test
  void manyPlaceholderStartsInTheId() {
    ProcessingResult result = assertBounded("id of {{ without }}", filled("id", "{{", ""));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).endsWith("(maxAlertKeyChars)");
  }

  @Test
  void placeholderStartsEachFollowedByOneBrace() {
    ProcessingResult result = assertBounded("title of {{a}", filled("title", "{{a}", "}"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().notes()).anySatisfy(note -> assertThat(note).startsWith("title holds {{a}}"));
  }

  @Test
  void manyPlaceholdersAreNotedOncePerField() {
    ProcessingResult result = assertBounded("description of {{ticket.id}}", filled("description", "{{ticket.id}}", ""));

    assertThat(result.explanation().notes()).filteredOn(note -> note.contains("placeholder")).singleElement()
        .asString().startsWith("description holds {{ticket.id}}, a placeholder");
  }

  @Test
  void oneHugePlaceholderIsShownCut() {
    ProcessingResult result = assertBounded("title of one huge {{...}}",
        withField("title", "{{" + "x".repeat(SIZE - 300) + "}}"));

    assertThat(result.explanation().notes()).filteredOn(note -> note.contains("placeholder")).singleElement()
        .asString().startsWith("title holds {{xxx").contains("x\u2026,").hasSizeLessThan(200);
  }

  @Test
  void aHugeIdPlaceholderIsRefusedBriefly() {
    ProcessingResult result = assertBounded("id of one huge {{...}}", withField("id", "{{" + "x".repeat(SIZE - 300) + "}}"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("a placeholder Zendesk did not fill in").hasSizeLessThan(400);
  }

  @Test
  void aHugeUpdatedAtIsDroppedBriefly() {
    ProcessingResult result = assertBounded("updated_at of 1 MiB", filled("updated_at", "2025-03-04T09:15:02Z", ""));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().notes()).filteredOn(note -> note.startsWith("updated_at holds")).singleElement()
        .asString().contains("\u2026\", not an ISO-8601 time").hasSizeLessThan(400);
  }

  @Test
  void aDescriptionOfBlankLinesGivesTheSummary() {
    String blankLines = " \\n".repeat((SIZE - 300) / 3);
    ProcessingResult result = assertBounded("description of blank lines",
        withField("title", "", "description", blankLines + "Checkout fails"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().summary()).isEqualTo("Checkout fails");
  }

  @Test
  void nestingUpToTheLimit() {
    int depth = Limits.DEFAULT_MAX_NESTING_DEPTH - 2;
    ProcessingResult result = assertBoundedStructure("arrays nested " + depth + " deep",
        array("nest", i -> "[".repeat(depth) + "]".repeat(depth)));

    assertThat(result.outcome()).as("refused while read, by maxJsonValues").isEqualTo(Outcome.TOO_LARGE);
  }

  @Test
  void objectsNestedUpToTheLimitInTheAdditionalDetails() {
    int depth = Limits.DEFAULT_MAX_NESTING_DEPTH - 3;
    String nested = "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    StringBuilder body = new StringBuilder(SIZE).append("{\"id\":4711,\"status\":\"New\",\"additional_ticket_details\":{");
    for (int i = 0; body.length() < SIZE - 5000; i++) {
      body.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(nested);
    }
    assertBoundedStructure("objects nested " + depth + " deep", signed(body.append("}}")));
  }

  @Test
  void numbersAtTheDigitAndExponentLimits() {
    String digits = "9".repeat(Limits.DEFAULT_MAX_NUMBER_DIGITS);
    ProcessingResult result = assertBoundedStructure("numbers of 100 digits and exponent 100",
        array("numbers", i -> i % 2 == 0 ? digits : "-9." + digits.substring(1) + "e100"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void numericTextFieldsAtTheLimits() {
    ProcessingResult result = assertBounded("a title of 1e-100", signed("{\"id\":4711,\"status\":\"New\",\"title\":1e-100,"
        + "\"description\":-9." + "9".repeat(99) + "e100,\"pad\":\"" + "x".repeat(SIZE - 400) + "\"}"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().summary()).hasSize(102);
  }

  @Test
  void manyShortCustomFields() {
    StringBuilder body = new StringBuilder("{\"id\":4711,\"status\":\"New\"");
    for (int i = 0; body.length() < SIZE - 100; i++) {
      body.append(",\"").append(i).append("\":0");
    }
    assertBoundedStructure("many short custom fields", signed(body.append('}')));
  }

  @Test
  void longFieldNames() {
    String name = "k".repeat(100_000);
    StringBuilder body = new StringBuilder("{\"id\":4711,\"status\":\"New\"");
    for (int i = 0; body.length() < SIZE - 110_000; i++) {
      body.append(",\"").append(i).append(name).append("\":\"{{\"");
    }
    assertBounded("long field names", signed(body.append('}')));
  }
}
