package io.alertbridge.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded {@link DeliveryLog}: delivery ids in arrival order, each kept for a time to live and
 * at most a given number in all (the oldest go first). Thread-safe.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {
  /** The time to live when none is given: 24 hours. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);
  /** The bound on entries when none is given: 100,000. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Duration ttl;
  private final int maxEntries;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  /** Creates a log with the default time to live and bound. */
  public InMemoryDeliveryLog() {
    this(DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
  }

  /**
   * @param ttl how long an id is remembered
   * @param maxEntries how many ids are remembered at most
   */
  public InMemoryDeliveryLog(Duration ttl, int maxEntries) {
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized boolean markSeen(String sourceId, String deliveryId, Instant now) {
    evict(now);
    String key = key(sourceId, deliveryId);
    if (seen.containsKey(key)) {
      return false;
    }
    seen.put(key, now.plus(ttl));
    if (seen.size() > maxEntries) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  @Override
  public synchronized boolean contains(String sourceId, String deliveryId, Instant now) {
    Instant expires = seen.get(key(sourceId, deliveryId));
    return expires != null && now.isBefore(expires);
  }

  /** @return how many ids are remembered */
  public synchronized int size() {
    return seen.size();
  }

  private void evict(Instant now) {
    Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Instant> oldest = entries.next();
      if (now.isBefore(oldest.getValue())) {
        return;
      }
      entries.remove();
    }
  }

  private static String key(String sourceId, String deliveryId) {
    return sourceId.length() + ":" + sourceId + deliveryId;
  }
}
