package io.alertbridge.core;

/** What became of one delivery, and the HTTP status to answer the sender with. */
public enum Outcome {
  /** A new alert: an {@link EventType#ALERT} event to apply. */
  CREATED(202),
  /** The open alert is accepted: an {@link EventType#ACCEPT} event to apply. */
  ACCEPTED(202),
  /** The open alert is resolved: a {@link EventType#RESOLVE} event to apply. */
  RESOLVED(202),
  /** Valid and understood, nothing to do. */
  UNCHANGED(200),
  /**
   * Only from {@link WebhookProcessor#explain(AlertSource, Delivery)}: the delivery names a ticket
   * without carrying it, and the ticket was not fetched, so nothing was decided.
   */
  UNDECIDED(200),
  /** This delivery id was already processed. */
  DUPLICATE(200),
  /** Older than what was already applied to the alert. */
  STALE(200),
  /** The status-mapping table says this status may not create an alert. */
  REJECTED(400),
  /** The body cannot be read, or a required field is missing or of the wrong type. */
  INVALID(400),
  /** Authentication failed. */
  UNAUTHORIZED(401),
  /** The body is over the size limit. */
  TOO_LARGE(413),
  /** The integration does not read this content type. */
  UNSUPPORTED_MEDIA_TYPE(415),
  /**
   * The store, the host's event sink or a tool's API failed: never the outcome of a {@link
   * ProcessingResult} (the processor throws {@link UnavailableException} instead), only what a {@link
   * DeliveryListener} hears of such a delivery.
   */
  UNAVAILABLE(503);

  private final int httpStatus;

  Outcome(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** @return the HTTP status to answer the sender with */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return whether this outcome comes with an event for the host to apply */
  public boolean emitsEvent() {
    return httpStatus == 202;
  }
}
