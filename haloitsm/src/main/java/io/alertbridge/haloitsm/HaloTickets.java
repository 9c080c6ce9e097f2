package io.alertbridge.haloitsm;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketReference;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ticket-source step: fetches the ticket an "event information only" webhook names from the Halo
 * API with the alert source's {@link HaloSettings}, reads it as a full-payload ticket, and names its
 * status from the tenant's statuses when the ticket gives only {@code status_id}. One {@link
 * HaloApiClient} per distinct settings.
 */
final class HaloTickets implements TicketSource {
  /** What a reference without settings is answered. */
  static final String NEEDS_SETTINGS = "the delivery is a Halo webhook with event information only, and the"
      + " ticket must be fetched from the Halo API: configure the alert source's Halo API settings (apiUrl,"
      + " clientId, clientSecret; see HaloSettings), or send the full ticket";
  private final HaloClients clients;

  HaloTickets(HaloClients clients) {
    this.clients = clients;
  }

  @Override
  public TicketSnapshot fetch(TicketReference reference, ParseContext context) {
    HaloSettings settings = context.source().settings(HaloSettings.class)
        .orElseThrow(() -> new NotConfigured(NEEDS_SETTINGS));
    HaloApiClient client = clients.client(settings);
    String id = reference.ticketId();
    Fields ticket = client.ticket(id, context.clock(), context.limits())
        .map(json -> Fields.of(json.values(), ""))
        .orElseThrow(() -> new InvalidFieldException("/object_id", "the id of a ticket Halo knows",
            id + ", which the Halo API does not know (HTTP 404)"));
    TicketSnapshot snapshot;
    try {
      snapshot = TicketReader.read(ticket, null);
    } catch (InvalidDeliveryException e) {
      throw new HaloApiException(HaloApiException.Reason.UNREADABLE_ANSWER, "Halo gave an unreadable answer to "
          + HaloApiClient.describe("GET", settings.apiUrl().resolve("api/Tickets/" + id)) + ": " + e.getMessage(), 0,
          e);
    }
    return named(snapshot, client, context);
  }

  /** @return whether a status came by id only, so that only the tenant's statuses can name it */
  static boolean needsName(CodedValue status) {
    return status.id().isPresent() && status.names().stream().allMatch(n -> n.equals(TicketReader.CLOSED_ALIAS));
  }

  /** @return the snapshot with its status named from the tenant's statuses, when it has an id only */
  private static TicketSnapshot named(TicketSnapshot snapshot, HaloApiClient client, ParseContext context) {
    CodedValue status = snapshot.status();
    if (!needsName(status)) {
      return snapshot;
    }
    long id = status.id().getAsLong();
    Optional<String> name = client.statusName(id, context.clock(), context.limits());
    if (name.isEmpty() || status.names().stream().anyMatch(n -> StatusMappingTable.sameLabel(n, name.get()))) {
      return snapshot;
    }
    List<String> names = new ArrayList<>(List.of(name.get()));
    names.addAll(status.names());
    List<String> notes = new ArrayList<>(snapshot.notes());
    notes.add("status " + id + " named \"" + name.get() + "\" from the tenant's statuses (GET /api/Status)");
    return new TicketSnapshot(snapshot.ticketId(), CodedValue.of(id, names.toArray(String[]::new)),
        snapshot.summary(), snapshot.details(), snapshot.priority(), snapshot.sourceUpdatedAt(), snapshot.links(),
        snapshot.requester(), snapshot.assignee(), snapshot.customDetails(), notes);
  }

  @Override
  public String toString() {
    return "HaloTickets[" + clients + "]";
  }

  /** A reference to a source without Halo API settings: the delivery cannot be processed as configured. */
  static final class NotConfigured extends InvalidDeliveryException {
    private static final long serialVersionUID = 1L;

    NotConfigured(String message) {
      super(message);
    }
  }
}
