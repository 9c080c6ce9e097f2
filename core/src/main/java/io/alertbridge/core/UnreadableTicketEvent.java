package io.alertbridge.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One ticket event of a batched delivery that the parser could not read, while the others could be:
 * the processor answers it as an {@link Outcome#INVALID} item of its own and decides the rest. A
 * delivery that cannot be read as a whole still throws {@link InvalidDeliveryException}.
 *
 * <p>It changes nothing: no alert is read or written for it and no pending event is handed over for
 * it, and a batch of nothing else is answered INVALID before de-duplication, as an unreadable
 * delivery is.
 *
 * @param ticketId the tool's ticket id when the parser could tell it, for the answer only; empty when not
 * @param message what was wrong, and where (with the element's JSON pointer), safe to send back
 */
public record UnreadableTicketEvent(String ticketId, String message) implements TicketEvent {

  /**
   * Checks for nulls and a blank message.
   *
   * @param ticketId the tool's ticket id when the parser could tell it, for the answer only; empty when not
   * @param message what was wrong, and where (with the element's JSON pointer), safe to send back
   */
  public UnreadableTicketEvent {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
  }

  /**
   * @param problem why the element cannot be read
   * @param ticketId the ticket id, if the parser could tell it
   * @return the unreadable event, with the problem's message
   */
  public static UnreadableTicketEvent of(InvalidDeliveryException problem, Optional<String> ticketId) {
    Objects.requireNonNull(problem, "problem");
    return new UnreadableTicketEvent(ticketId.orElse(""), problem.getMessage());
  }

  /** @return the ticket id, when the parser could tell it */
  public Optional<String> knownTicketId() {
    return ticketId.isEmpty() ? Optional.empty() : Optional.of(ticketId);
  }
}
