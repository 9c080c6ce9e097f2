package io.alertbridge.core;

/**
 * The host's side of the outbox: applies one event to the host's own alerts. Set with {@link
 * WebhookProcessor.Builder#eventSink}; the processor then records every event it decides as pending,
 * in the same atomic write as the alert's state, hands it to this sink, and marks it applied only
 * when {@link #apply} returns normally.
 *
 * <p>An event may be handed over more than once (after a failure, or by {@link
 * WebhookProcessor#redeliverPending()}), always with the same {@link AlertEvent#eventId()}: a sink
 * that skips event ids it has already applied applies each event exactly once. Events of one alert
 * key arrive in the order they were decided.
 */
@FunctionalInterface
public interface AlertEventSink {

  /**
   * Applies the event, for example by writing it to the host's database.
   *
   * @param event the event; its {@link AlertEvent#eventId()} is the same on every hand-over
   * @throws Exception anything, to say "not applied": the event stays pending and is handed over again
   */
  void apply(AlertEvent event) throws Exception;
}
