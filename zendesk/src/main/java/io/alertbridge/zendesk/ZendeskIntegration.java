package io.alertbridge.zendesk;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.REJECT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.AbstractIntegration;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Authenticator;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.SettingChecks;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Zendesk, through a webhook connected to a trigger ("Ticket is created" or "Ticket is updated")
 * whose JSON body follows the documented template ({@code id}, {@code title}, {@code description},
 * {@code status}, {@code priority}, ...). The ticket id is the alert key and the ticket status drives
 * the lifecycle; a retried invocation ({@value #INVOCATION_ID_HEADER}) is a duplicate.
 *
 * <p>The default table: New and Open create an alert (and keep an open one); Pending and On-hold
 * create one, or accept the open one; Solved and Closed resolve the open alert and may not create
 * one (400); any other status creates an alert or keeps the open one. The same statuses in Spanish,
 * Portuguese, French, German, Dutch and Italian, as {@code {{ticket.status}}} renders them in the
 * account's language, do the same. Use
 * {@link Authentication#signature} to check Zendesk's webhook signature.
 *
 * <p>The way back: with {@link ZendeskSettings} (the account's address, an API user's email and API
 * token), an alert accepted or resolved in the host sets the ticket's status ("open", "solved" unless the
 * settings' {@code writeBack} says otherwise) and adds the note as a private comment. Webhooks need no
 * settings.
 */
public final class ZendeskIntegration extends AbstractIntegration {
  /** The integration's name in registries and alert sources: {@code zendesk}. */
  public static final String NAME = "zendesk";

  /** The header that names one webhook invocation; Zendesk's retries repeat it. */
  public static final String INVOCATION_ID_HEADER = "X-Zendesk-Webhook-Invocation-Id";

  private static final LifecycleRule OPEN = LifecycleRule.of(CREATE, KEEP);
  private static final LifecycleRule WAITING = LifecycleRule.of(CREATE, ACCEPT);
  private static final LifecycleRule DONE = LifecycleRule.of(REJECT, RESOLVE);

  /**
   * English first, then the labels {@code {{ticket.status}}} renders in the account's language, one row
   * per language and rule so that an explanation names the language's pair (sources in the README).
   */
  private static final StatusMappingTable TABLE = StatusMappingTable.builder()
      // ticket status: what it does with no open alert / with an open alert
      .row(OPEN, "New", "Open")
      .row(WAITING, "Pending", "On-hold", "Hold")
      .row(DONE, "Solved", "Closed")
      // Spanish
      .row(OPEN, "Nuevo", "Abierto")
      .row(WAITING, "Pendiente", "En espera")
      .row(DONE, "Resuelto", "Cerrado")
      // Portuguese (Brazil)
      .row(OPEN, "Novo", "Aberto")
      .row(WAITING, "Pendente", "Em espera")
      .row(DONE, "Resolvido", "Fechado")
      // French
      .row(OPEN, "Nouveau", "Ouvert")
      .row(WAITING, "En attente", "En pause")
      .row(DONE, "R\u00e9solu", "Clos", "Ferm\u00e9")
      // German
      .row(OPEN, "Neu", "Offen")
      .row(WAITING, "Wartend", "Angehalten")
      .row(DONE, "Gel\u00f6st", "Geschlossen")
      // Dutch ("Open" is the English row's)
      .row(OPEN, "Nieuw")
      .row(WAITING, "In afwachting", "In de wacht")
      .row(DONE, "Opgelost", "Gesloten")
      // Italian
      .row(OPEN, "Nuovo", "Aperto")
      .row(WAITING, "In attesa", "In sospeso")
      .row(DONE, "Risolto", "Chiuso")
      .otherwise(OPEN)
      .build();

  private static final PriorityMapping PRIORITIES = PriorityMapping.builder()
      .name(Priority.HIGH, "Urgent", "High")
      .name(Priority.LOW, "Normal", "Low")
      .build();

  /** The bytes every event webhook's body holds: only such bodies are read for their event id. */
  private static final byte[] EVENT_MARK = ('"' + EventBody.TYPE_PREFIX).getBytes(StandardCharsets.UTF_8);

  private final ZendeskTicketWriter writer = new ZendeskTicketWriter();

  /** Creates the integration; used by {@link java.util.ServiceLoader}, and can be called by hand. */
  public ZendeskIntegration() {
    super(NAME, new TriggerBodyParser(), TABLE, PRIORITIES);
  }

  /** @return {@link ZendeskSettings#fromJson} of the object, or empty for an empty object */
  @Override
  public Optional<IntegrationSettings> readSettings(JsonObject settings) {
    return settings.values().isEmpty() ? Optional.empty() : Optional.of(ZendeskSettings.fromJson(settings));
  }

  /** @return a problem when the source has settings that are not {@link ZendeskSettings}; webhooks need none */
  @Override
  public List<String> validate(AlertSource source) {
    return SettingChecks.typeOf(source, NAME, ZendeskSettings.class);
  }

  /**
   * @return the way back: the ticket's status by the source's {@link ZendeskSettings#writeBack()} and the
   *     note as a private comment, through the Zendesk API with the source's {@link ZendeskSettings}
   */
  @Override
  public Optional<TicketWriter> ticketWriter() {
    return Optional.of(writer);
  }

  /**
   * @return for an event webhook's body, the event's {@code id}; otherwise the {@value
   *     #INVOCATION_ID_HEADER} header, when present and not blank
   */
  @Override
  public Optional<String> deliveryId(Delivery delivery) {
    if (contains(delivery.body(), EVENT_MARK)) {
      try {
        Optional<String> eventId = EventBody.eventId(JsonObject.root(Json.parse(delivery.body(), Limits.defaults())));
        if (eventId.isPresent()) {
          return eventId;
        }
      } catch (InvalidDeliveryException e) {
        // not an event body after all; the parser says what is wrong with it
      }
    }
    return delivery.headers().first(INVOCATION_ID_HEADER).map(String::strip).filter(id -> !id.isEmpty());
  }

  /** @return whether {@code bytes} holds {@code mark}; linear in the length of {@code bytes} for this mark */
  private static boolean contains(byte[] bytes, byte[] mark) {
    outer:
    for (int i = 0; i + mark.length <= bytes.length; i++) {
      for (int j = 0; j < mark.length; j++) {
        if (bytes[i + j] != mark[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * @return a check of {@value ZendeskSigner#SIGNATURE_HEADER} against every configured secret, with
   *     the signed timestamp within the tolerance of the clock, in either direction
   */
  @Override
  public Optional<Authenticator> signatureVerifier(Authentication.Signature signature, Clock clock) {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(clock, "clock");
    return Optional.of(new SignatureVerifier(signature.secrets(), signature.tolerance(), clock));
  }
}
