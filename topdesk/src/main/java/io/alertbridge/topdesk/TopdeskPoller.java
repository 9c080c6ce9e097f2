package io.alertbridge.topdesk;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketPoller;
import io.alertbridge.core.TicketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls TOPdesk for the incidents modified since a time: {@code GET /tas/api/incidents} with the FIQL
 * filter {@code modificationDate=gt=<since>} and, when the source's {@code poll} names one, {@code
 * ;(<query>)}, sorted by modification date (oldest first), page by page with {@code pageStart} and {@code
 * pageSize} until a short page, a 204 (none) or {@code max} incidents. Each incident is read by {@link
 * IncidentReader}: the same alert key (the incident number) as its webhooks, its modification date as the
 * source update time.
 *
 * <p>Bounded: a page holds at most {@link io.alertbridge.core.Limits#maxBatchElements()} incidents (and at
 * most {@value #MAX_PAGE_SIZE}), a poll reads at most {@code max} of them and so a known number of pages,
 * each answer at most {@link io.alertbridge.core.Limits#maxApiAnswerBytes()} bytes, with only the fields
 * the reader needs. An element that is not an incident with a number is skipped (and counted in the log),
 * so that one odd incident cannot stop every later poll.
 */
final class TopdeskPoller implements TicketPoller {
  /** The largest page asked for. */
  static final int MAX_PAGE_SIZE = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(TopdeskPoller.class);

  private final TopdeskClients clients;

  TopdeskPoller(TopdeskClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<Duration> interval(AlertSource source) {
    return source.settings(TopdeskSettings.class).flatMap(TopdeskSettings::poll).map(TopdeskSettings.Poll::interval);
  }

  @Override
  public void poll(Instant since, int max, ParseContext context, Consumer<TicketSnapshot> each) {
    AlertSource source = context.source();
    TopdeskSettings settings = TopdeskClients.required(source, "polling TOPdesk");
    TopdeskSettings.Poll poll = settings.poll().orElseThrow(() -> new ConfigurationException(
        "alert source " + source.id(), List.of("polling TOPdesk needs a poll in the source's settings: add"
            + " \"poll\": {\"query\": \"<FIQL filter, or empty for all incidents>\", \"interval\": \"PT1M\"}")));
    if (max <= 0) {
      return;
    }
    TopdeskApi api = clients.get(settings);
    int pageSize = Math.min(Math.min(context.limits().maxBatchElements(), MAX_PAGE_SIZE), max);
    int maxPages = (max + pageSize - 1) / pageSize;
    String query = Fiql.modifiedAfter(since, poll.query());
    int read = 0;
    int skipped = 0;
    for (int page = 0; page < maxPages && read < max; page++) {
      List<Object> incidents = api.incidents(query, read, pageSize, context.limits());
      int taken = Math.min(Math.min(incidents.size(), pageSize), max - read);
      for (int i = 0; i < taken; i++) {
        Optional<TicketSnapshot> snapshot = IncidentReader.read(incidents.get(i), settings.writeBack(),
            context.limits());
        if (snapshot.isPresent()) {
          each.accept(snapshot.get());
        } else {
          skipped++;
        }
      }
      read += taken;
      if (incidents.size() < pageSize) {
        break;
      }
    }
    if (skipped > 0) {
      LOG.warn("source={} {} of the {} incidents TOPdesk listed were skipped: not an incident object with a number",
          source.id(), skipped, read);
    }
  }
}
