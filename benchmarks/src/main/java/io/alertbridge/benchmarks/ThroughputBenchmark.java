package io.alertbridge.benchmarks;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.zendesk.ZendeskIntegration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Deliveries per millisecond through one shared processor, with 1 and 2 threads, each thread on a
 * ticket of its own (distinct keys) or all threads on one ticket (a hot key, where compare-and-set
 * conflicts are retried).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThroughputBenchmark {

  /** The processor all threads share. */
  @State(Scope.Benchmark)
  public static class Shared {
    final WebhookProcessor processor = Pipelines.processor(new ZendeskIntegration());
    final AlertSource source = Pipelines.source("zendesk");
    final AtomicInteger threads = new AtomicInteger();
    final Delivery[] hot = Pipelines.zendeskCycle(2 * 1024, "hot", false);
  }

  /** Each thread's own ticket. */
  @State(Scope.Thread)
  public static class Own {
    Delivery[] cycle;
    int turn;

    /** @param shared the shared state, numbering the threads */
    @org.openjdk.jmh.annotations.Setup
    public void ticket(Shared shared) {
      cycle = Pipelines.zendeskCycle(2 * 1024, "t" + shared.threads.incrementAndGet(), false);
    }
  }

  /** @return the result */
  @Benchmark
  @Threads(1)
  public ProcessingResult distinctKeys1Thread(Shared shared, Own own) {
    return shared.processor.process(shared.source, own.cycle[own.turn++ & 1]);
  }

  /** @return the result */
  @Benchmark
  @Threads(2)
  public ProcessingResult distinctKeys2Threads(Shared shared, Own own) {
    return shared.processor.process(shared.source, own.cycle[own.turn++ & 1]);
  }

  /** @return the result */
  @Benchmark
  @Threads(1)
  public ProcessingResult hotKey1Thread(Shared shared, Own own) {
    return shared.processor.process(shared.source, shared.hot[own.turn++ & 1]);
  }

  /** @return the result */
  @Benchmark
  @Threads(2)
  public ProcessingResult hotKey2Threads(Shared shared, Own own) {
    return shared.processor.process(shared.source, shared.hot[own.turn++ & 1]);
  }
}
