package io.alertbridge.core;

/** The alert's priority. */
public enum Priority {
  /** Notify now. */
  HIGH,
  /** Notify in business hours, or not at all. */
  LOW
}
