package io.alertbridge.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one delivery into a decision: checks limits and content type, authenticates, parses,
 * de-duplicates, fetches tickets the delivery only names ({@link TicketSource}), maps the status,
 * decides by the lifecycle and commits.
 * Framework-neutral and thread-safe: call it from any servlet or HTTP handler.
 *
 * <p>Every delivery ends in a {@link ProcessingResult}; the only exception thrown on purpose is
 * {@link UnavailableException} (the store, the host's event sink, or a tool's API, is down), which
 * hosts answer with 503 so that the sender retries. {@link ConfigurationException} means the alert
 * source itself is wrong.
 *
 * <h2>Nothing lost</h2>
 * With an {@link AlertEventSink} ({@link Builder#eventSink}), every event the processor decides is
 * handed to the host at least once, in order per alert key, with an {@link AlertEvent#eventId()} that
 * is the same on every hand-over, until the sink returns normally. A host that skips event ids it has
 * already applied applies each event exactly once. This holds whatever fails: the store, the delivery
 * log, the sink, or the process itself between any two steps (across a restart, given a durable
 * {@link AlertStateStore}; the in-memory default's outbox ends with the process):
 * <ol>
 *   <li>the decisions of all the delivery's ticket events are committed in one atomic write, each
 *       key's state together with its events as pending (the outbox), or not at all (503; the retry
 *       decides every element afresh); an {@link UnreadableTicketEvent} of a batch is an INVALID item
 *       that writes nothing, on the first attempt and on every retry;
 *   <li>the delivery id is written with every alert that write changes, and recorded in the {@link
 *       DeliveryLog} only after it: a retry after any failure is processed afresh when nothing was
 *       committed, and answered {@link Outcome#DUPLICATE} (its pending events handed over first) when
 *       the write was committed, even if the store failed right after committing;
 *   <li>pending events are handed to the sink and marked applied one by one; when the sink throws,
 *       {@link EventSinkException} (503) is thrown and the event stays pending;
 *   <li>every delivery for an alert key, whatever its outcome, first hands over that key's pending
 *       events; {@link #redeliverPending()} hands over all of them (call it at start-up and on a
 *       schedule).
 * </ol>
 * With a sink, {@link ProcessingResult#events()} lists what this delivery decided, already applied:
 * do not apply them again.
 *
 * <p>Without a sink, events come back only in the {@link ProcessingResult}, after the state is
 * committed: if the host then fails to apply them, they are not handed over again, because the retry
 * finds the state already changed. Use a sink whenever a lost event matters.
 */
public final class WebhookProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);
  private static final DeliveryListener NO_LISTENER = delivery -> { };
  private static final Authenticator NO_AUTHENTICATION = delivery -> true;
  private static final int MAX_CACHED_AUTHENTICATORS = 1024;
  private static final int HAND_OVER_PAGE = 64;
  private static final int MAX_HAND_OVER_PAGES = 64;
  private static final int REDELIVERY_PAGE = 256;
  private static final Duration FIRST_POLL_LOOKBACK = Duration.ofHours(1);
  private static final Duration POLL_OVERLAP = Duration.ofMinutes(1);
  private static final Duration POLL_TRUNCATED_OVERLAP = Duration.ofSeconds(1);
  /** A poll reads at most this many batches' worth of tickets. */
  private static final int POLL_PAGES = 10;

  private final IntegrationRegistry registry;
  private final DeliveryLog deliveryLog;
  private final AlertStateStore stateStore;
  /** The host's sink, or null when events come back in the result only. */
  private final AlertEventSink sink;
  private final Object[] handOverLocks = new Object[64];
  private final Clock clock;
  private final Limits limits;
  private final DeliveryListener listener;
  private final AlertDecider decider;
  private final WriteBacks writeBacks;
  /** The sources given to the builder and those seen since, by id: the outbox's changes name their source by id. */
  private final java.util.concurrent.ConcurrentHashMap<String, AlertSource> sourcesById =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Per source id, the time after which the next poll reads changes. */
  private final java.util.concurrent.ConcurrentHashMap<String, Instant> polledUntil =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Authenticators by integration and authentication, built once: signature checks prepare their keys. */
  private final java.util.concurrent.ConcurrentHashMap<List<Object>, Authenticator> authenticators =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Sources that passed {@link #validate}, so that each is checked once. */
  private final java.util.concurrent.ConcurrentHashMap<AlertSource, Boolean> validSources =
      new java.util.concurrent.ConcurrentHashMap<>();

  private WebhookProcessor(Builder b) {
    this.registry = b.registry;
    this.deliveryLog = GuardedStores.guard(b.deliveryLog);
    this.clock = b.clock;
    this.limits = b.limits;
    this.listener = b.listener;
    this.stateStore = GuardedStores.guard(b.stateStore);
    this.sink = b.sink;
    this.decider = new AlertDecider(stateStore, b.limits, b.retention);
    b.sources.forEach(source -> sourcesById.put(source.id(), source));
    this.writeBacks = new WriteBacks(registry, stateStore, clock, limits, b.retention, b.writeBack,
        id -> Optional.ofNullable(sourcesById.get(id)));
    for (int i = 0; i < handOverLocks.length; i++) {
      handOverLocks[i] = new Object();
    }
  }

  /**
   * @param registry the integrations this processor serves
   * @return a builder with the embedded defaults: in-memory stores, the UTC system clock, default
   *     limits, 7 days of retention, no listener
   */
  public static Builder builder(IntegrationRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Processes a delivery and commits its decision.
   *
   * @param source the alert source the delivery came to
   * @param delivery the delivery
   * @return the decision, its HTTP status and the event to apply, if any (already applied when the
   *     processor has an event sink)
   * @throws UnavailableException when the store, the event sink or a tool's API is down (answer 503);
   *     nothing of the delivery is then lost: the retry is processed, and committed events stay pending
   * @throws ConfigurationException when the source has a problem {@link #validate} finds (checked before
   *     its first delivery): an unknown integration, a signature check the integration does not have,
   *     missing or wrong settings
   */
  public ProcessingResult process(AlertSource source, Delivery delivery) {
    return run(source, delivery, true, true);
  }

  /**
   * Runs the same steps as {@link #process} without changing anything: no state is written, the
   * delivery id is not recorded, and no ticket is fetched from the tool (a delivery that only names
   * its ticket is {@link Outcome#UNDECIDED}).
   *
   * @param source the alert source the delivery came to
   * @param delivery the delivery
   * @return what {@link #process} would decide now, with its explanation
   * @throws UnavailableException when the store is down
   * @throws ConfigurationException as for {@link #process}
   */
  public ProcessingResult explain(AlertSource source, Delivery delivery) {
    return run(source, delivery, false, false);
  }

  /**
   * As {@link #explain(AlertSource, Delivery)}, and with {@code fetchTickets} the ticket-source step
   * runs too: tickets the delivery only names are fetched from the tool's API (which reads, and
   * changes nothing), so that the decision can be explained.
   *
   * @param source the alert source the delivery came to
   * @param delivery the delivery
   * @param fetchTickets whether to fetch tickets the delivery only names
   * @return what {@link #process} would decide now, with its explanation
   * @throws UnavailableException when the store, or with {@code fetchTickets} the tool's API, is down
   * @throws ConfigurationException as for {@link #process}
   */
  public ProcessingResult explain(AlertSource source, Delivery delivery, boolean fetchTickets) {
    return run(source, delivery, false, fetchTickets);
  }

  /**
   * Checks an alert source before any delivery: that its integration is known, that its
   * authentication is one the integration can check, and whatever the integration checks (its
   * settings). The processor runs this before a source's first delivery too, and refuses the
   * delivery with {@link ConfigurationException} when there is a problem; {@link
   * Builder#sources} runs it when the processor is built.
   *
   * @param source an alert source
   * @return every problem, in words for the operator and never with a secret; empty when none
   */
  public List<String> validate(AlertSource source) {
    Objects.requireNonNull(source, "source");
    return problems(registry, source);
  }

  private static List<String> problems(IntegrationRegistry registry, AlertSource source) {
    Optional<Integration> found = registry.find(source.integration());
    if (found.isEmpty()) {
      return List.of("no integration named \"" + source.integration() + "\"; known: " + registry.names());
    }
    Integration integration = found.get();
    List<String> problems = new ArrayList<>();
    if (source.authentication() instanceof Authentication.Signature signature
        && integration.signatureVerifier(signature, Clock.systemUTC()).isEmpty()) {
      problems.add("the " + integration.name() + " integration has no signature check; use a shared-secret "
          + "header or HTTP Basic");
    }
    List<String> own;
    try {
      own = integration.validate(source);
    } catch (RuntimeException e) {
      own = List.of("the " + integration.name() + " integration failed to check the source: "
          + e.getClass().getSimpleName());
    }
    if (own != null) {
      problems.addAll(own);
    }
    return List.copyOf(problems);
  }

  /** Validates a source once, before its first delivery; remembers the sources that passed. */
  private void requireValid(AlertSource source) {
    if (validSources.containsKey(source)) {
      return;
    }
    List<String> problems = problems(registry, source);
    if (!problems.isEmpty()) {
      throw new ConfigurationException("alert source " + source.id(), problems);
    }
    if (validSources.size() >= MAX_CACHED_AUTHENTICATORS) {
      validSources.clear();
    }
    validSources.put(source, Boolean.TRUE);
    if (sourcesById.size() < MAX_CACHED_AUTHENTICATORS || sourcesById.containsKey(source.id())) {
      sourcesById.put(source.id(), source);
    }
  }

  /**
   * The way back: the host's alert was accepted or resolved, so the ticket should hear of it. In one
   * atomic write, the alert's state becomes the change's and an outbound change (the status from the
   * source's {@link WriteBackTable}, and a note such as "Accepted in AlertBridge by Ada") joins the outbox.
   * The processor then writes it to the ticket at once; when the tool fails for a while it stays in the
   * outbox and {@link #writePendingChanges} retries it with backoff. Nothing is emitted to the event sink:
   * the host made the change. The tool's webhook that echoes the write changes nothing.
   *
   * @param source the alert source of the alert
   * @param ticketId the alert key's ticket id, as the source's events spell it
   * @param change what happened to the alert
   * @return what became of the change: written, to be retried, failed with the tool's error, or not recorded
   *     (unknown alert, already in that state, a resolved alert accepted)
   * @throws ConfigurationException when the source's integration cannot write back, its settings lack what
   *     writing needs, or the store keeps no outbound changes
   * @throws StoreException when the store fails; when it failed after committing, the change is in the outbox
   */
  public WriteBackResult alertChanged(AlertSource source, String ticketId, AlertChange change) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(change, "change");
    requireValid(source);
    return writeBacks.change(source, ticketId, change);
  }

  /**
   * Writes the outbox's due changes to their tickets: per alert key the oldest first, each retried with
   * backoff while the tool fails for a while (timeouts, 5xx, 429) and dropped as failed on a refusal (4xx)
   * or after {@link WriteBackPolicy#giveUpAfter()}. Hosts call it on a schedule, and at start-up, so that
   * changes recorded before a failure or a restart reach the tool. Changes of sources this processor has
   * not seen (given to {@link Builder#sources} or met since) wait.
   *
   * @return one result per change attempted
   * @throws StoreException when the store fails; no change is lost
   */
  public List<WriteBackResult> writePendingChanges() {
    return writeBacks.writePending();
  }

  /**
   * Polls a source's tool for tickets changed since the last poll (the first poll looks back one hour), and
   * decides each as a delivery of its own, ordered by its modification time: a ticket that a webhook
   * already brought with the same modification time and status is {@link Outcome#UNCHANGED}, so polling and
   * webhooks can run together. The next poll reads changes from one minute before this one started; when
   * this one stopped at the most tickets a poll reads (ten batches, {@link Limits#maxBatchElements()} each),
   * from a second before the newest modification it read, so the poller must read oldest first.
   *
   * @param source a source whose integration has a {@link TicketPoller}
   * @return what was read and decided
   * @throws ConfigurationException when the integration is not polled or the source's settings lack polling
   * @throws UnavailableException when the tool's API or the store fails; the tickets decided before stay
   *     decided, and the next poll reads from the same time again
   */
  public PollResult poll(AlertSource source) {
    Objects.requireNonNull(source, "source");
    requireValid(source);
    Integration integration = registry.require(source.integration());
    TicketPoller poller = integration.ticketPoller().orElseThrow(() -> new ConfigurationException(
        "alert source " + source.id(), List.of("the " + integration.name() + " integration is not polled")));
    Instant started = clock.instant();
    Instant since = polledUntil.getOrDefault(source.id(), started.minus(FIRST_POLL_LOOKBACK));
    StatusMappingTable table = source.table().orElseGet(integration::defaultTable);
    ParseContext context = new ParseContext(source, limits, clock);
    List<ProcessingResult> results = new ArrayList<>();
    Instant[] newest = new Instant[1];
    int max = limits.maxBatchElements() * POLL_PAGES;
    poller.poll(since, max, context, ticket -> {
      ticket.sourceUpdatedAt().filter(at -> newest[0] == null || at.isAfter(newest[0])).ifPresent(at -> newest[0] = at);
      if (ticket.ticketId().length() > limits.maxAlertKeyChars()) {
        results.add(ProcessingResult.early(source, Outcome.INVALID, "the ticket id is " + ticket.ticketId().length()
            + " characters long; the limit is " + limits.maxAlertKeyChars() + " (maxAlertKeyChars)"));
        return;
      }
      AlertKey key = new AlertKey(source.id(), ticket.ticketId());
      if (sink != null) {
        handOver(key);
      }
      AlertDecider.Decided decided = decider.decideAll(integration, source, table, List.of(ticket), clock.instant(),
          true, sink != null, null);
      if (sink != null && decided.writes().stream().anyMatch(write -> !write.events().isEmpty())) {
        handOver(key);
      }
      results.addAll(decided.results());
    });
    // A poll cut short at the most tickets goes on from the newest it read (the poller reads oldest first);
    // else the next poll overlaps this one by a minute.
    Instant next = results.size() >= max && newest[0] != null ? newest[0].minus(POLL_TRUNCATED_OVERLAP)
        : started.minus(POLL_OVERLAP);
    polledUntil.put(source.id(), next);
    LOG.info("source={} polled changes since {}: {} tickets", source.id(), since, results.size());
    return new PollResult(source.id(), since, results);
  }

  private ProcessingResult run(AlertSource source, Delivery delivery, boolean commit, boolean fetchTickets) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(delivery, "delivery");
    long started = System.nanoTime();
    requireValid(source);
    Integration integration = registry.require(source.integration());
    ProcessingResult result;
    try {
      result = handle(integration, source, delivery, commit, fetchTickets);
    } catch (UnavailableException e) {
      if (listener != NO_LISTENER) {
        notifyListener(new DeliveryListener.ProcessedDelivery(source.id(), integration.name(), Outcome.UNAVAILABLE,
            Optional.empty(), Duration.ofNanos(System.nanoTime() - started), commit));
      }
      throw e;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("source={} outcome={} alertKey={} committed={}", source.id(), result.outcome(),
          result.ticketId().orElse("-"), commit);
    }
    if (listener != NO_LISTENER) {
      notifyListener(new DeliveryListener.ProcessedDelivery(source.id(), integration.name(), result.outcome(),
          result.ticketId(), Duration.ofNanos(System.nanoTime() - started), commit));
    }
    return result;
  }

  private ProcessingResult handle(Integration integration, AlertSource source, Delivery delivery, boolean commit,
      boolean fetchTickets) {
    // 1. limits
    int size = delivery.body().length;
    if (size > limits.maxBodyBytes()) {
      return ProcessingResult.early(source, Outcome.TOO_LARGE,
          "body is " + size + " bytes; the limit is " + limits.maxBodyBytes());
    }
    Optional<String> mediaType = delivery.mediaType();
    if (mediaType.isPresent() && !integration.mediaTypes().contains(mediaType.get())) {
      return ProcessingResult.early(source, Outcome.UNSUPPORTED_MEDIA_TYPE, "content type " + mediaType.get()
          + " is not read by the " + integration.name() + " integration; expected " + integration.mediaTypes());
    }
    // 2. authenticate
    Optional<String> refused = cachedAuthenticator(integration, source).check(delivery);
    if (refused.isPresent()) {
      String reason = refused.get();
      LOG.warn("authentication failed for a delivery to source {}: {}", source.id(), reason);
      return ProcessingResult.early(source, Outcome.UNAUTHORIZED, "authentication failed",
          List.of("authentication failed: " + reason));
    }
    Instant now = delivery.receivedAt().orElseGet(clock::instant);
    // 3. parse
    ParseContext context = new ParseContext(source, limits, clock);
    List<? extends TicketEvent> snapshots;
    try {
      snapshots = integration.parser().parse(delivery, context);
    } catch (TooManyTicketEventsException e) {
      return ProcessingResult.early(source, Outcome.TOO_LARGE, e.getMessage());
    } catch (MalformedDeliveryException e) {
      Outcome outcome = e.kind() == MalformedDeliveryException.Kind.TOO_MANY_VALUES ? Outcome.TOO_LARGE : Outcome.INVALID;
      return ProcessingResult.early(source, outcome, e.getMessage());
    } catch (InvalidDeliveryException e) {
      return ProcessingResult.early(source, Outcome.INVALID, e.getMessage());
    } catch (UnavailableException | ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("the {} parser failed unexpectedly on a delivery to source {}", integration.name(), source.id(), e);
      return ProcessingResult.early(source, Outcome.INVALID, "the delivery could not be read");
    }
    if (snapshots == null || snapshots.isEmpty() || snapshots.stream().anyMatch(Objects::isNull)) {
      return ProcessingResult.early(source, Outcome.INVALID, "the delivery holds no ticket event");
    }
    if (snapshots.size() > limits.maxBatchElements()) {
      return ProcessingResult.early(source, Outcome.TOO_LARGE,
          new TooManyTicketEventsException(snapshots.size(), limits.maxBatchElements()).getMessage());
    }
    boolean readable = false;
    for (int i = 0; i < snapshots.size(); i++) {
      if (snapshots.get(i) instanceof UnreadableTicketEvent) {
        continue;
      }
      readable = true;
      int length = snapshots.get(i).ticketId().length();
      if (length > limits.maxAlertKeyChars()) {
        String which = snapshots.size() == 1 ? "the ticket id" : "the ticket id of ticket event " + (i + 1);
        return ProcessingResult.early(source, Outcome.INVALID, which + " is " + length
            + " characters long; the limit is " + limits.maxAlertKeyChars() + " (maxAlertKeyChars)");
      }
    }
    if (!readable) {
      return answer(source, unreadable(source, snapshots));
    }
    Optional<String> deliveryId = integration.deliveryId(delivery);
    if (deliveryId.isPresent() && deliveryId.get().length() > limits.maxDeliveryIdChars()) {
      return ProcessingResult.early(source, Outcome.INVALID, "the delivery id is " + deliveryId.get().length()
          + " characters long; the limit is " + limits.maxDeliveryIdChars() + " (maxDeliveryIdChars)");
    }
    // the key's events still pending from earlier deliveries go first
    boolean handOver = commit && sink != null;
    if (handOver) {
      for (AlertKey key : keys(source, snapshots)) {
        handOver(key);
      }
    }
    // 4. deduplicate
    if (deliveryId.isPresent() && deliveryLog.contains(source.id(), deliveryId.get(), now)) {
      return duplicate(integration, source, snapshots, now, deliveryId.get());
    }
    // 5. fetch the tickets the delivery only names
    List<TicketEvent> read = new ArrayList<>(snapshots.size());
    List<TicketSnapshot> tickets = new ArrayList<>(snapshots.size());
    for (TicketEvent event : snapshots) {
      if (event instanceof UnreadableTicketEvent) {
        read.add(event);
        continue;
      }
      if (event instanceof TicketSnapshot snapshot) {
        read.add(snapshot);
        tickets.add(snapshot);
        continue;
      }
      TicketReference reference = (TicketReference) event;
      if (!fetchTickets) {
        return ProcessingResult.early(source, Outcome.UNDECIDED, "the delivery names ticket " + reference.ticketId()
            + " without carrying it; explain with ticket fetching to fetch it from the " + integration.name()
            + " API and decide", List.of());
      }
      TicketSnapshot fetched;
      try {
        fetched = fetch(integration, reference, context);
      } catch (InvalidDeliveryException e) {
        if (snapshots.size() == 1) {
          return ProcessingResult.early(source, Outcome.INVALID, e.getMessage());
        }
        read.add(UnreadableTicketEvent.of(e, Optional.of(reference.ticketId())));
        continue;
      }
      read.add(fetched);
      tickets.add(fetched);
    }
    if (tickets.isEmpty()) {
      return answer(source, unreadable(source, read));
    }
    // 6-8. map, decide, commit states and pending events together
    StatusMappingTable table = source.table().orElseGet(integration::defaultTable);
    AlertDecider.Decided decided = decider.decideAll(integration, source, table, tickets, now, commit,
        sink != null, deliveryId.orElse(null));
    if (commit && deliveryId.isPresent()) {
      recordDeliveryId(source, deliveryId.get(), now);
    }
    if (decided.alreadyCommitted()) {
      return duplicate(integration, source, read, now, deliveryId.orElseThrow());
    }
    // 9. hand over
    if (handOver) {
      for (AlertWrite write : decided.writes()) {
        if (!write.events().isEmpty()) {
          handOver(write.key());
        }
      }
    }
    List<ProcessingResult> results = decided.results();
    if (tickets.size() < read.size()) {
      List<ProcessingResult> merged = new ArrayList<>(read.size());
      int next = 0;
      for (TicketEvent event : read) {
        merged.add(event instanceof UnreadableTicketEvent bad ? invalid(source, bad) : results.get(next++));
      }
      results = merged;
    }
    return answer(source, results);
  }

  private static ProcessingResult answer(AlertSource source, List<ProcessingResult> results) {
    return results.size() == 1 ? results.get(0) : ProcessingResult.batch(source, results);
  }

  /** @return one INVALID result per event: a delivery whose every ticket event is unreadable */
  private List<ProcessingResult> unreadable(AlertSource source, List<? extends TicketEvent> events) {
    List<ProcessingResult> results = new ArrayList<>(events.size());
    for (TicketEvent event : events) {
      results.add(invalid(source, (UnreadableTicketEvent) event));
    }
    return results;
  }

  /** @return the INVALID item of a ticket event that could not be read; its id only when within the limit */
  private ProcessingResult invalid(AlertSource source, UnreadableTicketEvent event) {
    Optional<String> ticketId = event.knownTicketId().filter(id -> id.length() <= limits.maxAlertKeyChars());
    return new ProcessingResult(Outcome.INVALID, ticketId, Optional.empty(), Optional.empty(), event.message(),
        Explanation.early(source, Outcome.INVALID, event.message()), List.of());
  }

  /**
   * The ticket-source step: fetches a ticket the delivery only names.
   *
   * @throws InvalidDeliveryException when the tool does not know it
   * @throws UnavailableException when the tool cannot answer, or the ticket source fails
   */
  private TicketSnapshot fetch(Integration integration, TicketReference reference, ParseContext context) {
    TicketSource source = integration.ticketSource().orElseThrow(() -> new ConfigurationException(
        "integration " + integration.name(), List.of("its parser names tickets (" + reference.ticketId()
            + ") but it has no ticket source")));
    TicketSnapshot ticket;
    try {
      ticket = source.fetch(reference, context);
    } catch (InvalidDeliveryException | UnavailableException | ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("the {} ticket source failed on ticket {} of source {}", integration.name(), reference.ticketId(),
          context.source().id(), e);
      throw new UnavailableException("the " + integration.name() + " ticket source failed to give ticket "
          + reference.ticketId() + ": " + e.getClass().getSimpleName(), e);
    }
    if (ticket == null) {
      throw new UnavailableException("the " + integration.name() + " ticket source gave no ticket for "
          + reference.ticketId());
    }
    return ticket;
  }

  private ProcessingResult duplicate(Integration integration, AlertSource source,
      List<? extends TicketEvent> snapshots, Instant now, String deliveryId) {
    String message = "delivery " + deliveryId + " was already processed";
    List<ProcessingResult> duplicates = new ArrayList<>(snapshots.size());
    for (TicketEvent snapshot : snapshots) {
      duplicates.add(snapshot instanceof UnreadableTicketEvent bad ? invalid(source, bad)
          : decider.duplicate(integration, source, snapshot, now, message));
    }
    return duplicates.size() == 1 ? duplicates.get(0) : ProcessingResult.batch(source, duplicates);
  }

  /** @return the keys of the readable ticket events (a lone ticket event is readable by then) */
  private static Collection<AlertKey> keys(AlertSource source, List<? extends TicketEvent> snapshots) {
    if (snapshots.size() == 1) {
      return List.of(new AlertKey(source.id(), snapshots.get(0).ticketId()));
    }
    Set<AlertKey> keys = new LinkedHashSet<>();
    for (TicketEvent snapshot : snapshots) {
      if (!(snapshot instanceof UnreadableTicketEvent)) {
        keys.add(new AlertKey(source.id(), snapshot.ticketId()));
      }
    }
    return keys;
  }

  /**
   * Records the delivery id once the decision is committed. When that fails, the decision stands: a
   * retry is then decided again against the committed state, which is harmless.
   */
  private void recordDeliveryId(AlertSource source, String deliveryId, Instant now) {
    try {
      deliveryLog.markSeen(source.id(), deliveryId, now);
    } catch (StoreException e) {
      LOG.warn("the delivery id of a delivery to source {} was not recorded; a retry will be decided again: {}",
          source.id(), e.getMessage());
    }
  }

  /**
   * Hands the key's pending events to the sink in order, marking each applied once the sink returns.
   * One key at a time per process, so that the events of a key reach the sink in order.
   *
   * @return how many were applied
   * @throws EventSinkException when the sink fails; that event and the ones after it stay pending
   */
  private int handOver(AlertKey key) {
    int applied = 0;
    synchronized (handOverLocks[Math.floorMod(key.hashCode(), handOverLocks.length)]) {
      for (int page = 0; page < MAX_HAND_OVER_PAGES; page++) {
        List<PendingEvent> pending = stateStore.pendingEvents(key, HAND_OVER_PAGE);
        for (PendingEvent event : pending) {
          apply(event.event());
          stateStore.markApplied(key, event.event().eventId());
          applied++;
        }
        if (pending.size() < HAND_OVER_PAGE) {
          break;
        }
      }
    }
    return applied;
  }

  private void apply(AlertEvent event) {
    try {
      sink.apply(event);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      throw new EventSinkException("the event sink did not apply event " + event.eventId() + " of alert key "
          + event.ticketId() + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** @return the limits this processor applies, for HTTP layers that read bodies before it */
  public Limits limits() {
    return limits;
  }

  /**
   * Hands every pending event to the host's sink, oldest first and in order per alert key, and marks
   * each applied once the sink returns. Hosts call it at start-up and on a schedule, so that events
   * whose hand-over failed (or whose process died before it) reach the sink even when their alert key
   * gets no further delivery. Stops at the first event the sink does not apply.
   *
   * @return how many events the sink applied, and how many are still pending
   * @throws StoreException when the store fails
   */
  public Redelivery redeliverPending() {
    if (sink == null) {
      return new Redelivery(0, stateStore.countPendingEvents());
    }
    int applied = 0;
    try {
      while (true) {
        List<PendingEvent> oldest = stateStore.pendingEvents(REDELIVERY_PAGE);
        int before = applied;
        Set<AlertKey> keys = new LinkedHashSet<>();
        oldest.forEach(pending -> keys.add(pending.key()));
        for (AlertKey key : keys) {
          applied += handOver(key);
        }
        if (oldest.size() < REDELIVERY_PAGE || applied == before) {
          break;
        }
      }
    } catch (EventSinkException e) {
      LOG.warn("redelivery of pending events stopped: {}", e.getMessage());
    }
    return new Redelivery(applied, stateStore.countPendingEvents());
  }

  private Authenticator cachedAuthenticator(Integration integration, AlertSource source) {
    if (source.authentication() == Authentication.none()) {
      return NO_AUTHENTICATION;
    }
    List<Object> key = List.of(integration, source.authentication());
    Authenticator cached = authenticators.get(key);
    if (cached != null) {
      return cached;
    }
    Authenticator built = authenticator(integration, source);
    if (authenticators.size() >= MAX_CACHED_AUTHENTICATORS) {
      authenticators.clear();
    }
    authenticators.put(key, built);
    return built;
  }

  private Authenticator authenticator(Integration integration, AlertSource source) {
    Authentication authentication = source.authentication();
    if (authentication instanceof Authentication.SharedSecretHeader header) {
      return Authenticators.sharedSecretHeader(header.headerName(), header.secrets());
    }
    if (authentication instanceof Authentication.Basic basic) {
      return Authenticators.basic(basic.credentials());
    }
    if (authentication instanceof Authentication.Signature signature) {
      return integration.signatureVerifier(signature, clock).orElseThrow(() -> new ConfigurationException(
          "alert source " + source.id(),
          List.of("the " + integration.name() + " integration has no signature check; use a shared-secret header or HTTP Basic")));
    }
    return NO_AUTHENTICATION;
  }

  private void notifyListener(DeliveryListener.ProcessedDelivery processed) {
    try {
      listener.onProcessed(processed);
    } catch (RuntimeException e) {
      LOG.warn("the delivery listener failed", e);
    }
  }

  /** Builds a {@link WebhookProcessor}; every part has an embedded default. */
  public static final class Builder {
    private final IntegrationRegistry registry;
    private AlertStateStore stateStore = new InMemoryAlertStateStore();
    private DeliveryLog deliveryLog = new InMemoryDeliveryLog();
    private Clock clock = Clock.systemUTC();
    private Limits limits = Limits.defaults();
    private Duration retention = Duration.ofDays(7);
    private DeliveryListener listener = NO_LISTENER;
    private AlertEventSink sink;
    private List<AlertSource> sources = List.of();
    private WriteBackPolicy writeBack = WriteBackPolicy.DEFAULT;

    private Builder(IntegrationRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param stateStore where alert states live
     * @return this builder
     */
    public Builder stateStore(AlertStateStore stateStore) {
      this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
      return this;
    }

    /**
     * @param deliveryLog where delivery ids are remembered
     * @return this builder
     */
    public Builder deliveryLog(DeliveryLog deliveryLog) {
      this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
      return this;
    }

    /**
     * @param clock the time source for every decision
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param limits bounds on what one delivery may cost
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * @param retention how long resolved alerts are remembered
     * @return this builder
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention must not be negative, got " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * @param listener told about every processed delivery
     * @return this builder
     */
    public Builder listener(DeliveryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Hands every decided event to the host through an outbox: each event is recorded as pending in
     * the same atomic write as the alert's state, handed to {@code sink}, and marked applied when the
     * sink returns. See the class comment for the guarantee.
     *
     * @param sink applies events to the host's alerts
     * @return this builder
     */
    public Builder eventSink(AlertEventSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * @param policy how changes are written back to tickets
     * @return this builder
     */
    public Builder writeBack(WriteBackPolicy policy) {
      this.writeBack = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The alert sources this processor will serve, checked when it is built, so that a wrong
     * configuration stops the host at start-up instead of failing deliveries. Sources not given
     * here are still checked before their first delivery.
     *
     * @param sources the alert sources
     * @return this builder
     */
    public Builder sources(Collection<AlertSource> sources) {
      this.sources = List.copyOf(sources);
      return this;
    }

    /**
     * @return the processor
     * @throws ConfigurationException listing every problem of every source given to {@link #sources},
     *     each prefixed with the source's id
     */
    public WebhookProcessor build() {
      List<String> problems = new ArrayList<>();
      for (AlertSource source : sources) {
        problems(registry, source).forEach(problem -> problems.add(source.id() + ": " + problem));
      }
      if (!problems.isEmpty()) {
        throw new ConfigurationException("alert sources", problems);
      }
      return new WebhookProcessor(this);
    }
  }
}
