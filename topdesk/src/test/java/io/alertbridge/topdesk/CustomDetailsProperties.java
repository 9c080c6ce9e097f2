package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class CustomDetailsProperties {
  private static final AlertSource SOURCE = AlertSource.of("topdesk-prod", TopdeskIntegration.NAME);

  /** Whatever extra fields a body carries, they all arrive as custom details and change nothing else. */
  @Property
  void extraFieldsArriveAsCustomDetailsAndChangeNothingElse(@ForAll("eventTypes") String eventType,
      @ForAll("texts") String key, @ForAll("texts") String summary, @ForAll("priorities") String priority,
      @ForAll("extraFields") Map<String, Object> extras) {
    Map<String, Object> own = new LinkedHashMap<>();
    own.put("eventType", eventType);
    own.put("incidentKey", key);
    own.put("summary", summary);
    own.put("priority", priority);
    Map<String, Object> withExtras = new LinkedHashMap<>(own);
    withExtras.putAll(extras);

    ProcessingResult plain = openThenSend(own);
    ProcessingResult extended = openThenSend(withExtras);

    assertThat(extended.outcome()).isEqualTo(plain.outcome());
    assertThat(extended.ticketId()).contains(key);
    assertThat(extended.state()).isEqualTo(plain.state());
    TicketSnapshot snapshot = extended.explanation().snapshot().orElseThrow();
    TicketSnapshot plainSnapshot = plain.explanation().snapshot().orElseThrow();
    assertThat(snapshot.ticketId()).isEqualTo(plainSnapshot.ticketId());
    assertThat(snapshot.status()).isEqualTo(plainSnapshot.status());
    assertThat(snapshot.summary()).isEqualTo(summary);
    assertThat(snapshot.priority()).isEqualTo(plainSnapshot.priority());
    assertThat(snapshot.customDetails()).containsExactlyEntriesOf(extras);
    assertThat(extended.event().map(AlertEvent::customDetails)).isEqualTo(
        plain.event().map(event -> extras));
    assertThat(extended.event().map(AlertEvent::summary)).isEqualTo(plain.event().map(AlertEvent::summary));
    assertThat(extended.event().map(AlertEvent::priority)).isEqualTo(plain.event().map(AlertEvent::priority));
  }

  /** For any bytes, the parser reads one snapshot or says why not; nothing else escapes. */
  @Property
  void anyBodyIsReadOrRejectedAsInvalid(@ForAll("bodies") byte[] body) {
    ParseContext context = new ParseContext(SOURCE, Limits.defaults(), TestClock.at("2025-04-14T06:32:36Z"));
    try {
      assertThat(new ActionSequenceParser().parse(Delivery.of(Headers.empty(), body), context)).hasSize(1);
    } catch (InvalidDeliveryException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  /** Sends an ALERT for the key first when the event type needs an open alert, then the body. */
  private static ProcessingResult openThenSend(Map<String, Object> body) {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new TopdeskIntegration()))
        .clock(TestClock.at("2025-04-14T06:32:36Z")).build();
    if (!"ALERT".equalsIgnoreCase((String) body.get("eventType"))) {
      Map<String, Object> open = Map.of("eventType", "ALERT", "incidentKey", body.get("incidentKey"));
      processor.process(SOURCE, delivery(open));
    }
    return processor.process(SOURCE, delivery(body));
  }

  private static Delivery delivery(Map<String, Object> body) {
    return Delivery.of(Headers.of("Content-Type", "application/json"),
        Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> eventTypes() {
    return Arbitraries.of("ALERT", "alert", "ACCEPT", "Accept", "RESOLVE", "resolve");
  }

  @Provide
  Arbitrary<String> priorities() {
    return Arbitraries.of("HIGH", "LOW", "low", "", "P2");
  }

  /** Any Unicode text (supplementary planes included, no lone surrogates) with something visible. */
  @Provide
  Arbitrary<String> texts() {
    return unicode(0, 24).filter(text -> !text.isBlank() && !text.contains("${"));
  }

  @Provide
  Arbitrary<Map<String, Object>> extraFields() {
    Arbitrary<String> names = unicode(0, 16).filter(name -> !ActionSequenceParser.OWN_FIELDS.contains(name));
    Arbitrary<Object> values = Arbitraries.oneOf(unicode(0, 40), Arbitraries.of("", "[Onbekend]", "${persoonid}"))
        .map(value -> (Object) value);
    return Arbitraries.maps(names, values).ofMaxSize(8).map(LinkedHashMap::new);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> nearlyValid = Combinators.combine(Arbitraries.of("ALERT", "RESOLVE", "CLOSE", "${x}"),
            Arbitraries.strings().ofMaxLength(12), Arbitraries.integers().between(0, 80))
        .as((type, key, cut) -> {
          String text = "{\"eventType\": \"" + type + "\", \"incidentKey\": \"" + key + "\", \"links\": [\"a\"]}";
          return text.substring(0, Math.min(cut, text.length())).getBytes(StandardCharsets.UTF_8);
        });
    return Arbitraries.oneOf(noise, nearlyValid);
  }

  private static Arbitrary<String> unicode(int minLength, int maxLength) {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
        Tuple.of(3, Arbitraries.integers().between(0, 0xd7ff)),
        Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
    return codePoints.list().ofMinSize(minLength).ofMaxSize(maxLength).map(points -> {
      StringBuilder text = new StringBuilder();
      points.forEach(text::appendCodePoint);
      return text.toString();
    });
  }
}
