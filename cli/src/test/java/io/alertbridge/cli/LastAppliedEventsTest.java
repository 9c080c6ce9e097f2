package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LastAppliedEventsTest {
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final LastAppliedEvents sink = new LastAppliedEvents(store);
  private final WebhookProcessor processor = WebhookProcessor.builder(CliRunner.example()).stateStore(store)
      .clock(CliRunner.CLOCK).eventSink(sink).build();
  private final AlertSource source = AlertSource.builder("desk", "example").build();

  private ProcessingResult process(String id, String status) {
    String body = "{\"id\": \"" + id + "\", \"status\": \"" + status + "\"}";
    return processor.process(source, Delivery.builder(body.getBytes(StandardCharsets.UTF_8))
        .headers(Headers.of("Content-Type", "application/json")).build());
  }

  @Test
  void keepsTheLastEventAppliedPerAlertKey() {
    ProcessingResult created = process("1", "New");
    ProcessingResult accepted = process("1", "Working");
    process("1", "Open");
    ProcessingResult other = process("2", "New");

    assertThat(sink.last(new AlertKey("desk", "1"))).map(AlertEvent::eventId)
        .hasValue(accepted.event().orElseThrow().eventId());
    assertThat(sink.last(new AlertKey("desk", "1"))).map(AlertEvent::eventType).hasValue(EventType.ACCEPT);
    assertThat(sink.last(new AlertKey("desk", "2"))).map(AlertEvent::eventId)
        .hasValue(other.event().orElseThrow().eventId());
    assertThat(created.event().orElseThrow().eventId()).isNotEqualTo(accepted.event().orElseThrow().eventId());
    assertThat(sink.last(new AlertKey("other", "1"))).isEmpty();
  }

  @Test
  void forgetsTheKeysTheStoreHasForgotten() {
    process("1", "New");
    process("1", "Solved");
    process("2", "New");

    store.purgeExpired(CliRunner.CLOCK.instant().plus(Duration.ofDays(8)));
    sink.forgetUnstored();

    assertThat(sink.last(new AlertKey("desk", "1"))).isEmpty();
    assertThat(sink.last(new AlertKey("desk", "2"))).isPresent();
  }
}
