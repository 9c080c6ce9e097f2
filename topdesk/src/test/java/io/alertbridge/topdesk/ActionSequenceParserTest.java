package io.alertbridge.topdesk;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Link;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.testkit.TestClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionSequenceParserTest {
  private static final ParseContext CONTEXT = new ParseContext(AlertSource.of("topdesk-prod", "topdesk"),
      Limits.defaults(), TestClock.at("2025-04-14T06:32:36Z"));

  private final ActionSequenceParser parser = new ActionSequenceParser();

  private TicketSnapshot parse(String body) {
    List<TicketSnapshot> snapshots = parser.parse(json(body), CONTEXT);
    assertThat(snapshots).hasSize(1);
    return snapshots.get(0);
  }

  private static String alert(String fields) {
    return "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 117\", " + fields + "}";
  }

  private void assertInvalid(String body, String message) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidFieldException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"ALERT, ALERT", "alert, ALERT", "Accept, ACCEPT", "rEsOlVe, RESOLVE"})
  void readsTheEventTypeIgnoringCaseAsTheStatus(String sent, String status) {
    TicketSnapshot snapshot = parse("{\"eventType\": \"" + sent + "\", \"incidentKey\": \"I 1\"}");

    assertThat(snapshot.status()).isEqualTo(CodedValue.of(status));
  }

  @Test
  void rejectsAnEventTypeOutsideTheAllowedValues() {
    assertInvalid("{\"eventType\": \"CLOSE\", \"incidentKey\": \"I 1\"}",
        "\"eventType\": expected one of ALERT, ACCEPT, RESOLVE at /eventType, got \"CLOSE\"");
    assertInvalid("{\"eventType\": 1, \"incidentKey\": \"I 1\"}",
        "\"eventType\": expected one of ALERT, ACCEPT, RESOLVE at /eventType, got number");
    assertInvalid("{\"eventType\": \"\", \"incidentKey\": \"I 1\"}",
        "\"eventType\": expected one of ALERT, ACCEPT, RESOLVE at /eventType, got an empty string");
    assertInvalid("{\"incidentKey\": \"I 1\"}",
        "\"eventType\": expected one of ALERT, ACCEPT, RESOLVE at /eventType, got nothing");
  }

  @Test
  void keepsTheIncidentNumberExactlyAsSent() {
    assertThat(parse("{\"eventType\": \"ALERT\", \"incidentKey\": \" i 2504  117 \"}").ticketId())
        .isEqualTo(" i 2504  117 ");
  }

  @Test
  void acceptsAlertKeyAsTheNewerNameOfIncidentKey() {
    assertThat(parse("{\"eventType\": \"ALERT\", \"alertKey\": \"I 2504 117\"}").ticketId()).isEqualTo("I 2504 117");
    assertThat(parse("{\"eventType\": \"ALERT\", \"incidentKey\": null, \"alertKey\": \"I 2504 117\"}").ticketId())
        .isEqualTo("I 2504 117");
    assertThat(parse(alert("\"alertKey\": \"I 2504 117\"")).ticketId()).isEqualTo("I 2504 117");
    assertThat(parse(alert("\"alertKey\": \"I 2504 117\"")).customDetails()).isEmpty();
  }

  @Test
  void rejectsAnAlertKeyThatDiffersFromTheIncidentKey() {
    assertInvalid(alert("\"alertKey\": \"I 2504  117\""),
        "\"alertKey\": expected the incident number in /incidentKey, \"I 2504 117\" at /alertKey, got \"I 2504  117\"");
  }

  @Test
  void rejectsAMissingEmptyOrMistypedKey() {
    assertInvalid("{\"eventType\": \"ALERT\"}", "\"incidentKey\": expected an incident number at /incidentKey, got nothing");
    assertInvalid("{\"eventType\": \"ALERT\", \"incidentKey\": \"\"}",
        "\"incidentKey\": expected an incident number at /incidentKey, got an empty string");
    assertInvalid("{\"eventType\": \"ALERT\", \"alertKey\": \"  \"}",
        "\"alertKey\": expected an incident number at /alertKey, got \"  \"");
    assertInvalid("{\"eventType\": \"ALERT\", \"incidentKey\": 2504117}",
        "\"incidentKey\": expected an incident number (a string) at /incidentKey, got number");
  }

  @Test
  void rejectsAKeyHoldingAVariableTopdeskDidNotSubstitute() {
    assertThatThrownBy(() -> parse("{\"eventType\": \"ALERT\", \"alertKey\": \"I ${nummer} / ${jaar}\"}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("\"alertKey\": expected an incident number at /alertKey, got the unsubstituted"
            + " variables ${nummer}, ${jaar}, which TOPdesk did not fill in");
  }

  @Test
  void keepsAnUnsubstitutedSummaryAndNotesIt() {
    TicketSnapshot snapshot = parse(alert("\"summary\": \"${korteomschrijving}\", \"details\": \"${verzoek}\","
        + " \"priority\": \"${prioriteit}\""));

    assertThat(snapshot.summary()).isEqualTo("${korteomschrijving}");
    assertThat(snapshot.details()).isEqualTo("${verzoek}");
    assertThat(snapshot.notes()).containsExactly(
        "summary holds the unsubstituted variable ${korteomschrijving}, which TOPdesk did not fill in;"
            + " check the variable in the action sequence's body",
        "details holds the unsubstituted variable ${verzoek}, which TOPdesk did not fill in;"
            + " check the variable in the action sequence's body",
        "priority holds the unsubstituted variable ${prioriteit}, which TOPdesk did not fill in;"
            + " check the variable in the action sequence's body");
  }

  @Test
  void readsDetailsAndPriorityAsTheAlertsOwnFields() {
    TicketSnapshot snapshot = parse(alert("\"summary\": \"Mail\", \"details\": \"Regel 1\\nRegel 2\", \"priority\": \"low\""));

    assertThat(snapshot.details()).isEqualTo("Regel 1\nRegel 2");
    assertThat(snapshot.priority()).contains(CodedValue.of("low"));
    assertThat(snapshot.customDetails()).isEmpty();
    assertThat(parse(alert("\"priority\": \"\"")).priority()).isEmpty();
  }

  @Test
  void rejectsASummaryThatIsNotAString() {
    assertInvalid(alert("\"summary\": 12"), "\"summary\": expected a string at /summary, got number");
  }

  @Test
  void readsLinksGivenAsStringsOrAsObjects() {
    TicketSnapshot snapshot = parse(alert("\"links\": [\"https://acme.topdesk.net/tas/secure/incident?unid=1\","
        + " {\"href\": \"https://wiki.acme.nl/mail\", \"text\": \"Runbook\"}, {\"href\": \"https://acme.nl\"}]"));

    assertThat(snapshot.links()).containsExactly(
        Link.of("https://acme.topdesk.net/tas/secure/incident?unid=1"),
        new Link("https://wiki.acme.nl/mail", "Runbook"),
        Link.of("https://acme.nl"));
  }

  @Test
  void leavesOutEmptyLinksAndNotesUnsubstitutedOnes() {
    TicketSnapshot snapshot = parse(alert("\"links\": [\"\", {\"href\": \"\", \"text\": \"Leeg\"},"
        + " \"https://acme.topdesk.net/incident/${unid}\"]"));

    assertThat(snapshot.links()).isEmpty();
    assertThat(snapshot.notes()).containsExactly("the link at /links/2 holds the unsubstituted variable ${unid},"
        + " which TOPdesk did not fill in; the link is left out");
  }

  @Test
  void rejectsLinksOfAnotherShape() {
    assertInvalid(alert("\"links\": \"https://acme.nl\""),
        "\"links\": expected an array of link addresses or of {\"href\", \"text\"} objects at /links, got string");
    assertInvalid(alert("\"links\": [42]"),
        "\"0\": expected a link address or an {\"href\", \"text\"} object at /links/0, got number");
    assertInvalid(alert("\"links\": [\"https://acme.nl\", {\"text\": \"Runbook\"}]"),
        "\"href\": expected a link address (a string) at /links/1/href, got nothing");
    assertInvalid(alert("\"links\": [{\"href\": \"https://acme.nl\", \"text\": 3}]"),
        "\"text\": expected a string at /links/0/text, got number");
  }

  @Test
  void keepsNonStringCustomDetailsAsPlainValues() {
    TicketSnapshot snapshot = parse(alert("\"aantal\": 3, \"bedrag\": 1.50, \"spoed\": true, \"leeg\": null,"
        + " \"object\": {\"naam\": \"Utrecht\"}, \"lijst\": [\"a\", 1]"));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("aantal", 3L);
    expected.put("bedrag", new BigDecimal("1.50"));
    expected.put("spoed", true);
    expected.put("leeg", null);
    expected.put("object", Map.of("naam", "Utrecht"));
    expected.put("lijst", List.of("a", 1L));
    assertThat(snapshot.customDetails()).containsExactlyEntriesOf(expected);
  }

  @Test
  void rejectsABodyThatIsNotAnObject() {
    assertInvalid("[{\"eventType\": \"ALERT\"}]", "expected a JSON object at /, got array");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 121\", \"summary\": \"Melding \"Schijf vol\" op fs01\"}",
      "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 121\", \"summary\": \"Share \\\\fs01\\afdelingen\"}",
      "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 121\", \"summary\": \"Regel 1\nRegel 2\"}",
      "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 121\", \"summary\": \"\", \"summary\": \"x\"}",
  })
  void suggestsTheEscapeCheckboxWhenTheBodyIsBroken(String body) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(MalformedDeliveryException.class)
        .hasMessageStartingWith("body is not valid JSON: ")
        .hasMessageEndingWith("; if a ticket field can hold a quote or a backslash, tick \"Escape values inserted"
            + " into body\" in the HTTP request step of the TOPdesk action sequence")
        .hasMessageNotContaining("Schijf vol");
  }

  @Test
  void blamesTheEncodingRatherThanEscapingForABodyThatIsNotUtf8() {
    byte[] latin1 = alert("\"summary\": \"caf\u00e9 \u00e0 la carte\"").getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> parser.parse(Delivery.of(Headers.of("Content-Type", "application/json"), latin1), CONTEXT))
        .isInstanceOf(MalformedDeliveryException.class)
        .hasMessageStartingWith("body is not valid JSON: ")
        .hasMessageEndingWith("; the body is not UTF-8 text");
  }

  @Test
  void doesNotBlameEscapingForAnEmptyBody() {
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(MalformedDeliveryException.class)
        .hasMessage("body is empty; expected a JSON value");
  }
}
