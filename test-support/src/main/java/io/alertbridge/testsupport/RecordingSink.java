package io.alertbridge.testsupport;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host's sink as a careful host writes it: it skips event ids it has already applied. It can be
 * told to fail the next hand-overs, and keeps every hand-over for inspection.
 */
public final class RecordingSink implements AlertEventSink {
  private final Map<String, AlertEvent> applied = new LinkedHashMap<>();
  private final List<AlertEvent> handedOver = new ArrayList<>();
  private int failures;

  /** @param count how many of the next hand-overs throw */
  public synchronized void failNext(int count) {
    failures = count;
  }

  @Override
  public synchronized void apply(AlertEvent event) {
    handedOver.add(event);
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("host database unavailable");
    }
    applied.putIfAbsent(event.eventId(), event);
  }

  /** @return the events applied, each once, in the order they were first applied */
  public synchronized List<AlertEvent> applied() {
    return List.copyOf(applied.values());
  }

  /** @return every hand-over, failed and repeated ones included */
  public synchronized List<AlertEvent> handedOver() {
    return List.copyOf(handedOver);
  }
}
