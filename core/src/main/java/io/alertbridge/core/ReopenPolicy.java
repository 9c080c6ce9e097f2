package io.alertbridge.core;

/** What a creating status does when the ticket's alert was already resolved. */
public enum ReopenPolicy {
  /** Open a new alert (the default). */
  NEW_ALERT,
  /** Leave the resolved alert as it is. */
  IGNORE
}
