package io.alertbridge.micrometer;

import io.alertbridge.core.DeliveryListener;
import io.alertbridge.core.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every delivery a {@link io.alertbridge.core.WebhookProcessor} finishes in a Micrometer
 * registry, those that end in 503 included:
 *
 * <ul>
 *   <li>{@value #DELIVERIES}: a timer of processed deliveries;
 *   <li>{@value #EXPLANATIONS}: a counter of {@code explain} calls, which change nothing;
 * </ul>
 *
 * <p>each tagged with {@code source} (the alert source's id), {@code integration}, {@code outcome}
 * (lower case, for example {@code created} or {@code unavailable}) and {@code status} (the HTTP
 * status answered). Source ids come from the host's configuration, so the tags' cardinality is
 * bounded by it. Register it with {@code WebhookProcessor.builder(...).listener(new
 * MicrometerDeliveryListener(registry))}.
 */
public final class MicrometerDeliveryListener implements DeliveryListener {
  /** The timer of processed deliveries. */
  public static final String DELIVERIES = "alertbridge.deliveries";
  /** The counter of explained deliveries. */
  public static final String EXPLANATIONS = "alertbridge.explanations";

  private final MeterRegistry registry;
  /** Meters by tag values, so that a delivery costs one map lookup once its meter exists. */
  private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Counter> counters = new ConcurrentHashMap<>();

  private record Key(String source, String integration, Outcome outcome) {
    Tags tags() {
      return Tags.of("source", source, "integration", integration,
          "outcome", outcome.name().toLowerCase(Locale.ROOT), "status", Integer.toString(outcome.httpStatus()));
    }
  }

  /** @param registry where the meters are registered */
  public MicrometerDeliveryListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onProcessed(ProcessedDelivery delivery) {
    Key key = new Key(delivery.sourceId(), delivery.integration(), delivery.outcome());
    if (delivery.committed()) {
      timers.computeIfAbsent(key, k -> Timer.builder(DELIVERIES)
          .description("Webhook deliveries processed, by alert source, integration and outcome")
          .tags(k.tags()).register(registry)).record(delivery.duration());
    } else {
      counters.computeIfAbsent(key, k -> Counter.builder(EXPLANATIONS)
          .description("Webhook deliveries explained without changing anything")
          .tags(k.tags()).register(registry)).increment();
    }
  }
}
