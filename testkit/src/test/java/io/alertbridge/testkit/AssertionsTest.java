package io.alertbridge.testkit;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.example.Deliveries;
import io.alertbridge.core.example.ExampleIntegration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AssertionsTest {
  private final TestClock clock = TestClock.at("2025-03-04T09:15:00Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
      .clock(clock).build();
  private final AlertSource source = AlertSource.of("desk", "example");

  @Test
  void passWhenTheResultMatches() {
    ProcessingResult created = processor.process(source,
        Deliveries.json("{\"id\": \"1\", \"status\": \"New\", \"summary\": \"Disk full\", \"priority\": \"Urgent\", \"team\": \"Ops\"}"));

    assertThat(created).isCreated().hasHttpStatus(202).hasTicketId("1").hasState(AlertState.PENDING)
        .hasEventType(EventType.ALERT).hasPriority(Priority.HIGH).hasSummary("Disk full");
    assertThat(created).hasEvent().hasCustomDetail("team", "Ops").hasTicketStatus("New").isNotTruncated();
    assertThat(processor.process(source, Deliveries.json("{\"id\": \"9\", \"status\": \"Closed\"}")))
        .isRejected().hasNoState().hasNoEvent();
  }

  @Test
  void failuresShowTheExplanation() {
    ProcessingResult unchanged = processor.process(source, Deliveries.json("{\"id\": \"1\", \"status\": \"Info\"}"));

    assertThatThrownBy(() -> assertThat(unchanged).isCreated())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected outcome CREATED but was UNCHANGED")
        .hasMessageContaining("row:      row 4 [Info] -> IGNORE / KEEP");
    assertThatThrownBy(() -> assertThat(unchanged).hasPriority(Priority.LOW))
        .hasMessageContaining("expected an event but there was none (outcome UNCHANGED)");
  }

  @Test
  void theClockMovesOnlyWhenTold() {
    clock.advance(Duration.ofMinutes(5));

    org.assertj.core.api.Assertions.assertThat(clock.instant()).hasToString("2025-03-04T09:20:00Z");
    org.assertj.core.api.Assertions.assertThat(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")).instant())
        .isEqualTo(clock.instant());
  }
}
