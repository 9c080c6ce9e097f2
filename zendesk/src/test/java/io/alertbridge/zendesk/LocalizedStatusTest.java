package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code {{ticket.status}}} renders in the account's language: the default table knows the six statuses in each. */
class LocalizedStatusTest {
  private static final AlertSource SOURCE = AlertSource.of("zendesk-prod", ZendeskIntegration.NAME);
  private static final StatusMappingTable TABLE = new ZendeskIntegration().defaultTable();

  /** Per language: New, Open, Pending, On-hold, Solved, Closed. */
  static Stream<Arguments> languages() {
    return Stream.of(
        Arguments.of("en", new String[] {"New", "Open", "Pending", "On-hold", "Solved", "Closed"}),
        Arguments.of("es", new String[] {"Nuevo", "Abierto", "Pendiente", "En espera", "Resuelto", "Cerrado"}),
        Arguments.of("pt-br", new String[] {"Novo", "Aberto", "Pendente", "Em espera", "Resolvido", "Fechado"}),
        Arguments.of("fr", new String[] {"Nouveau", "Ouvert", "En attente", "En pause", "R\u00e9solu", "Clos"}),
        Arguments.of("de", new String[] {"Neu", "Offen", "Wartend", "Angehalten", "Gel\u00f6st", "Geschlossen"}),
        Arguments.of("nl", new String[] {"Nieuw", "Open", "In afwachting", "In de wacht", "Opgelost", "Gesloten"}),
        Arguments.of("it", new String[] {"Nuovo", "Aperto", "In attesa", "In sospeso", "Risolto", "Chiuso"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void eachLanguageMapsTheSixStatusesToTheEnglishRules(String language, String[] labels) {
    String[] english = {"New", "Open", "Pending", "On-hold", "Solved", "Closed"};
    for (int i = 0; i < labels.length; i++) {
      StatusMappingTable.Match localized = TABLE.match(CodedValue.of(labels[i]));
      assertThat(localized.index()).as(labels[i]).isNotNegative();
      assertThat(localized.rule()).as(labels[i]).isEqualTo(TABLE.match(CodedValue.of(english[i])).rule());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void matchesIgnoringCaseAndSpacing(String language, String[] labels) {
    for (String label : labels) {
      String upper = label.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
      assertThat(TABLE.match(CodedValue.of(upper)).index()).as(upper).isEqualTo(TABLE.match(CodedValue.of(label)).index());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void aSolvedTicketInTheAccountLanguageResolvesItsAlert(String language, String[] labels) {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
        .clock(TestClock.at("2025-03-04T09:15:02Z")).build();

    assertThat(send(processor, labels[4]).outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(send(processor, labels[1]).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(send(processor, labels[2]).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(send(processor, labels[0]).outcome()).isEqualTo(Outcome.UNCHANGED);
    ProcessingResult solved = send(processor, labels[4]);
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(solved.explanation().matchedRow()).hasValueSatisfying(row -> assertThat(row).contains(labels[4]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void closedMayNotCreateAnAlertInAnyLanguage(String language, String[] labels) {
    assertThat(TABLE.match(CodedValue.of(labels[5])).rule()).isEqualTo(LifecycleRule.of(
        LifecycleRule.WhenAbsent.REJECT, LifecycleRule.WhenOpen.RESOLVE));
    assertThat(TABLE.match(CodedValue.of("Ferm\u00e9")).rule()).isEqualTo(TABLE.match(CodedValue.of("Closed")).rule());
  }

  private static ProcessingResult send(WebhookProcessor processor, String status) {
    return processor.process(SOURCE, Deliveries.json("{\"id\": \"4711\", \"status\": \"" + status + "\"}"));
  }
}
