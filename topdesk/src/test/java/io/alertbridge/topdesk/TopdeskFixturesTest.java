package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.topdesk.testing.TopdeskDeliveries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorded action-sequence bodies next to {@link TopdeskDeliveries}, one scenario each, asserted in full. */
class TopdeskFixturesTest {
  private static final AlertSource SOURCE = AlertSource.of("topdesk-prod", TopdeskIntegration.NAME);

  private final TestClock clock = TestClock.at("2025-04-14T06:32:36Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new TopdeskIntegration()))
      .clock(clock).stateStore(store).build();

  private ProcessingResult send(String fixture) {
    return processor.process(SOURCE, Fixtures.of(TopdeskDeliveries.class).delivery(fixture));
  }

  private static AlertEvent alert(String key, String summary, Map<String, Object> customDetails) {
    return new AlertEvent("", "", EventType.ALERT, key, summary, "", Priority.HIGH, List.of(), customDetails, "topdesk-prod",
        "ALERT", Set.of());
  }

  @Test
  void createsAnAlertForANewCard() {
    ProcessingResult result = send("01-alert-new-card");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.httpStatus()).isEqualTo(202);
    assertThat(result.state()).contains(AlertState.PENDING);
    assertThat(result.event().orElseThrow()).usingRecursiveComparison().ignoringFields("eventId", "alertId").isEqualTo(alert("I 2504 117", "Mailserver reageert niet", Map.of()));
    assertThat(result.responseBody()).isEqualTo("{\"outcome\":\"CREATED\",\"alertKey\":\"I 2504 117\","
        + "\"state\":\"PENDING\",\"message\":\"status \\\"ALERT\\\": no open alert, so one is created\"}");
  }

  @Test
  void keepsEveryExtraFieldAsACustomDetailInOrder() {
    ProcessingResult result = send("02-alert-extra-fields");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("persoonid", "3f2c8a1e-5b7d-4c0e-9a61-2d8e4f7b9c10");
    expected.put("aanmeldernaam", "Jansen, Pieter");
    expected.put("aanmelderemail", "p.jansen@voorbeeld.nl");
    expected.put("ref_vestiging", "Hoofdkantoor Utrecht");
    expected.put("status", "2");
    expected.put("priorityid", "9b1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    expected.put("afhandelingstatusid", "c4e8a2f1-7d3b-4e9a-b6c5-1f2e3d4c5b6a");
    expected.put("ref_operatorgroup", "Netwerkbeheer");
    expected.put("omgeving", "productie");
    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow()).usingRecursiveComparison().ignoringFields("eventId", "alertId").isEqualTo(alert("I2504-118", "VPN-verbinding valt weg bij thuiswerkers", expected));
    assertThat(result.event().orElseThrow().customDetails()).containsExactlyEntriesOf(expected);
  }

  @Test
  void resolvesTheIncidentOfTheNewCardWhenItsCardIsClosed() {
    send("01-alert-new-card");

    ProcessingResult result = send("03-resolve-edit-card-closed");

    assertThat(result.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(result.httpStatus()).isEqualTo(202);
    assertThat(result.state()).contains(AlertState.RESOLVED);
    assertThat(result.event().orElseThrow()).usingRecursiveComparison().ignoringFields("eventId", "alertId").isEqualTo(new AlertEvent("", "", EventType.RESOLVE, "I 2504 117", "Mailserver reageert niet",
        "", Priority.HIGH, List.of(), Map.of(), "topdesk-prod", "RESOLVE", Set.of()));
  }

  @Test
  void answersARepeatedCloseWithUnchanged() {
    send("01-alert-new-card");
    send("03-resolve-edit-card-closed");

    ProcessingResult again = send("03-resolve-edit-card-closed");

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.httpStatus()).isEqualTo(200);
    assertThat(again.state()).contains(AlertState.RESOLVED);
    assertThat(again.event()).isEmpty();
  }

  @Test
  void keepsQuotesBackslashesAndDutchTextExactly() {
    ProcessingResult result = send("04-alert-quotes-and-dutch-text");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("aanmeldernaam", "M\u00fcller-\u00d6zt\u00fcrk, Zo\u00eb");
    expected.put("ref_vestiging", "Vestiging 's-Hertogenbosch");
    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow()).usingRecursiveComparison().ignoringFields("eventId", "alertId").isEqualTo(alert("I 2504 121",
        "Melding \"Schijf vol\" op \\\\fs01\\afdelingen \u2013 caf\u00e9 \u2018De Gouden Leeuw\u2019 \u20ac", expected));
    assertThat(result.event().orElseThrow().customDetails()).containsExactlyEntriesOf(expected);
  }

  @Test
  void fallsBackToTheKeyForAnEmptySummaryAndKeepsEmptyAndUnknownValues() {
    ProcessingResult result = send("05-alert-empty-values");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("persoonid", "");
    expected.put("aanmelderemail", "[Onbekend]");
    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow()).usingRecursiveComparison().ignoringFields("eventId", "alertId").isEqualTo(alert("I 2504 122", "I 2504 122", expected));
    assertThat(result.explanation().snapshot().orElseThrow().summary()).isEmpty();
  }

  @Test
  void rejectsAnIncidentKeyThatTopdeskDidNotSubstitute() {
    ProcessingResult result = send("06-alert-unresolved-placeholders");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.event()).isEmpty();
    assertThat(result.message()).isEqualTo("\"incidentKey\": expected an incident number at /incidentKey, got the"
        + " unsubstituted variable ${naam}, which TOPdesk did not fill in (such a key would merge every incident"
        + " into one alert); correct the variable in the action sequence's body");
    assertThat(store.size()).isZero();
  }
}
