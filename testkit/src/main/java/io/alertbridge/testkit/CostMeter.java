package io.alertbridge.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures what a piece of work costs the thread that runs it, CPU time and allocated bytes, so that a
 * test can check that a hostile input costs no more than a small multiple of a normal input of the same
 * size. Such a test fails on any super-linear behaviour (a quadratic algorithm costs hundreds of times
 * more at 1 MiB), yet stays stable on a busy machine, because it counts the thread's own CPU time and
 * allocation rather than wall-clock time, and keeps the best of several runs after warm-up runs that go on
 * for a while and as long as the work still gets cheaper.
 *
 * <pre>{@code
 * CostMeter.Cost normal = CostMeter.best(() -> processor.explain(source, normalDelivery));
 * CostMeter.Cost hostile = CostMeter.best(() -> processor.explain(source, hostileDelivery));
 * CostMeter.assertAtMost("many ${ without }", hostile, normal, 5);
 * }</pre>
 *
 * The work runs on a thread of its own; when all its runs together take longer than the budget (by
 * default {@link #DEFAULT_BUDGET} of wall-clock time), the measurement fails at once instead of
 * waiting for a quadratic algorithm to finish. That thread is a daemon and is left running in that case.
 */
public final class CostMeter {
  /** The least runs before the measured ones, so that the code is compiled and caches are warm. */
  public static final int DEFAULT_WARM_UPS = 2;
  /** Measured runs; the cheapest counts. */
  public static final int DEFAULT_RUNS = 3;
  /** The wall-clock time all runs of one piece of work may take together. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);
  /** CPU time added to the allowed cost, so that very cheap normal work does not make the bound tight. */
  public static final Duration DEFAULT_CPU_SLACK = Duration.ofMillis(20);
  /** Bytes added to the allowed allocation, for the same reason. */
  public static final long DEFAULT_BYTE_SLACK = 1L << 20;

  /** Warm-up runs go on until they have taken this much CPU time, and while they still get cheaper. */
  private static final Duration MIN_WARM_UP = Duration.ofMillis(250);
  /** The most warm-up runs beyond the least asked for. */
  private static final int MAX_EXTRA_WARM_UPS = 30;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * What one run cost its thread.
   *
   * @param cpuNanos CPU time, user and system, in nanoseconds (wall-clock time where the JVM cannot
   *     measure a thread's CPU time)
   * @param allocatedBytes bytes allocated, or -1 where the JVM cannot count them
   */
  public record Cost(long cpuNanos, long allocatedBytes) {
    /** @return e.g. {@code 12.3 ms CPU, 4.5 MB allocated} */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f ms CPU, %s allocated", cpuNanos / 1e6,
          allocatedBytes < 0 ? "unknown bytes" : String.format(Locale.ROOT, "%.1f MB", allocatedBytes / 1e6));
    }
  }

  /**
   * A hostile cost against a normal one.
   *
   * @param cpu hostile CPU time / normal CPU time
   * @param allocation hostile allocation / normal allocation; NaN where allocation is not counted
   */
  public record Ratio(double cpu, double allocation) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "CPU %.2fx, allocation %.2fx", cpu, allocation);
    }
  }

  private CostMeter() {}

  /**
   * @param work the work to measure
   * @return the least CPU time and the least allocation of {@link #DEFAULT_RUNS} runs after
   *     {@link #DEFAULT_WARM_UPS} warm-up runs
   * @throws AssertionError when the runs take longer than {@link #DEFAULT_BUDGET} in all
   */
  public static Cost best(Runnable work) {
    return best(work, DEFAULT_WARM_UPS, DEFAULT_RUNS, DEFAULT_BUDGET);
  }

  /**
   * @param work the work to measure
   * @param warmUps the least runs before the measured ones, not counted; more follow (up to 30) until the
   *     warm-up runs have taken 250 ms of CPU time and the last was not 10% cheaper than the cheapest before
   *     it, so that the JIT compiler has done its work
   * @param runs measured runs, at least 1
   * @param budget how long all runs may take together, in wall-clock time
   * @return the least CPU time and the least allocation among the measured runs
   * @throws AssertionError when the runs take longer than the budget, or the work throws
   */
  public static Cost best(Runnable work, int warmUps, int runs, Duration budget) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(budget, "budget");
    if (warmUps < 0 || runs < 1) {
      throw new IllegalArgumentException("warmUps must be at least 0 and runs at least 1, got " + warmUps + " and "
          + runs);
    }
    FutureTask<Cost> task = new FutureTask<>(() -> {
      long bestWarm = Long.MAX_VALUE;
      long spent = 0;
      for (int i = 0; i < warmUps + MAX_EXTRA_WARM_UPS; i++) {
        long cpu = once(work).cpuNanos();
        boolean improving = cpu < 0.9 * bestWarm;
        bestWarm = Math.min(bestWarm, cpu);
        spent += cpu;
        if (i >= warmUps - 1 && spent >= MIN_WARM_UP.toNanos() && !improving) {
          break;
        }
      }
      long bestCpu = Long.MAX_VALUE;
      long bestBytes = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        Cost cost = once(work);
        bestCpu = Math.min(bestCpu, cost.cpuNanos());
        bestBytes = Math.min(bestBytes, cost.allocatedBytes());
      }
      return new Cost(bestCpu, bestBytes);
    });
    Thread thread = new Thread(task, "cost-meter");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw new AssertionError("the runs of the work did not finish within " + budget
          + ": it costs far more than it should (super-linear?)");
    } catch (ExecutionException e) {
      throw new AssertionError("the measured work failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while measuring", e);
    }
  }

  /** @return what one run of the work costs the current thread */
  private static Cost once(Runnable work) {
    boolean cpu = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    com.sun.management.ThreadMXBean allocation = THREADS instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled() ? sun : null;
    long bytesBefore = allocation == null ? 0 : allocation.getCurrentThreadAllocatedBytes();
    long cpuBefore = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    work.run();
    long cpuAfter = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    long bytesAfter = allocation == null ? 0 : allocation.getCurrentThreadAllocatedBytes();
    return new Cost(cpuAfter - cpuBefore, allocation == null ? -1 : bytesAfter - bytesBefore);
  }

  /**
   * @param hostile the hostile input's cost
   * @param normal the normal input's cost
   * @return hostile over normal, for CPU time and allocation
   */
  public static Ratio ratio(Cost hostile, Cost normal) {
    double cpu = (double) hostile.cpuNanos() / Math.max(1, normal.cpuNanos());
    double allocation = hostile.allocatedBytes() < 0 || normal.allocatedBytes() < 0 ? Double.NaN
        : (double) hostile.allocatedBytes() / Math.max(1, normal.allocatedBytes());
    return new Ratio(cpu, allocation);
  }

  /**
   * Asserts {@code hostile <= factor x normal + slack}, for CPU time ({@link #DEFAULT_CPU_SLACK}) and for
   * allocation ({@link #DEFAULT_BYTE_SLACK}) where it is counted.
   *
   * @param what names the hostile input in the failure message
   * @param hostile the hostile input's cost
   * @param normal the cost of a normal input of the same size
   * @param factor the allowed multiple
   * @return the ratios, for the test to report
   * @throws AssertionError when the hostile input costs more
   */
  public static Ratio assertAtMost(String what, Cost hostile, Cost normal, double factor) {
    return assertAtMost(what, hostile, normal, factor, factor);
  }

  /**
   * Asserts {@code hostile <= factor x normal + slack}, with a factor each for CPU time and allocation,
   * and the default slack ({@link #DEFAULT_CPU_SLACK}, {@link #DEFAULT_BYTE_SLACK}). Allocation may need
   * a larger factor than CPU time: an input made only of small JSON containers allocates several times
   * more per byte than one made of text, at the same CPU cost.
   *
   * @param what names the hostile input in the failure message
   * @param hostile the hostile input's cost
   * @param normal the cost of a normal input of the same size
   * @param cpuFactor the allowed multiple of CPU time
   * @param allocationFactor the allowed multiple of allocated bytes
   * @return the ratios, for the test to report
   * @throws AssertionError when the hostile input costs more
   */
  public static Ratio assertAtMost(String what, Cost hostile, Cost normal, double cpuFactor,
      double allocationFactor) {
    Ratio ratio = ratio(hostile, normal);
    String costs = what + " cost " + hostile + " where a normal input of the same size cost " + normal + " ("
        + ratio + ")";
    if (hostile.cpuNanos() > cpuFactor * normal.cpuNanos() + DEFAULT_CPU_SLACK.toNanos()) {
      throw new AssertionError(costs + "; the CPU time may be at most " + cpuFactor + "x + " + DEFAULT_CPU_SLACK);
    }
    if (hostile.allocatedBytes() >= 0 && normal.allocatedBytes() >= 0
        && hostile.allocatedBytes() > allocationFactor * normal.allocatedBytes() + DEFAULT_BYTE_SLACK) {
      throw new AssertionError(costs + "; the allocation may be at most " + allocationFactor + "x + "
          + DEFAULT_BYTE_SLACK + " bytes");
    }
    return ratio;
  }
}
