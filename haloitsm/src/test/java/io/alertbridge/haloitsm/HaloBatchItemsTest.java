package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.TicketEvent;
import io.alertbridge.core.UnreadableTicketEvent;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A native webhook array with one bad element: that element is INVALID on its own, the others are decided. */
class HaloBatchItemsTest {
  private static final String GOOD = "{\"event\":\"new ticket logged\",\"object_id\":1,"
      + "\"ticket\":{\"id\":1,\"summary\":\"Disk full\",\"status\":{\"id\":1,\"name\":\"New\"}}}";
  private static final String BAD_STATUS = "{\"event\":\"new ticket logged\",\"object_id\":2,"
      + "\"ticket\":{\"id\":2,\"status\":[1]}}";
  private static final String GOOD_TOO = "{\"event\":\"new ticket logged\",\"object_id\":3,"
      + "\"ticket\":{\"id\":3,\"status\":{\"id\":1,\"name\":\"New\"}}}";

  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new HaloItsmIntegration()))
      .clock(TestClock.at("2025-11-18T12:00:00Z")).stateStore(store).build();

  @Test
  void theBadElementIsInvalidWithItsPointerAndTheGoodOnesAreCreated() {
    ProcessingResult result = processor.process(Halo.SOURCE, Halo.json("[" + GOOD + "," + BAD_STATUS + "," + GOOD_TOO + "]"));

    assertThat(result.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.INVALID, Outcome.CREATED);
    assertThat(result.items().get(1).ticketId()).contains("2");
    assertThat(result.items().get(1).message()).contains("/1/ticket/status");
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.events()).extracting(e -> e.ticketId()).containsExactly("1", "3");
    assertThat(store.read(new AlertKey(Halo.SOURCE.id(), "1")).map(a -> a.state())).contains(AlertState.PENDING);
    assertThat(store.read(new AlertKey(Halo.SOURCE.id(), "2"))).isEmpty();
  }

  @Test
  void anEnvelopeWithAnUnreadableTicketIsNamedByItsObjectIdAndOneWithoutATicketIsAReference() {
    List<TicketEvent> events = Halo.events(Halo.json("[" + GOOD
        + ",{\"id\":\"3f1c\",\"event\":\"ticket_status_changed\",\"object_id\":4243,\"webhook_id\":3,"
        + "\"ticket\":{\"status_id\":[]}}, 7,"
        + "{\"id\":\"3f1d\",\"event\":\"ticket_status_changed\",\"object_id\":4244,\"webhook_id\":3}]"));

    assertThat(events).hasSize(4);
    assertThat(events.get(1)).isInstanceOfSatisfying(UnreadableTicketEvent.class, bad -> {
      assertThat(bad.knownTicketId()).contains("4243");
      assertThat(bad.message()).contains("/1/ticket");
    });
    assertThat(events.get(3)).isEqualTo(new io.alertbridge.core.TicketReference("4244",
        java.util.Map.of("event", "ticket_status_changed")));
    assertThat(events.get(2)).isInstanceOfSatisfying(UnreadableTicketEvent.class,
        bad -> assertThat(bad.knownTicketId()).isEqualTo(Optional.empty()));
  }

  @Test
  void aBareTicketIsNamedByItsIdAndAnUnsubstitutedIdIsNot() {
    List<TicketEvent> events = Halo.events(Halo.json("[{\"id\":\"0042\",\"status\":[]},"
        + "{\"ticket\":{\"id\":\"<<id>>\",\"status_id\":1}}]"));

    assertThat(events).extracting(TicketEvent::ticketId).containsExactly("42", "");
  }

  @Test
  void aSingleBadObjectIsStillAnInvalidDelivery() {
    ProcessingResult result = processor.process(Halo.SOURCE, Halo.json(BAD_STATUS));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.items()).isEmpty();
    assertThat(result.ticketId()).isEmpty();
  }
}
