package io.alertbridge.core;

/** What the host does to its alert. */
public enum EventType {
  /** Open a new alert. */
  ALERT,
  /** Mark the open alert as accepted (someone works on it). */
  ACCEPT,
  /** Resolve the open alert. */
  RESOLVE
}
