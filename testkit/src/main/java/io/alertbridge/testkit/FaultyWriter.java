package io.alertbridge.testkit;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Authenticator;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketPoller;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketSource;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An integration exactly as another, but whose ticket writer throws what a test tells it to, before the real
 * write: for testing that the way back loses no change when a write fails or the process dies in the middle
 * of one (throw a {@link VirtualMachineError}, which the processor lets through, for the latter).
 *
 * <pre>{@code
 * FaultyWriter faulty = FaultyWriter.wrapping(new TopdeskIntegration());
 * WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(faulty.integration())).build();
 * faulty.failNext(new InternalError("the process died"));
 * }</pre>
 */
public final class FaultyWriter {
  private final Integration delegate;
  private final Deque<Throwable> failures = new ArrayDeque<>();
  private final Integration integration;

  private FaultyWriter(Integration delegate) {
    this.delegate = delegate;
    this.integration = new Wrapped();
  }

  /**
   * @param delegate an integration with a ticket writer
   * @return its faulty twin, failing nothing until told to
   */
  public static FaultyWriter wrapping(Integration delegate) {
    Objects.requireNonNull(delegate, "delegate");
    if (delegate.ticketWriter().isEmpty()) {
      throw new IllegalArgumentException("the " + delegate.name() + " integration has no ticket writer");
    }
    return new FaultyWriter(delegate);
  }

  /**
   * @param failure what the next write throws instead of writing: a runtime exception or an error
   * @return this
   */
  public synchronized FaultyWriter failNext(Throwable failure) {
    if (!(failure instanceof RuntimeException) && !(failure instanceof Error)) {
      throw new IllegalArgumentException("a write can throw a RuntimeException or an Error, not " + failure);
    }
    failures.add(failure);
    return this;
  }

  /** @return the integration to register in the processor under test */
  public Integration integration() {
    return integration;
  }

  private synchronized Throwable nextFailure() {
    return failures.poll();
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw (Error) failure;
  }

  /** Forwards everything to the delegate; its writer fails first as told. */
  private final class Wrapped implements Integration {
    private final TicketWriter writer = new TicketWriter() {
      private final TicketWriter real = delegate.ticketWriter().orElseThrow();

      @Override
      public WriteBackTable table(AlertSource source) {
        return real.table(source);
      }

      @Override
      public void write(String ticketId, TicketChange change, ParseContext context) {
        Throwable failure = nextFailure();
        if (failure != null) {
          rethrow(failure);
        }
        real.write(ticketId, change, context);
      }

      @Override
      public List<String> echoStatuses(String written, AlertSource source) {
        return real.echoStatuses(written, source);
      }

      @Override
      public boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
        return real.isOwnChange(snapshot, source);
      }
    };

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public DeliveryParser parser() {
      return delegate.parser();
    }

    @Override
    public StatusMappingTable defaultTable() {
      return delegate.defaultTable();
    }

    @Override
    public PriorityMapping priorityMapping() {
      return delegate.priorityMapping();
    }

    @Override
    public Set<String> mediaTypes() {
      return delegate.mediaTypes();
    }

    @Override
    public Optional<String> deliveryId(Delivery delivery) {
      return delegate.deliveryId(delivery);
    }

    @Override
    public Optional<Authenticator> signatureVerifier(Authentication.Signature signature, Clock clock) {
      return delegate.signatureVerifier(signature, clock);
    }

    @Override
    public Authentication.Kind preferredAuthentication() {
      return delegate.preferredAuthentication();
    }

    @Override
    public Optional<TicketSource> ticketSource() {
      return delegate.ticketSource();
    }

    @Override
    public Optional<IntegrationSettings> readSettings(JsonObject settings) {
      return delegate.readSettings(settings);
    }

    @Override
    public Map<String, String> settingOptions() {
      return delegate.settingOptions();
    }

    @Override
    public List<String> validate(AlertSource source) {
      return delegate.validate(source);
    }

    @Override
    public Optional<TicketWriter> ticketWriter() {
      return Optional.of(writer);
    }

    @Override
    public Optional<TicketPoller> ticketPoller() {
      return delegate.ticketPoller();
    }
  }
}
