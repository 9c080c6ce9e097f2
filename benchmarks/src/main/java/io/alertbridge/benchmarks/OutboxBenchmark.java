package io.alertbridge.benchmarks;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.zendesk.ZendeskIntegration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the outbox costs: the whole in-memory processor on ProcessorBenchmark's 2 KB Zendesk cycle
 * (Open, then Solved: every delivery commits and decides an event), with an event sink and without
 * one. With a sink each event is also recorded as pending in the commit, handed to the sink and
 * marked applied. The sink does next to nothing (keeps the event and counts it), so the difference is
 * the processor's own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxBenchmark {
  private AlertEvent lastApplied;
  private long applied;
  private final WebhookProcessor withSink = Pipelines.processor(event -> {
    lastApplied = event;
    applied++;
  }, new ZendeskIntegration());
  private final WebhookProcessor withoutSink = Pipelines.processor(new ZendeskIntegration());
  private final AlertSource source = Pipelines.source("zendesk");
  private final Delivery[] cycle = Pipelines.zendeskCycle(2 * 1024, "4711", false);
  private int turn;
  private long delivered;

  /** @return the result for a 2 KB Zendesk delivery, its event applied by the sink */
  @Benchmark
  public ProcessingResult withSink() {
    delivered++;
    return withSink.process(source, cycle[turn++ & 1]);
  }

  /** @return the result for a 2 KB Zendesk delivery, its event in the result only */
  @Benchmark
  public ProcessingResult withoutSink() {
    return withoutSink.process(source, cycle[turn++ & 1]);
  }

  /** Checks that the sink got every event, so that the measurement is the one meant. */
  @TearDown
  public void check() {
    if (applied != delivered || (delivered > 0 && lastApplied == null)) {
      throw new IllegalStateException("the sink applied " + applied + " events for " + delivered + " deliveries");
    }
  }
}
