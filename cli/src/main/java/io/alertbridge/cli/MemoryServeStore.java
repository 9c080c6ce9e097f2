package io.alertbridge.cli;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receiver's state in this process only: an {@link InMemoryAlertStateStore}, the processor's
 * in-memory delivery log, and {@link LastAppliedEvents} as the event sink, fed through the outbox.
 */
final class MemoryServeStore implements ServeStore {
  static final Comparator<AlertKey> ORDER = Comparator.comparing(AlertKey::sourceId)
      .thenComparing(AlertKey::ticketId);

  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final LastAppliedEvents lastApplied = new LastAppliedEvents(store);

  @Override
  public WebhookProcessor.Builder wire(WebhookProcessor.Builder builder) {
    return builder.stateStore(store).eventSink(lastApplied);
  }

  @Override
  public Page alerts(Instant now, Optional<AlertKey> after, int limit) {
    List<Map<String, Object>> alerts = new ArrayList<>();
    AlertKey last = null;
    boolean more = false;
    for (Map.Entry<AlertKey, StoredAlert> entry : store.snapshot().entrySet()) {
      AlertKey key = entry.getKey();
      StoredAlert alert = entry.getValue();
      if (alert.isExpired(now) || (after.isPresent() && ORDER.compare(key, after.get()) <= 0)) {
        continue;
      }
      if (alerts.size() == limit) {
        more = true;
        break;
      }
      String lastEventId = lastApplied.last(key).filter(event -> event.alertId().equals(alert.alertId()))
          .map(AlertEvent::eventId).orElse(null);
      alerts.add(Reports.alert(key, alert, lastEventId));
      last = key;
    }
    lastApplied.forgetUnstored();
    return new Page(alerts, Optional.ofNullable(last), more);
  }

  @Override
  public String describe() {
    return "in memory (forgotten when the receiver stops)";
  }
}
