package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostMeterTest {
  private static volatile Object sink;

  /** Work linear in n: allocates n longs and sums them. */
  private static void linear(int n) {
    long[] values = new long[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      values[i] = i;
      sum += values[i];
    }
    sink = sum;
  }

  /** Work quadratic in n, with a dependency from each step to the next, so that it cannot be vectorised. */
  private static void quadratic(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sum = sum * 31 + (i ^ j);
      }
    }
    sink = sum;
  }

  @Test
  void measuresCpuTimeAndAllocationOfTheWorkingThread() {
    CostMeter.Cost cost = CostMeter.best(() -> linear(1_000_000));

    assertThat(cost.cpuNanos()).isPositive();
    assertThat(cost.allocatedBytes()).isGreaterThanOrEqualTo(8_000_000L);
  }

  @Test
  void passesWorkOfTheSameOrderAndFailsQuadraticWork() {
    CostMeter.Cost normal = CostMeter.best(() -> linear(1_000_000));
    CostMeter.Cost same = CostMeter.best(() -> linear(1_000_000));
    CostMeter.Cost quadratic = CostMeter.best(() -> quadratic(30_000), 0, 1, Duration.ofSeconds(30));

    assertThat(CostMeter.assertAtMost("the same work", same, normal, 5).cpu()).isLessThan(5);
    assertThatThrownBy(() -> CostMeter.assertAtMost("quadratic work", quadratic, normal, 5))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("quadratic work cost ")
        .hasMessageContaining("the CPU time may be at most 5.0x + PT0.02S");
  }

  @Test
  void allocationHasItsOwnFactor() {
    CostMeter.Cost normal = new CostMeter.Cost(1_000_000, 10_000_000);
    CostMeter.Cost hostile = new CostMeter.Cost(1_000_000, 80_000_000);

    assertThat(CostMeter.assertAtMost("many small containers", hostile, normal, 5, 10).allocation()).isEqualTo(8.0);
    assertThatThrownBy(() -> CostMeter.assertAtMost("many small containers", hostile, normal, 5))
        .hasMessageContaining("the allocation may be at most 5.0x");
  }

  @Test
  void failsAtOnceWhenTheWorkOverrunsTheBudget() {
    Runnable endless = () -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // the meter interrupts the work it gave up on
      }
    };
    assertThatThrownBy(() -> CostMeter.best(endless, 0, 1, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not finish within PT0.2S");
  }
}
