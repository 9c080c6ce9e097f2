package io.alertbridge.core.example;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.IGNORE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.REJECT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.Integration;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Link;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal integration for tests: a JSON object (or an array of them, as one batch) with
 * {@code id}, {@code status}, optional {@code summary}, {@code details}, {@code priority},
 * {@code updatedAt}, and an {@code X-Delivery-Id} header; every other field is a custom detail. Tests
 * may extend it to change one part.
 */
public class ExampleIntegration implements Integration {
  /** The name in registries. */
  public static final String NAME = "example";

  /** New/Open create, Working accepts, Closed/Solved resolve, Info is ignored. */
  public static final StatusMappingTable TABLE = StatusMappingTable.builder()
      .row(LifecycleRule.of(CREATE, KEEP), "New", "Open")
      .row(LifecycleRule.of(CREATE, ACCEPT), "Working")
      .row(LifecycleRule.of(REJECT, RESOLVE), "Solved", "Closed")
      .row(LifecycleRule.of(IGNORE, KEEP), "Info")
      .otherwise(LifecycleRule.of(CREATE, KEEP))
      .build();

  private static final Set<String> OWN_FIELDS = Set.of("id", "status", "summary", "details", "priority", "updatedAt", "link");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DeliveryParser parser() {
    return (delivery, context) -> {
      Object parsed = Json.parse(delivery.body(), context.limits());
      if (parsed instanceof List<?> batch) {
        context.checkBatchSize(batch.size());
        List<TicketSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          Object element = batch.get(i);
          if (!(element instanceof Map<?, ?>)) {
            throw new io.alertbridge.core.InvalidFieldException("/" + i, "an object", JsonObject.typeName(element));
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) element;
          snapshots.add(snapshot(JsonObject.of(map, "/" + i)));
        }
        return snapshots;
      }
      return List.of(snapshot(JsonObject.root(parsed)));
    };
  }

  /** @param ticket one ticket object @return its snapshot @throws io.alertbridge.core.InvalidFieldException when a field is wrong */
  protected static TicketSnapshot snapshot(JsonObject ticket) {
    String id = ticket.requiredId("id");
    String status = ticket.requiredString("status");
    TicketSnapshot.Builder builder = TicketSnapshot.builder(id, CodedValue.of(status))
        .summary(ticket.optionalString("summary").orElse(""))
        .details(ticket.optionalString("details").orElse(""));
    ticket.optionalString("priority").filter(p -> !p.isBlank()).map(CodedValue::of).ifPresent(builder::priority);
    ticket.optionalString("link").filter(l -> !l.isBlank()).map(Link::of).ifPresent(builder::link);
    Optional<String> updated = ticket.optionalString("updatedAt");
    if (updated.isPresent()) {
      try {
        builder.sourceUpdatedAt(Instant.parse(updated.get()));
      } catch (DateTimeParseException e) {
        throw new io.alertbridge.core.InvalidFieldException(ticket.pointerOf("updatedAt"), "an ISO-8601 instant",
            '"' + updated.get() + '"');
      }
    }
    ticket.values().forEach((name, value) -> {
      if (!OWN_FIELDS.contains(name)) {
        builder.customDetail(name, Json.freeze(value));
      }
    });
    return builder.build();
  }

  /**
   * The example's settings: a region, read from {@code {"region": "eu"}}.
   *
   * @param region where the example tool runs
   */
  public record ExampleSettings(String region) implements io.alertbridge.core.IntegrationSettings {}

  @Override
  public Optional<io.alertbridge.core.IntegrationSettings> readSettings(io.alertbridge.core.json.JsonObject json) {
    java.util.List<String> problems = new java.util.ArrayList<>();
    json.values().keySet().stream().filter(name -> !name.equals("region"))
        .forEach(name -> problems.add("unknown member at " + json.pointerOf(name)));
    if (!(json.get("region") instanceof String region)) {
      problems.add("expected a string at " + json.pointerOf("region"));
      throw new io.alertbridge.core.ConfigurationException("example settings", problems);
    }
    if (!problems.isEmpty()) {
      throw new io.alertbridge.core.ConfigurationException("example settings", problems);
    }
    return Optional.of(new ExampleSettings(region));
  }

  @Override
  public java.util.List<String> validate(io.alertbridge.core.AlertSource source) {
    return source.settings().isEmpty() || source.settings(ExampleSettings.class).isPresent() ? java.util.List.of()
        : java.util.List.of("the example integration takes ExampleSettings");
  }

  @Override
  public StatusMappingTable defaultTable() {
    return TABLE;
  }

  @Override
  public PriorityMapping priorityMapping() {
    return PriorityMapping.builder().name(Priority.HIGH, "Urgent", "High").name(Priority.LOW, "Normal", "Low").build();
  }

  @Override
  public Optional<String> deliveryId(io.alertbridge.core.Delivery delivery) {
    return delivery.headers().first("X-Delivery-Id");
  }
}
