package io.alertbridge.benchmarks;

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Time and allocation per Zendesk delivery against the body's size. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BodySizeBenchmark {
  @Param({"1", "10", "100", "500"})
  int sizeKb;

  private final WebhookProcessor processor = Pipelines.processor(new ZendeskIntegration());
  private final AlertSource source = Pipelines.source("zendesk");
  private Delivery[] cycle;
  private int turn;

  /** Builds the bodies. */
  @Setup
  public void bodies() {
    cycle = Pipelines.zendeskCycle(sizeKb * 1024, "4711", false);
  }

  /** @return the result */
  @Benchmark
  public ProcessingResult process() {
    return processor.process(source, cycle[turn++ & 1]);
  }
}
