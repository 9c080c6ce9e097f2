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
 * key arrive in the order they were decided: one processor hands over one key at a time, and every
 * hand-over goes through the key's pending events in order. When several processors (nodes) share a
 * store, two of them may hand over the same key at once; a sink that records applied event ids under a
 * unique key in the same transaction as the change still applies each key's events in order, because
 * a node hands over an event only after the one before it was applied.
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
