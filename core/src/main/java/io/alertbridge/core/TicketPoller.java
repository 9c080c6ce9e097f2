package io.alertbridge.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the tickets changed since a given time from a tool's API, for tools that are polled as well as,
 * or instead of, sending webhooks. An integration offers it through {@link Integration#ticketPoller()};
 * {@link WebhookProcessor#poll} calls it and decides each ticket as a delivery of its own.
 */
public interface TicketPoller {

  /**
   * @param source the alert source, with its settings
   * @return how often to poll the source; empty when its settings do not ask for polling
   */
  Optional<Duration> interval(AlertSource source);

  /**
   * Reads the tickets changed after {@code since}, page by page, and hands each to {@code each} as it is
   * read; stops after {@code max} tickets.
   *
   * @param since the time after which changes are read
   * @param max the most tickets to read in this poll
   * @param context the source, limits and clock
   * @param each receives every ticket read, each with its modification time as its source update time
   * @throws io.alertbridge.core.http.ApiException when the tool's API fails; the tickets already handed over
   *     stay decided
   * @throws ConfigurationException when the source lacks the settings to poll
   */
  void poll(Instant since, int max, ParseContext context, Consumer<TicketSnapshot> each);
}
