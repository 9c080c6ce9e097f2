package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that cannot be read are INVALID (400), with a message that names the field or the cause. */
class ZendeskDeliveryProblemsTest {
  private static final AlertSource SOURCE = AlertSource.of("zendesk-prod", ZendeskIntegration.NAME);

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(TestClock.at("2025-03-04T09:15:02Z")).build();

  private ProcessingResult send(String json) {
    return processor.process(SOURCE, Deliveries.json(json));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"status": "New"}                                  | "id": expected a non-empty string or an integer at /id, got nothing
      {"id": "", "status": "New"}                        | "id": expected a non-empty string or an integer at /id, got an empty string
      {"id": "  ", "status": "New"}                      | "id": expected a non-empty string or an integer at /id, got "  "
      {"id": null, "status": "New"}                      | "id": expected a non-empty string or an integer at /id, got null
      {"id": 47.5, "status": "New"}                      | "id": expected a non-empty string or an integer at /id, got number
      {"id": {"value": 1}, "status": "New"}              | "id": expected a non-empty string or an integer at /id, got object
      {"id": "4711"}                                     | "status": expected a ticket status such as New, Open, Pending, On-hold, Solved or Closed at /status, got nothing
      {"id": "4711", "status": 2}                        | "status": expected a ticket status such as New, Open, Pending, On-hold, Solved or Closed at /status, got number
      {"id": "4711", "status": ["Open"]}                 | "status": expected a ticket status such as New, Open, Pending, On-hold, Solved or Closed at /status, got array
      {"id": "4711", "status": ""}                       | "status": expected a ticket status such as New, Open, Pending, On-hold, Solved or Closed at /status, got an empty string
      {"id": "4711", "status": "New", "title": {}}       | "title": expected a string at /title, got object
      {"id": "4711", "status": "New", "priority": []}    | "priority": expected a string at /priority, got array
      ["4711", "New"]                                    | expected a JSON object at /, got array
      """)
  void namesTheFieldThatIsMissingOrOfTheWrongType(String body, String message) {
    ProcessingResult result = send(body);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.message()).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "December 12, 2013 05:35" | "December 12, 2013 05:35"
      "February 3, 2025"        | "February 3, 2025"
      1                         | number
      {"at": "2025-02-03"}      | object
      """)
  void dropsAnUpdateTimeItCannotOrderByAndSaysWhichPlaceholderToUse(String updatedAt, String seen) {
    ProcessingResult result = send("{\"id\": \"4711\", \"status\": \"New\", \"updated_at\": " + updatedAt + "}");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().notes()).containsExactly("updated_at holds " + seen + ", not an ISO-8601 time"
        + " such as 2013-12-12T05:35Z, so it does not order this delivery; use {{ticket.updated_at_with_timestamp}}"
        + " in the trigger's JSON body ({{ticket.updated_at}} renders a date for people)");
  }

  @Test
  void refusesAnIdPlaceholderThatWouldMergeEveryTicket() {
    ProcessingResult result = send("{\"id\": \"{{ticket.id}}\", \"status\": \"New\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("\"id\": expected a ticket id at /id, got \"{{ticket.id}}\", a placeholder"
        + " Zendesk did not fill in (such a key would merge every ticket into one alert); check {{ticket.id}} in the"
        + " trigger's JSON body");
  }

  @Test
  void pointsAtTheTemplateWhenAPlaceholderInsertedARawLineBreak() {
    ProcessingResult result = send("{\"id\": \"4711\", \"status\": \"New\",\n \"description\": \"line one\nline two\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).startsWith("body is not valid JSON: ").contains("(line 2, column ")
        .endsWith(TriggerBodyParser.TEMPLATE_HINT);
  }

  @Test
  void pointsAtTheTemplateWhenAPlaceholderInsertedAnUnescapedQuote() {
    ProcessingResult result = send("{\"id\": \"4711\", \"status\": \"New\", \"title\": \"Login says \"invalid_token\"\"}");

    assertThat(result.message()).startsWith("body is not valid JSON: ").endsWith(TriggerBodyParser.TEMPLATE_HINT)
        .contains("check the JSON body template of the Zendesk trigger's webhook action");
  }

  @Test
  void saysSoWhenTheBodyIsNotUtf8() {
    byte[] latin1 = "{\"id\": \"4711\", \"status\": \"New\", \"title\": \"Gr\u00fc\u00dfe\"}".getBytes(StandardCharsets.ISO_8859_1);

    ProcessingResult result = processor.process(SOURCE,
        Delivery.of(Headers.of("Content-Type", "application/json"), latin1));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).endsWith("; the body is not UTF-8 text");
  }

  @Test
  void givesNoTemplateHintForAnEmptyBodyOrADuplicateField() {
    ProcessingResult empty = send("");
    ProcessingResult twice = send("{\"id\": \"4711\", \"status\": \"New\", \"status\": \"Open\"}");

    assertThat(empty.message()).isEqualTo("body is empty; expected a JSON value");
    assertThat(twice.message()).startsWith("body is not valid JSON: duplicate key \"status\" at /status")
        .doesNotContain("template");
  }

  @Test
  void showsTheTicketIdWhenTheTicketHasNoTitleOrDescription() {
    ProcessingResult result = send("{\"id\": \"4711\", \"status\": \"New\", \"title\": \"\", \"description\": \"\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().summary()).isEqualTo("4711");
  }

  @Test
  void readsACharsetQualifiedJsonContentType() {
    Delivery delivery = Delivery.of(Headers.of("Content-Type", "application/json; charset=utf-8"),
        "{\"id\": \"4711\", \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(processor.process(SOURCE, delivery).outcome()).isEqualTo(Outcome.CREATED);
  }
}
