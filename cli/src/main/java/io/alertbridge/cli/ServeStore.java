package io.alertbridge.cli;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.WebhookProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the receiver keeps alert states, delivery ids and the last event applied for each alert: in
 * memory ({@link MemoryServeStore}) or in a database shared by several receivers ({@link
 * JdbcServeStore}).
 */
interface ServeStore extends AutoCloseable {

  /**
   * @param builder a processor's builder
   * @return the builder with this store's state store, delivery log and event sink
   */
  WebhookProcessor.Builder wire(WebhookProcessor.Builder builder);

  /**
   * @param now the current time: alerts forgotten by then are left out
   * @param after list the alerts after this key only, if given
   * @param limit the most alerts to list
   * @return at most {@code limit} alerts sorted by source and key, each as {@link Reports#alert} gives it,
   *     and whether there are more
   */
  Page alerts(Instant now, Optional<AlertKey> after, int limit);

  /**
   * Forgets what has expired, a bounded batch a call. Called on a schedule.
   *
   * @param now the current time
   */
  default void sweep(Instant now) {}

  /** @return what the store is, for the start-up lines: never a password */
  String describe();

  @Override
  default void close() {}

  /**
   * One page of {@code GET /alerts}.
   *
   * @param alerts the alerts, as JSON-ready maps
   * @param last the key of the last one listed, if any
   * @param more whether more alerts follow
   */
  record Page(List<Map<String, Object>> alerts, Optional<AlertKey> last, boolean more) {}
}
