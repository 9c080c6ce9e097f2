package io.alertbridge.core;

import io.alertbridge.core.http.ApiException;
import java.util.List;

/**
 * The way back to one tool: writes an alert's change to its ticket through the tool's API. An
 * integration offers it through {@link Integration#ticketWriter()}; {@link WebhookProcessor#alertChanged}
 * and {@link WebhookProcessor#writePendingChanges} call it for changes taken from the outbox.
 *
 * <p>A write may be repeated: after a failure whose outcome is unknown, or when the process stopped
 * before the outbox heard of the success. Setting a status is harmless to repeat; a note may then appear
 * twice.
 */
public interface TicketWriter {

  /**
   * @param source the alert source, with its settings
   * @return the source's write-back table: from its settings, else the integration's default
   */
  WriteBackTable table(AlertSource source);

  /**
   * Writes the change to the ticket: its status, when it has one, and its note.
   *
   * @param ticketId the ticket, as the alert key spells it
   * @param change the change
   * @param context the source, limits and clock
   * @throws ApiException when the tool did not take it; {@link ApiException#retryable()} says whether to
   *     try again
   * @throws ConfigurationException when the source lacks the settings to write
   */
  void write(String ticketId, TicketChange change, ParseContext context);

  /**
   * The statuses a ticket event may carry when it echoes a write of {@code written}: the tool may name a
   * status in the account's language, or by another spelling, in its webhooks. Events with any of them,
   * within the echo window, change nothing.
   *
   * @param written the status name written, from the source's {@link WriteBackTable}
   * @param source the alert source
   * @return the names to expect, {@code written} among them; at most 10 are used. By default {@code written}
   *     alone
   */
  default List<String> echoStatuses(String written, AlertSource source) {
    return List.of(written);
  }

  /**
   * Whether a ticket event was made by this integration's own API user, when the tool says who changed
   * the ticket: such an event is the echo of a write-back and changes nothing.
   *
   * @param snapshot the ticket event
   * @param source the alert source, with its settings
   * @return true when the change's author is the user AlertBridge writes as
   */
  default boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
    return false;
  }
}
