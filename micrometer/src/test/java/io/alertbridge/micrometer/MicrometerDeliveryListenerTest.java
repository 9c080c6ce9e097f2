package io.alertbridge.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MicrometerDeliveryListenerTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicBoolean storeDown = new AtomicBoolean();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
      .clock(TestClock.at("2025-03-04T09:15:00Z"))
      .stateStore(new ForwardingAlertStateStore(new InMemoryAlertStateStore()) {
        @Override
        public Optional<StoredAlert> read(AlertKey key) {
          if (storeDown.get()) {
            throw new StoreException("database unreachable");
          }
          return super.read(key);
        }
      })
      .listener(new MicrometerDeliveryListener(registry))
      .build();

  private Timer timer(String outcome) {
    return registry.find(MicrometerDeliveryListener.DELIVERIES)
        .tags("source", "service-desk", "integration", "example", "outcome", outcome).timer();
  }

  @Test
  void timesEveryDeliveryBySourceIntegrationAndOutcome() {
    processor.process(SOURCE, Deliveries.json("{\"id\": 1, \"status\": \"New\"}"));
    processor.process(SOURCE, Deliveries.json("{\"id\": 1, \"status\": \"New\"}"));
    processor.process(SOURCE, Deliveries.json("{\"id\": 2, \"status\": \"New\"}"));
    processor.process(SOURCE, Deliveries.json("{\"id\": 3}"));

    assertThat(timer("created").count()).isEqualTo(2);
    assertThat(timer("unchanged").count()).isEqualTo(1);
    assertThat(timer("invalid").count()).isEqualTo(1);
    assertThat(timer("invalid").getId().getTag("status")).isEqualTo("400");
    assertThat(timer("created").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
  }

  @Test
  void deliveriesThatEndIn503AreCountedToo() {
    storeDown.set(true);

    assertThatThrownBy(() -> processor.process(SOURCE, Deliveries.json("{\"id\": 1, \"status\": \"New\"}")))
        .isInstanceOf(StoreException.class);

    assertThat(timer("unavailable").count()).isEqualTo(1);
    assertThat(timer("unavailable").getId().getTag("status")).isEqualTo("503");
  }

  @Test
  void explanationsAreCountedApartFromDeliveries() {
    processor.explain(SOURCE, Deliveries.json("{\"id\": 1, \"status\": \"New\"}"));

    assertThat(registry.find(MicrometerDeliveryListener.EXPLANATIONS).tags("outcome", "created").counter())
        .isNotNull().extracting(c -> c.count()).isEqualTo(1.0);
    assertThat(timer("created")).isNull();
  }
}
