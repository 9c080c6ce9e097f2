package io.alertbridge.autotask;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An integration as another, but whose ticket writer throws a {@link VirtualMachineError} on its first write,
 * as a process that dies in the middle of a write would: the processor lets it through (other errors are
 * retried like any failed write).
 */
final class ErrorOnceIntegration implements Integration {
  /** What the first write throws: a failure no writer is expected to catch. */
  static final class Crash extends VirtualMachineError {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the writer's thread died");
    }
  }

  private final Integration delegate;
  private final AtomicBoolean crashed = new AtomicBoolean();

  ErrorOnceIntegration(Integration delegate) {
    this.delegate = delegate;
  }

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
  public Optional<TicketPoller> ticketPoller() {
    return delegate.ticketPoller();
  }

  @Override
  public Optional<TicketWriter> ticketWriter() {
    TicketWriter writer = delegate.ticketWriter().orElseThrow();
    return Optional.of(new TicketWriter() {
      @Override
      public WriteBackTable table(AlertSource source) {
        return writer.table(source);
      }

      @Override
      public void write(String ticketId, TicketChange change, ParseContext context) {
        if (crashed.compareAndSet(false, true)) {
          throw new Crash();
        }
        writer.write(ticketId, change, context);
      }

      @Override
      public boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
        return writer.isOwnChange(snapshot, source);
      }
    });
  }
}
