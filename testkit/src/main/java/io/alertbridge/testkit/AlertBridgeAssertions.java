package io.alertbridge.testkit;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.ProcessingResult;

/**
 * Entry points for AlertBridge's AssertJ assertions:
 * {@code assertThat(result).isCreated().hasPriority(HIGH)}.
 */
public final class AlertBridgeAssertions {

  private AlertBridgeAssertions() {}

  /**
   * @param result a processing result
   * @return assertions on it
   */
  public static ProcessingResultAssert assertThat(ProcessingResult result) {
    return new ProcessingResultAssert(result);
  }

  /**
   * @param event an alert event
   * @return assertions on it
   */
  public static AlertEventAssert assertThat(AlertEvent event) {
    return new AlertEventAssert(event, "");
  }
}
