package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.core.example.RecordingSink;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A batch with elements the parser cannot read: those are INVALID items, the others are decided and committed. */
class UnreadableTicketEventTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);

  /** The example integration, reading each element of a batch on its own. */
  private static final class PerElement extends ExampleIntegration {
    @Override
    public DeliveryParser parser() {
      return (delivery, context) -> {
        Object parsed = Json.parse(delivery.body(), context.limits());
        if (!(parsed instanceof List<?> batch)) {
          return List.of(snapshot(JsonObject.root(parsed)));
        }
        context.checkBatchSize(batch.size());
        List<TicketEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          Object element = batch.get(i);
          try {
            if (!(element instanceof Map<?, ?>)) {
              throw new InvalidFieldException("/" + i, "an object", JsonObject.typeName(element));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) element;
            events.add(snapshot(JsonObject.of(map, "/" + i)));
          } catch (InvalidDeliveryException e) {
            Object id = element instanceof Map<?, ?> map ? map.get("id") : null;
            events.add(UnreadableTicketEvent.of(e, Optional.ofNullable(JsonObject.idText(id))));
          }
        }
        return events;
      };
    }
  }

  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final RecordingSink sink = new RecordingSink();
  private boolean failNextCommit;
  private boolean failAfterNextCommit;
  private boolean errorOnNextCommit;

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new PerElement()))
      .clock(MutableClock.at("2025-03-04T09:15:00Z")).deliveryLog(log).eventSink(sink)
      .stateStore(new ForwardingAlertStateStore(store) {
        @Override
        public boolean commit(List<AlertWrite> writes) {
          if (failNextCommit) {
            failNextCommit = false;
            throw new IllegalStateException("connection reset");
          }
          if (errorOnNextCommit) {
            errorOnNextCommit = false;
            throw new AssertionError("a bug in the store");
          }
          boolean committed = super.commit(writes);
          if (failAfterNextCommit) {
            failAfterNextCommit = false;
            throw new IllegalStateException("connection reset after the commit");
          }
          return committed;
        }
      })
      .build();

  private static Delivery delivery(String id, String body) {
    return Delivery.of(Headers.of("X-Delivery-Id", id), body.getBytes(StandardCharsets.UTF_8));
  }

  private static final String MIXED = "[{\"id\": 1, \"status\": \"New\"}, {\"id\": 2, \"status\": 7},"
      + " {\"id\": 3, \"status\": \"Open\"}]";

  @Test
  void theBadElementIsAnInvalidItemAndTheOthersAreDecidedAndCommitted() {
    ProcessingResult result = processor.process(SOURCE, delivery("b-1", MIXED));

    assertThat(result.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.INVALID, Outcome.CREATED);
    ProcessingResult bad = result.items().get(1);
    assertThat(bad.ticketId()).contains("2");
    assertThat(bad.message()).isEqualTo("\"status\": expected a string at /1/status, got number");
    assertThat(bad.state()).isEmpty();
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.responseBody()).contains("{\"outcome\":\"INVALID\",\"alertKey\":\"2\",\"state\":null,");
    assertThat(result.events()).extracting(AlertEvent::ticketId).containsExactly("1", "3");
    assertThat(sink.applied()).extracting(AlertEvent::ticketId).containsExactly("1", "3");
    assertThat(store.snapshot().keySet()).extracting(AlertKey::ticketId).containsExactlyInAnyOrder("1", "3");
    assertThat(log.contains(SOURCE.id(), "b-1", MutableClock.at("2025-03-04T09:15:00Z").instant())).isTrue();
  }

  @Test
  void theRetryIsDuplicateForTheGoodElementsAndStillInvalidForTheBadOne() {
    processor.process(SOURCE, delivery("b-1", MIXED));
    ProcessingResult retry = processor.process(SOURCE, delivery("b-1", MIXED));

    assertThat(retry.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.DUPLICATE, Outcome.INVALID, Outcome.DUPLICATE);
    assertThat(retry.httpStatus()).isEqualTo(400);
    assertThat(retry.events()).isEmpty();
    assertThat(sink.applied()).hasSize(2);
  }

  @Test
  void aFailedCommitWritesNothingAndTheRetryDecidesAfresh() {
    failNextCommit = true;

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("b-1", MIXED))).isInstanceOf(StoreException.class);
    assertThat(store.size()).isZero();
    ProcessingResult retry = processor.process(SOURCE, delivery("b-1", MIXED));

    assertThat(retry.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.INVALID, Outcome.CREATED);
    assertThat(sink.applied()).extracting(AlertEvent::ticketId).containsExactly("1", "3");
  }

  @Test
  void aStoreThatFailsRightAfterCommittingLosesNothingAndDecidesNothingTwice() {
    failAfterNextCommit = true;

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("b-1", MIXED))).isInstanceOf(StoreException.class);
    ProcessingResult retry = processor.process(SOURCE, delivery("b-1", MIXED));

    assertThat(retry.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.DUPLICATE, Outcome.INVALID, Outcome.DUPLICATE);
    assertThat(sink.applied()).extracting(AlertEvent::ticketId).containsExactly("1", "3");
    assertThat(store.snapshot().keySet()).extracting(AlertKey::ticketId).containsExactlyInAnyOrder("1", "3");
  }

  @Test
  void anErrorFromTheStoreWritesNothingAndTheRetryDecidesAfresh() {
    errorOnNextCommit = true;

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("b-1", MIXED))).isInstanceOf(StoreException.class);
    assertThat(store.size()).isZero();
    ProcessingResult retry = processor.process(SOURCE, delivery("b-1", MIXED));

    assertThat(retry.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.INVALID, Outcome.CREATED);
    assertThat(sink.applied()).extracting(AlertEvent::ticketId).containsExactly("1", "3");
  }

  @Test
  void aBatchOfNothingButUnreadableElementsIsInvalidAndRecordsNothing() {
    ProcessingResult result = processor.process(SOURCE, delivery("b-2", "[{\"id\": 1}, 42]"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.items()).extracting(ProcessingResult::message)
        .containsExactly("\"status\": expected a string at /0/status, got nothing",
            "\"1\": expected an object at /1, got number");
    assertThat(result.items()).extracting(ProcessingResult::ticketId).containsExactly(Optional.of("1"), Optional.empty());
    assertThat(store.size()).isZero();
    assertThat(log.contains(SOURCE.id(), "b-2", MutableClock.at("2025-03-04T09:15:00Z").instant())).isFalse();
  }

  @Test
  void explainAgreesWithProcess() {
    ProcessingResult explained = processor.explain(SOURCE, delivery("b-1", MIXED));
    ProcessingResult processed = processor.process(SOURCE, delivery("b-1", MIXED));

    assertThat(explained.items()).extracting(ProcessingResult::outcome)
        .isEqualTo(processed.items().stream().map(ProcessingResult::outcome).toList());
    assertThat(explained.message()).isEqualTo(processed.message());
  }

  @Test
  void aTicketIdOverTheLimitIsLeftOutOfTheAnswerWithoutSinkingTheBatch() {
    String longId = "9".repeat(Limits.defaults().maxAlertKeyChars() + 1);
    ProcessingResult result = processor.process(SOURCE, delivery("b-3",
        "[{\"id\": 1, \"status\": \"New\"}, {\"id\": \"" + longId + "\"}]"));

    assertThat(result.items()).extracting(ProcessingResult::outcome).containsExactly(Outcome.CREATED, Outcome.INVALID);
    assertThat(result.items().get(1).ticketId()).isEmpty();
  }

  @Test
  void theEventIsNullHostile() {
    assertThatThrownBy(() -> new UnreadableTicketEvent(null, "m")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new UnreadableTicketEvent("1", " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnreadableTicketEvent.of(null, Optional.empty())).isInstanceOf(NullPointerException.class);
    assertThat(UnreadableTicketEvent.of(new InvalidFieldException("/0/id", "an id", "nothing"), Optional.empty())
        .knownTicketId()).isEmpty();
  }
}
