package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import java.time.Clock;
import java.util.Objects;

/**
 * Checks hostile deliveries to one alert source against a normal delivery of the same size: each
 * costs at most a multiple of the normal one ({@link CostMeter}), is never an unexpected parser
 * failure, and the parser itself ends in a snapshot or an {@link InvalidDeliveryException} (nothing
 * that the processor would log with a stack trace). Measure the normal delivery once, in a
 * {@code @BeforeAll}, before the hostile ones.
 */
public final class HostileInputCheck {
  private final String name;
  private final WebhookProcessor processor;
  private final AlertSource source;
  private final DeliveryParser parser;
  private final ParseContext context;
  private final double allocationFactor;
  private CostMeter.Cost normal;

  /**
   * @param name names the integration in the report lines
   * @param processor the processor the deliveries are explained by
   * @param source the alert source they are sent to
   * @param parser the integration's parser, called directly as well
   * @param clock the clock of the parse context
   * @param allocationFactor the allowed multiple of the normal delivery's allocation
   */
  public HostileInputCheck(String name, WebhookProcessor processor, AlertSource source, DeliveryParser parser,
      Clock clock, double allocationFactor) {
    this.name = Objects.requireNonNull(name, "name");
    this.processor = Objects.requireNonNull(processor, "processor");
    this.source = Objects.requireNonNull(source, "source");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.context = new ParseContext(source, Limits.defaults(), clock);
    this.allocationFactor = allocationFactor;
  }

  /**
   * Measures the normal delivery, with more warm-up than each hostile one gets: it is the first work
   * of the test JVM.
   *
   * @param delivery a normal delivery of the hostile ones' size
   * @return what it was decided
   */
  public ProcessingResult measureNormal(Delivery delivery) {
    ProcessingResult result = processor.explain(source, delivery, true);
    normal = CostMeter.best(() -> processor.explain(source, delivery, true), 10, CostMeter.DEFAULT_RUNS,
        CostMeter.DEFAULT_BUDGET);
    return result;
  }

  /**
   * Measures first, so that a super-linear input fails within the meter's budget rather than hanging.
   *
   * @param what names the hostile delivery in messages
   * @param hostile the hostile delivery
   * @param cpuFactor the allowed multiple of the normal delivery's CPU time
   * @return what it was decided, for further assertions
   * @throws AssertionError when it costs too much or fails unexpectedly
   */
  public ProcessingResult assertBounded(String what, Delivery hostile, double cpuFactor) {
    if (normal == null) {
      throw new IllegalStateException("measure a normal delivery first");
    }
    CostMeter.Cost cost = CostMeter.best(() -> processor.explain(source, hostile, true));
    CostMeter.Ratio ratio = CostMeter.assertAtMost(what, cost, normal, cpuFactor, allocationFactor);
    System.out.println(name + ", " + what + ": " + cost + " against " + normal + " (" + ratio + ")");
    ProcessingResult result = processor.explain(source, hostile, true);
    assertThat(result.message()).as(what + ": never an unexpected parser failure")
        .isNotEqualTo("the delivery could not be read");
    try {
      parser.parse(hostile, context);
    } catch (InvalidDeliveryException expected) {
      // a 400 with a message; nothing else may escape
    }
    return result;
  }
}
