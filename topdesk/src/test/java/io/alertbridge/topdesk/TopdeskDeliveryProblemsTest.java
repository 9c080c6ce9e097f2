package io.alertbridge.topdesk;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Misconfigured action sequences, as the sender and a support engineer see them. */
class TopdeskDeliveryProblemsTest {
  private static final AlertSource SOURCE = AlertSource.of("topdesk-prod", TopdeskIntegration.NAME);

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new TopdeskIntegration()))
      .clock(TestClock.at("2025-04-14T06:32:36Z")).build();

  @Test
  void answers400SuggestingTheEscapeCheckboxWhenAQuoteBreaksTheBody() {
    ProcessingResult result = processor.process(SOURCE, json(
        "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 121\", \"summary\": \"Melding \"Schijf vol\" op fs01\"}"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.message())
        .startsWith("body is not valid JSON: ")
        .contains("(line 1, column 74)")
        .endsWith("; if a ticket field can hold a quote or a backslash, tick \"Escape values inserted into body\""
            + " in the HTTP request step of the TOPdesk action sequence");
  }

  @Test
  void createsTheAlertButFlagsAnUnsubstitutedSummaryInTheExplanation() {
    ProcessingResult result = processor.process(SOURCE, json(
        "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 123\", \"summary\": \"${korte_omschrijving}\"}"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().map(AlertEvent::summary)).contains("${korte_omschrijving}");
    assertThat(result.explanation().notes()).containsExactly("summary holds the unsubstituted variable"
        + " ${korte_omschrijving}, which TOPdesk did not fill in; check the variable in the action sequence's body");
    assertThat(result.explanation().toText()).contains("note:     summary holds the unsubstituted variable");
  }

  @Test
  void keepsIncidentNumbersThatDifferOnlyInSpacingOrCaseApart() {
    ProcessingResult first = processor.process(SOURCE, json("{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 117\"}"));
    ProcessingResult second = processor.process(SOURCE, json("{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504  117\"}"));
    ProcessingResult third = processor.process(SOURCE, json("{\"eventType\": \"ALERT\", \"incidentKey\": \"i 2504 117\"}"));

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(third.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.ticketId()).contains("I 2504  117");
  }

  @Test
  void answers415ForABodyNotSentAsJson() {
    ProcessingResult result = processor.process(SOURCE, Delivery.of(Headers.of("Content-Type", "text/plain"),
        "{}".getBytes(StandardCharsets.UTF_8)));

    assertThat(result.outcome()).isEqualTo(Outcome.UNSUPPORTED_MEDIA_TYPE);
  }
}
