package io.alertbridge.core;

/** The lifecycle state of one alert. An alert that was never seen, or was forgotten, is absent. */
public enum AlertState {
  /** Open, nobody works on it yet. */
  PENDING,
  /** Open, someone works on it. */
  ACCEPTED,
  /** Closed; remembered for the retention period so that late deliveries stay harmless. */
  RESOLVED;

  /** @return whether the alert is open ({@link #PENDING} or {@link #ACCEPTED}) */
  public boolean isOpen() {
    return this != RESOLVED;
  }
}
