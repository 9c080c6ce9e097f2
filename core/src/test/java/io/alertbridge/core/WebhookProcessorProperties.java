package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.example.Deliveries;
import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class WebhookProcessorProperties {
  private static final AlertSource SOURCE = AlertSource.of("props", ExampleIntegration.NAME);

  private static WebhookProcessor processor() {
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(MutableClock.at("2025-03-04T09:15:00Z")).build();
  }

  @Property(tries = 500)
  void arbitraryBytesGiveOnlyDocumentedOutcomes(@ForAll @Size(max = 300) byte[] body) {
    ProcessingResult result = processor().process(SOURCE, Delivery.of(Headers.empty(), body));

    assertThat(result.outcome()).isIn(Outcome.INVALID, Outcome.CREATED, Outcome.UNCHANGED, Outcome.REJECTED);
    assertThat(result.message()).isNotBlank();
    assertThat(result.responseBody()).startsWith("{\"outcome\":\"" + result.outcome() + "\"");
  }

  @Property(tries = 500)
  void arbitraryJsonObjectsGiveOnlyDocumentedOutcomes(@ForAll("objects") Map<String, Object> object) {
    ProcessingResult result = processor().process(SOURCE, Deliveries.json(Json.write(object)));

    assertThat(result.outcome()).isIn(Outcome.INVALID, Outcome.CREATED, Outcome.UNCHANGED, Outcome.REJECTED);
    if (result.outcome() == Outcome.INVALID) {
      assertThat(result.message()).containsAnyOf("expected", "not valid JSON", "nests deeper");
    }
  }

  @Property(tries = 300)
  void reapplyingTheSameSnapshotChangesNothing(@ForAll("statuses") String first, @ForAll("statuses") String second) {
    WebhookProcessor processor = processor();
    processor.process(SOURCE, Deliveries.json("{\"id\": 1, \"status\": \"" + first + "\", \"updatedAt\": \"2025-03-04T09:00:00Z\"}"));
    String snapshot = "{\"id\": 1, \"status\": \"" + second + "\", \"updatedAt\": \"2025-03-04T09:05:00Z\"}";
    ProcessingResult applied = processor.process(SOURCE, Deliveries.json(snapshot));

    ProcessingResult reapplied = processor.process(SOURCE, Deliveries.json(snapshot));

    assertThat(reapplied.event()).isEmpty();
    assertThat(reapplied.state()).isEqualTo(applied.state());
    assertThat(reapplied.outcome()).isEqualTo(applied.outcome() == Outcome.REJECTED ? Outcome.REJECTED : Outcome.UNCHANGED);
  }

  @Provide
  Arbitrary<String> statuses() {
    return Arbitraries.of("New", "Open", "Working", "Closed", "Solved", "Info", "Escalated");
  }

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    Arbitrary<Object> values = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of("New", "Open", "Working", "Closed", "").map(s -> (Object) s),
        Arbitraries.longs().between(-5, 5).map(n -> (Object) n),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(3).map(l -> (Object) l));
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("id", "status", "summary", "priority", "updatedAt",
        "details", "link"), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
    return Arbitraries.maps(names, values).ofMaxSize(8).map(m -> {
      Map<String, Object> ordered = new LinkedHashMap<>(m);
      Optional.ofNullable(ordered.get("updatedAt")).ifPresent(v -> ordered.put("updatedAt", String.valueOf(v)));
      return ordered;
    });
  }
}
