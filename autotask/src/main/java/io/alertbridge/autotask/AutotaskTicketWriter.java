package io.alertbridge.autotask;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes an alert's change to its Autotask ticket through the REST API, as the source's API user: the
 * status first (its value found by label in the ticket status picklist), then an internal ticket note.
 * A status label the instance lacks fails at once, naming the labels it has. Echoes are recognised by
 * the ticket's {@code lastActivityResourceID} when the settings name the API user's {@code apiResourceId};
 * otherwise by core's echo window alone.
 */
final class AutotaskTicketWriter implements TicketWriter {
  /** The {@code lastActivityPersonType} of a resource, as opposed to a contact (2). */
  static final long RESOURCE = 1;
  /** The most characters of the instance's labels put in a message. */
  private static final int MAX_LABELS_CHARS = 400;

  private final AutotaskClients clients;

  AutotaskTicketWriter(AutotaskClients clients) {
    this.clients = clients;
  }

  /** @return the settings' {@link AutotaskSettings#writeBack()}, else {@link AutotaskSettings#DEFAULT_WRITE_BACK} */
  @Override
  public WriteBackTable table(AlertSource source) {
    return source.settings(AutotaskSettings.class).map(AutotaskSettings::writeBack)
        .orElse(AutotaskSettings.DEFAULT_WRITE_BACK);
  }

  @Override
  public void write(String ticketId, TicketChange change, ParseContext context) {
    long id = ticketId(ticketId);
    AutotaskApiClient client = clients.client(context.source());
    if (change.status().isPresent()) {
      String label = change.status().get();
      long status = client.statusValue(label, context.clock(), context.limits())
          .orElseThrow(() -> unknownStatus(context.source(), change, label, client.statusLabels()));
      client.writeStatus(id, status, context.limits());
    }
    client.addNote(id, change.note(), context.limits());
  }

  /**
   * @return true when the settings name the API user's resource id and the ticket was last changed by that
   *     resource ({@code lastActivityResourceID}, with {@code lastActivityPersonType} 1 or absent)
   */
  @Override
  public boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
    OptionalLong own = source.settings(AutotaskSettings.class).map(AutotaskSettings::apiResourceId)
        .orElse(OptionalLong.empty());
    if (own.isEmpty()) {
      return false;
    }
    Long resource = Picklists.integer(snapshot.customDetails().get(TicketReader.LAST_ACTIVITY_RESOURCE));
    Object type = snapshot.customDetails().get(TicketReader.LAST_ACTIVITY_PERSON_TYPE);
    Long personType = Picklists.integer(type);
    return resource != null && resource == own.getAsLong()
        && (type == null || Long.valueOf(RESOURCE).equals(personType));
  }

  private static long ticketId(String ticketId) {
    Long id = Picklists.integer(ticketId);
    if (id == null || id <= 0) {
      throw new ApiException(ApiException.Reason.REJECTED, "ticket " + JsonObject.quote(ticketId)
          + " cannot be written: an Autotask ticket id is a positive integer", 0, null, null);
    }
    return id;
  }

  private static ConfigurationException unknownStatus(AlertSource source, TicketChange change, String label,
      List<String> labels) {
    String known = labels.isEmpty() ? "it has none" : "its statuses are "
        + JsonObject.cut(String.join(", ", labels), MAX_LABELS_CHARS) + " (" + labels.size() + " in all)";
    return new ConfigurationException("alert source " + source.id(), List.of("the write-back table's status "
        + JsonObject.quote(label) + " for " + change.state().name() + " is not a ticket status of the Autotask"
        + " instance (matched ignoring case); " + known));
  }

  @Override
  public String toString() {
    return "AutotaskTicketWriter[" + clients.size() + " clients]";
  }
}
