package io.alertbridge.autotask;

import io.alertbridge.core.ParseContext;
import java.util.Optional;

/**
 * Where the integration gets a ticket when a callout names it. The default, {@link #restApi()}, calls
 * the Autotask REST API with the alert source's settings; a host that already holds an Autotask client
 * can supply its own and give it to {@link AutotaskIntegration#AutotaskIntegration(AutotaskTicketSource)}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AutotaskTicketSource {

  /**
   * @param id the ticket's id, as the callout sent it (positive)
   * @param context the alert source the callout came to (its settings), the limits and the clock
   * @return the ticket with its status and priority labels, or empty when Autotask does not know the id
   *     (the callout is then answered 400)
   * @throws io.alertbridge.core.UnavailableException (such as {@link AutotaskApiException}) when the
   *     ticket cannot be had for a while (answered 503, so that Autotask calls again)
   */
  Optional<AutotaskTicket> ticket(long id, ParseContext context);

  /**
   * The Autotask REST API client, configured per alert source by its {@link AutotaskSettings}: the
   * API user, the zone's address (or where to look it up, once) and the timeouts; {@code
   * requestTimeout} bounds each exchange as a whole, the answer's body included.
   *
   * Each answer is read with the processor's {@link io.alertbridge.core.Limits}: at most {@code
   * maxApiAnswerBytes} bytes, numbers and nesting within bounds; an answer that is not readable so is an
   * {@link AutotaskApiException} with reason {@link AutotaskApiException.Reason#UNREADABLE_ANSWER}.
   *
   * One client is kept per distinct settings; ticket-field picklists are cached and refreshed after
   * {@code picklistRefresh}, or at once when a ticket has a status value they lack.
   *
   * @return a new REST API ticket source with an empty cache
   */
  static AutotaskTicketSource restApi() {
    return new RestApiTicketSource();
  }
}
