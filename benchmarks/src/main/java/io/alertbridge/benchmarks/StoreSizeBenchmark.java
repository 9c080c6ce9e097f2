package io.alertbridge.benchmarks;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.zendesk.ZendeskIntegration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Time per decision against the number of alerts already in the in-memory store. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreSizeBenchmark {
  @Param({"1000", "1000000"})
  int alerts;

  private WebhookProcessor processor;
  private final AlertSource source = Pipelines.source("zendesk");
  private final Delivery[] cycle = Pipelines.zendeskCycle(2 * 1024, "4711", false);
  private int turn;

  /** Fills the store with open alerts of other tickets. */
  @Setup
  public void fill() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    for (int i = 0; i < alerts; i++) {
      store.commit(List.of(new AlertWrite(new AlertKey(source.id(), "fill-" + i), 0, new StoredAlert(
          AlertState.PENDING, "a" + i, Optional.empty(), "open", 1, Pipelines.NOW, Optional.empty(), List.of()), List.of())));
    }
    processor = Pipelines.processor(store, new ZendeskIntegration());
    System.gc(); // settle the filled heap here, not in the first measured iterations
  }

  /** @return the result */
  @Benchmark
  public ProcessingResult process() {
    return processor.process(source, cycle[turn++ & 1]);
  }
}
