package io.alertbridge.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one delivery into a decision: checks limits and content type, authenticates, parses,
 * de-duplicates, maps the status, decides by the lifecycle and commits with compare-and-set.
 * Framework-neutral and thread-safe: call it from any servlet or HTTP handler.
 *
 * <p>Every delivery ends in a {@link ProcessingResult}; the only exception thrown on purpose is
 * {@link UnavailableException} (the store, or a tool's API, is down), which hosts answer with 503 so
 * that the sender retries. {@link ConfigurationException} means the alert source itself is wrong.
 */
public final class WebhookProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);
  private static final DeliveryListener NO_LISTENER = delivery -> { };
  private static final Authenticator NO_AUTHENTICATION = delivery -> true;
  private static final int MAX_CACHED_AUTHENTICATORS = 1024;

  private final IntegrationRegistry registry;
  private final DeliveryLog deliveryLog;
  private final Clock clock;
  private final Limits limits;
  private final DeliveryListener listener;
  private final AlertDecider decider;
  /** Authenticators by integration and authentication, built once: signature checks prepare their keys. */
  private final java.util.concurrent.ConcurrentHashMap<List<Object>, Authenticator> authenticators =
      new java.util.concurrent.ConcurrentHashMap<>();

  private WebhookProcessor(Builder b) {
    this.registry = b.registry;
    this.deliveryLog = GuardedStores.guard(b.deliveryLog);
    this.clock = b.clock;
    this.limits = b.limits;
    this.listener = b.listener;
    this.decider = new AlertDecider(GuardedStores.guard(b.stateStore), b.limits, b.retention);
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
   * @return the decision, its HTTP status and the event to apply, if any
   * @throws UnavailableException when the store or a tool's API is down (answer 503)
   * @throws ConfigurationException when the source names an unknown integration or a signature check
   *     the integration does not have
   */
  public ProcessingResult process(AlertSource source, Delivery delivery) {
    return run(source, delivery, true);
  }

  /**
   * Runs the same steps as {@link #process} without changing anything: no state is written and the
   * delivery id is not recorded.
   *
   * @param source the alert source the delivery came to
   * @param delivery the delivery
   * @return what {@link #process} would decide now, with its explanation
   * @throws UnavailableException when the store or a tool's API is down
   * @throws ConfigurationException as for {@link #process}
   */
  public ProcessingResult explain(AlertSource source, Delivery delivery) {
    return run(source, delivery, false);
  }

  private ProcessingResult run(AlertSource source, Delivery delivery, boolean commit) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(delivery, "delivery");
    long started = System.nanoTime();
    Integration integration = registry.require(source.integration());
    ProcessingResult result = handle(integration, source, delivery, commit);
    if (LOG.isDebugEnabled()) {
      LOG.debug("source={} outcome={} alertKey={} committed={}", source.id(), result.outcome(),
          result.alertKey().orElse("-"), commit);
    }
    if (listener != NO_LISTENER) {
      notifyListener(new DeliveryListener.ProcessedDelivery(source.id(), integration.name(), result.outcome(),
          result.alertKey(), Duration.ofNanos(System.nanoTime() - started), commit));
    }
    return result;
  }

  private ProcessingResult handle(Integration integration, AlertSource source, Delivery delivery, boolean commit) {
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
    if (!cachedAuthenticator(integration, source).authenticate(delivery)) {
      return ProcessingResult.early(source, Outcome.UNAUTHORIZED, "authentication failed");
    }
    Instant now = delivery.receivedAt().orElseGet(clock::instant);
    // 3. parse
    List<TicketSnapshot> snapshots;
    try {
      snapshots = integration.parser().parse(delivery, new ParseContext(source, limits, clock));
    } catch (InvalidDeliveryException e) {
      return ProcessingResult.early(source, Outcome.INVALID, e.getMessage());
    } catch (UnavailableException | ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("the {} parser failed unexpectedly on a delivery to source {}", integration.name(), source.id(), e);
      return ProcessingResult.early(source, Outcome.INVALID, "the delivery could not be read");
    }
    if (snapshots == null || snapshots.isEmpty()) {
      return ProcessingResult.early(source, Outcome.INVALID, "the delivery holds no ticket event");
    }
    // 4. deduplicate
    Optional<String> deliveryId = integration.deliveryId(delivery);
    if (deliveryId.isPresent()) {
      boolean fresh = commit
          ? deliveryLog.markSeen(source.id(), deliveryId.get(), now)
          : !deliveryLog.contains(source.id(), deliveryId.get(), now);
      if (!fresh) {
        String message = "delivery " + deliveryId.get() + " was already processed";
        List<ProcessingResult> duplicates = new ArrayList<>(snapshots.size());
        for (TicketSnapshot snapshot : snapshots) {
          duplicates.add(decider.duplicate(integration, source, snapshot, now, message));
        }
        return duplicates.size() == 1 ? duplicates.get(0) : ProcessingResult.batch(source, duplicates);
      }
    }
    // 5-7. map, decide, commit
    try {
      StatusMappingTable table = source.table().orElseGet(integration::defaultTable);
      List<ProcessingResult> results = new ArrayList<>(snapshots.size());
      for (TicketSnapshot snapshot : snapshots) {
        results.add(decider.decide(integration, source, table, snapshot, now, commit));
      }
      return results.size() == 1 ? results.get(0) : ProcessingResult.batch(source, results);
    } catch (RuntimeException e) {
      if (commit && deliveryId.isPresent()) {
        deliveryLog.forget(source.id(), deliveryId.get());
      }
      throw e;
    }
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

    private Builder(IntegrationRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** @param stateStore where alert states live @return this builder */
    public Builder stateStore(AlertStateStore stateStore) {
      this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
      return this;
    }

    /** @param deliveryLog where delivery ids are remembered @return this builder */
    public Builder deliveryLog(DeliveryLog deliveryLog) {
      this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
      return this;
    }

    /** @param clock the time source for every decision @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @param limits bounds on what one delivery may cost @return this builder */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** @param retention how long resolved alerts are remembered @return this builder */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention must not be negative, got " + retention);
      }
      this.retention = retention;
      return this;
    }

    /** @param listener told about every processed delivery @return this builder */
    public Builder listener(DeliveryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** @return the processor */
    public WebhookProcessor build() {
      return new WebhookProcessor(this);
    }
  }
}
