package io.alertbridge.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded {@link DeliveryLog}: delivery ids in arrival order, each kept for a time to live, and
 * at most a given number and size in all (the oldest go first). Ids longer than a digest are kept as
 * their SHA-256 digest, so every entry costs a bounded number of bytes. Thread-safe.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {
  /** The time to live when none is given: 24 hours. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);
  /** The bound on entries when none is given: 100,000. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  /** The bound on the entries' estimated size when none is given: 32 MiB. */
  public static final long DEFAULT_MAX_BYTES = 32L << 20;
  /** Keys (source id and delivery id) up to this many characters are kept as they are. */
  private static final int MAX_PLAIN_KEY_CHARS = 64;
  /** The estimated cost of one entry beyond its key's characters: map node, instant, strings. */
  private static final int ENTRY_OVERHEAD_BYTES = 128;

  private final Duration ttl;
  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();
  private long bytes;

  /** Creates a log with the default time to live and bounds. */
  public InMemoryDeliveryLog() {
    this(DEFAULT_TTL, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
  }

  /**
   * @param ttl how long an id is remembered
   * @param maxEntries how many ids are remembered at most
   */
  public InMemoryDeliveryLog(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, DEFAULT_MAX_BYTES);
  }

  /**
   * @param ttl how long an id is remembered
   * @param maxEntries how many ids are remembered at most
   * @param maxBytes how many bytes the remembered ids may take at most, estimated
   */
  public InMemoryDeliveryLog(Duration ttl, int maxEntries, long maxBytes) {
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    if (maxBytes < ENTRY_OVERHEAD_BYTES + 2L * MAX_PLAIN_KEY_CHARS) {
      throw new IllegalArgumentException("maxBytes must be at least " + (ENTRY_OVERHEAD_BYTES + 2 * MAX_PLAIN_KEY_CHARS)
          + ", got " + maxBytes);
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  @Override
  public boolean markSeen(String sourceId, String deliveryId, Instant now) {
    String key = key(sourceId, deliveryId);
    synchronized (this) {
      evict(now);
      if (seen.containsKey(key)) {
        return false;
      }
      seen.put(key, now.plus(ttl));
      bytes += cost(key);
      while (seen.size() > maxEntries || bytes > maxBytes) {
        Iterator<String> oldest = seen.keySet().iterator();
        bytes -= cost(oldest.next());
        oldest.remove();
      }
      return true;
    }
  }

  @Override
  public boolean contains(String sourceId, String deliveryId, Instant now) {
    String key = key(sourceId, deliveryId);
    synchronized (this) {
      Instant expires = seen.get(key);
      return expires != null && now.isBefore(expires);
    }
  }

  /** @return how many ids are remembered */
  synchronized int size() {
    return seen.size();
  }

  /** @return the estimated bytes the remembered ids take */
  synchronized long bytes() {
    return bytes;
  }

  private void evict(Instant now) {
    Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Instant> oldest = entries.next();
      if (now.isBefore(oldest.getValue())) {
        return;
      }
      bytes -= cost(oldest.getKey());
      entries.remove();
    }
  }

  private static long cost(String key) {
    return ENTRY_OVERHEAD_BYTES + 2L * key.length();
  }

  /** The source id and the delivery id, unambiguously; as a digest when that is shorter. */
  private static String key(String sourceId, String deliveryId) {
    String key = sourceId.length() + ":" + sourceId + deliveryId;
    if (key.length() <= MAX_PLAIN_KEY_CHARS) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
