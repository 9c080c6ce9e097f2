package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.HostileInputCheck;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile Halo bodies of 1 MiB cost no more than a small multiple of a normal body of the same size, in
 * CPU time and in allocation: nothing here is super-linear in the body.
 */
class HaloBoundedCostTest {
  /** Just under the default body limit of 1 MiB. */
  static final int SIZE = Limits.DEFAULT_MAX_BODY_BYTES - 1024;
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
  private static final WebhookProcessor PROCESSOR = Halo.processor();

  private static final HostileInputCheck CHECK = new HostileInputCheck("HaloITSM", PROCESSOR, Halo.SOURCE, new HaloParser(), TestClock.at("2025-11-18T12:00:00Z"),
      ALLOCATION_FACTOR);

  @BeforeAll
  static void measureANormalBody() {
    Delivery delivery = normalBody();
    assertThat(CHECK.measureNormal(delivery).outcome()).isEqualTo(Outcome.CREATED);
  }

  /** A full ticket with long HTML details and many custom fields, as {@code {"ticket": <<ticket>>}} sends it. */
  static Delivery normalBody() {
    StringBuilder details = new StringBuilder();
    String paragraph = "<p>Datto RMM alert: disk usage 96.2% on <b>SRV-FS01</b><br>Site: Z&uuml;rich HQ &amp; DR"
        + "<br>Threshold: 95%</p>\\r\\n";
    while (details.length() < SIZE / 2) {
      details.append(paragraph);
    }
    StringBuilder body = new StringBuilder(SIZE).append("{\"ticket\":{\"id\":4812,\"dateoccurred\":")
        .append("\"2025-11-18T08:42:17.303\",\"summary\":\"Disk C: on SRV-FS01 above 95%\",\"details\":\"")
        .append(details).append("\",\"status\":{\"id\":1,\"name\":\"New\"},\"priority\":{\"id\":1,\"name\":")
        .append("\"Critical\"},\"client_name\":\"Contoso AG\",\"site_name\":\"Zurich HQ\",\"team\":\"1st Line\",")
        .append("\"agent\":{\"id\":7,\"name\":\"Unassigned\"},\"lastactiondate\":\"2025-11-18T08:42:17.303\",")
        .append("\"customfields\":[");
    for (int i = 0; body.length() < SIZE - 200; i++) {
      body.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"CFAsset").append(i)
          .append("\",\"value\":\"SRV-FS01\",\"display\":\"SRV-FS01 (Zurich)\"}");
    }
    return body(body.append("]}}"));
  }

  static Delivery body(CharSequence body) {
    Delivery delivery = Deliveries.json(body.toString());
    assertThat(delivery.body().length).as("body size").isBetween(SIZE - 200_000, Limits.DEFAULT_MAX_BODY_BYTES);
    return delivery;
  }

  /** @return a small ticket whose member {@code name} is the string {@code piece} repeated to fill the body */
  private static Delivery filled(String name, String piece) {
    StringBuilder value = new StringBuilder(SIZE);
    while (value.length() < SIZE - 300) {
      value.append(piece);
    }
    return withString(name, value.toString());
  }

  /** @return a small ticket whose member {@code name} is the string {@code value} */
  private static Delivery withString(String name, String value) {
    return withValue(name, '"' + value + '"');
  }

  /** @return a small ticket whose member {@code name} is the JSON {@code value} */
  private static Delivery withValue(String name, String value) {
    StringBuilder body = new StringBuilder(SIZE).append("{\"ticket\":{");
    if (!name.equals("id")) {
      body.append("\"id\":4812,");
    }
    if (!name.equals("status") && !name.equals("status_id")) {
      body.append("\"status\":{\"id\":1,\"name\":\"New\"},");
    }
    return body(body.append("\"summary\":\"Disk C: full\",\"").append(name).append("\":").append(value).append("}}"));
  }

  /** @return a small ticket with the member {@code name} holding an array of {@code element(i)} to fill the body */
  private static Delivery array(String name, IntFunction<String> element) {
    StringBuilder body = new StringBuilder(SIZE).append("{\"ticket\":{\"id\":4812,\"status\":{\"id\":1},\"")
        .append(name).append("\":[");
    for (int i = 0; body.length() < SIZE - 5000; i++) {
      body.append(i == 0 ? "" : ",").append(element.apply(i));
    }
    return body(body.append("]}}"));
  }

  static ProcessingResult assertBounded(String what, Delivery hostile) {
    return assertBounded(what, hostile, CPU_FACTOR);
  }

  static ProcessingResult assertBoundedStructure(String what, Delivery hostile) {
    return assertBounded(what, hostile, STRUCTURE_CPU_FACTOR);
  }

  /** Measures first, so that a super-linear input fails within the meter's budget rather than hanging. */
  private static ProcessingResult assertBounded(String what, Delivery hostile, double cpuFactor) {
    return CHECK.assertBounded(what, hostile, cpuFactor);
  }

  @Test
  void htmlOfTagStartsWithoutAnEnd() {
    for (String piece : new String[] {"<a", "<", "</", "<!", "<!--", "<b <i ", "<script", "<p"}) {
      ProcessingResult result = assertBounded("details of " + piece + " without >", filled("details", piece));

      assertThat(result.outcome()).as(piece).isEqualTo(Outcome.CREATED);
    }
  }

  @Test
  void htmlOfManyTags() {
    for (String piece : new String[] {"<a>", "<br>", "<p>x", "</td>", "<!---->", "<b>&amp;</b>", "x\\r\\n", "x\\n \\n"}) {
      assertThat(assertBounded("details of " + piece, filled("details", piece)).outcome()).as(piece)
          .isEqualTo(Outcome.CREATED);
    }
  }

  @Test
  void htmlOfScriptsWithoutTheirEnd() {
    assertBounded("details of <script> and </scrip", filled("details", "<script></scrip"));
    assertBounded("details of <style>", filled("details", "<style>"));
    assertBounded("details of one <script> then </script without >", withString("details", "<script>"
        + "</script".repeat((SIZE - 300) / 8)));
  }

  @Test
  void htmlOfEntities() {
    for (String piece : new String[] {"&", "&#", "&#x", "&#99999999;", "&amp", "&nbsp;"}) {
      assertBounded("details of " + piece, filled("details", piece));
    }
  }

  @Test
  void aNumericStringIdOfAMillionDigitsIsRefusedQuickly() {
    ProcessingResult result = assertBounded("an id of a million digits in a string", filled("id", "9"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).endsWith("(maxAlertKeyChars)");
  }

  @Test
  void numericStringsOfAMillionDigitsElsewhereAreQuick() {
    assertBounded("an id of zeros with a fraction of zeros",
        withString("id", "-" + "0".repeat(SIZE / 2) + "1." + "0".repeat(SIZE / 2 - 400)));
    assertBounded("a status of a million digits", filled("status", "7"));
    assertBounded("a status_id of a million digits", filled("status_id", "7"));
    assertBounded("a priority of a million digits", filled("priority", "1"));
    assertBounded("a priority_id of a million digits", filled("priority_id", "1"));
    assertBounded("hasbeenclosed of a million digits", filled("hasbeenclosed", "1"));
  }

  @Test
  void longDatesAreRefusedWithoutParsing() {
    ProcessingResult result = assertBounded("a lastactiondate of 1 MiB", filled("lastactiondate", "2025-11-18T08:42:17"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("lastactiondate").hasSizeLessThan(300);
  }

  @Test
  void aHugeFlagObjectIsNotWrittenOut() {
    ProcessingResult result = assertBoundedStructure("hasbeenclosed as a large object",
        array("hasbeenclosed", i -> "{\"closed\":[true,false,\"true\"]}"));

    assertThat(result.outcome()).as("refused while read, by maxJsonValues").isEqualTo(Outcome.TOO_LARGE);
  }

  @Test
  void nestingUpToTheLimit() {
    int depth = Limits.DEFAULT_MAX_NESTING_DEPTH - 4;
    assertBoundedStructure("arrays nested " + depth + " deep", array("nest", i -> "[".repeat(depth) + "]".repeat(depth)));
    String nested = "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    assertBoundedStructure("objects nested " + depth + " deep", array("nest", i -> nested));
  }

  @Test
  void numbersAtTheDigitAndExponentLimits() {
    String digits = "9".repeat(Limits.DEFAULT_MAX_NUMBER_DIGITS);
    ProcessingResult result = assertBoundedStructure("numbers of 100 digits and exponent 100",
        array("customfields", i -> i % 2 == 0 ? digits : "-9." + digits.substring(1) + "e-100"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void manyMembersMakeEveryLookUpScanThem() {
    StringBuilder body = new StringBuilder("{\"ticket\":{\"id\":4812,\"status_id\":1");
    for (int i = 0; body.length() < SIZE - 100; i++) {
      body.append(",\"f").append(i).append("\":0");
    }
    ProcessingResult result = assertBoundedStructure("a ticket of many members", body(body.append("}}")));

    assertThat(result.outcome()).as("refused while read, by maxJsonValues").isEqualTo(Outcome.TOO_LARGE);
  }

  @Test
  void aBatchOf44000MinimalTicketsIsRefusedWhole() {
    StringBuilder batch = new StringBuilder(SIZE).append('[');
    for (int i = 0; i < 44_000; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"id\":").append(i % 1000).append(",\"status\":").append(i % 2 == 0 ? 1 : 9)
          .append('}');
    }
    ProcessingResult result = assertBoundedStructure("an array of 44000 minimal tickets", body(batch.append(']')));

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.httpStatus()).isEqualTo(413);
    assertThat(result.message()).as("its 220,000 values are refused while read, before the batch is counted")
        .startsWith("body holds more than 50000 JSON values (maxJsonValues)");
    assertThat(result.events()).isEmpty();
  }
}
