package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.haloitsm.testing.HaloDeliveries;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A native webhook batch of two new tickets whose write fails: neither ticket is half applied. */
class HaloBatchFailureTest {
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final RecordingSink sink = new RecordingSink();
  private boolean failNextCommit = true;

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new HaloItsmIntegration()))
      .clock(TestClock.at("2025-11-18T12:00:00Z"))
      .stateStore(new ForwardingAlertStateStore(store) {
        @Override
        public boolean commit(List<AlertWrite> writes) {
          if (failNextCommit && writes.size() == 2) {
            failNextCommit = false;
            throw new IllegalStateException("deadlock detected on the second row");
          }
          return super.commit(writes);
        }
      })
      .eventSink(sink)
      .build();

  @Test
  void aBatchWhoseWriteFailsIsDecidedAfreshAndBothAlertsAreHandedOver() {
    Delivery batch = HaloDeliveries.envelopes("new ticket logged",
        HaloDeliveries.ticket(1, 1, "New"), HaloDeliveries.ticket(2, 1, "New"));

    assertThatThrownBy(() -> processor.process(Halo.SOURCE, batch)).isInstanceOf(StoreException.class);
    assertThat(store.size()).as("nothing of the batch is written").isZero();
    ProcessingResult retry = processor.process(Halo.SOURCE, batch);

    assertThat(retry.items()).extracting(ProcessingResult::outcome).containsExactly(Outcome.CREATED, Outcome.CREATED);
    assertThat(sink.applied()).extracting(AlertEvent::ticketId).containsExactly("1", "2");
  }
}
