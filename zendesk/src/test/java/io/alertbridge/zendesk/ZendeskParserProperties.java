package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Untrusted bodies: only documented outcomes, never an exception; well-formed tickets keep their text. */
class ZendeskParserProperties {
  private static final Set<Outcome> PARSED_OUTCOMES = EnumSet.of(Outcome.INVALID, Outcome.CREATED, Outcome.UNCHANGED,
      Outcome.REJECTED, Outcome.ACCEPTED, Outcome.RESOLVED, Outcome.STALE, Outcome.DUPLICATE);
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:02Z");
  private static final AlertSource SOURCE = AlertSource.of("zendesk-prod", ZendeskIntegration.NAME);
  private static final List<String> FIELDS = List.of("id", "title", "description", "via", "status", "priority",
      "requester_name", "group_name", "assignee_name", "account", "link", "latest_comment", "updated_at",
      "latest_comment_author_name", "tags", "additional_ticket_details");

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(TestClock.at(NOW)).build();

  /** Any JSON object, with template fields of any type: a documented outcome, and INVALID says why. */
  @Property(tries = 500)
  void arbitraryJsonObjectsGiveOnlyDocumentedOutcomes(@ForAll("objects") Map<String, Object> object) {
    Delivery delivery = json(Json.write(object).getBytes(StandardCharsets.UTF_8));

    ProcessingResult result = processor.process(SOURCE, delivery);

    assertThat(result.outcome()).isIn(PARSED_OUTCOMES);
    assertThat(result.httpStatus()).isEqualTo(result.outcome().httpStatus());
    assertThat(result.message()).isNotBlank().doesNotContain("could not be read");
  }

  /** Any bytes at all: the parser reads one snapshot or throws the documented exception. */
  @Property(tries = 500)
  void anyBytesAreReadOrRefusedAsInvalid(@ForAll("bodies") byte[] body) {
    ParseContext context = new ParseContext(SOURCE, Limits.defaults(), TestClock.at(NOW));
    try {
      assertThat(new TriggerBodyParser().parse(json(body), context)).hasSize(1);
    } catch (InvalidDeliveryException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  /** A signed, well-formed ticket with any text is never refused, and its title and description arrive intact. */
  @Property(tries = 300)
  void wellFormedTicketsKeepTheirText(@ForAll("texts") String title, @ForAll("texts") String description,
      @ForAll("statuses") String status) {
    AlertSource signed = AlertSource.builder("zendesk-signed", ZendeskIntegration.NAME)
        .authentication(Authentication.signature(Trigger.FIXTURE_SECRET)).build();
    Delivery delivery = Trigger.ticket("4711", status).with("title", title).with("description", description)
        .signed(Trigger.FIXTURE_SECRET, NOW);

    WebhookProcessor fresh = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
        .clock(TestClock.at(NOW)).build();

    ProcessingResult result = fresh.process(signed, delivery);

    Outcome expected = status.equalsIgnoreCase("Solved") || status.equalsIgnoreCase("Closed")
        ? Outcome.REJECTED : Outcome.CREATED;
    assertThat(result.outcome()).isEqualTo(expected);
    if (expected == Outcome.CREATED) {
      AlertEvent event = result.event().orElseThrow();
      assertThat(event.summary()).isEqualTo(title.isBlank() ? TicketText.summary(title, description).isEmpty()
          ? "4711" : TicketText.summary(title, description) : title);
      if (!description.isBlank()) {
        assertThat(event.details()).startsWith(description + "\n\nRequester: Dana Whitfield");
      }
    }
  }

  private static Delivery json(byte[] body) {
    return Delivery.of(Headers.of("Content-Type", "application/json"), body);
  }

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    Arbitrary<String> keys = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(FIELDS)), Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    return Arbitraries.maps(keys, values()).ofMaxSize(10).map(LinkedHashMap::new);
  }

  private Arbitrary<Object> values() {
    return Arbitraries.recursive(this::scalars, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(3).map(list -> (Object) new ArrayList<>(list)),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner).ofMaxSize(3)
            .map(map -> (Object) new LinkedHashMap<>(map))), 0, 3);
  }

  private Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "4711", "New", "Open", "pending", "On-hold", "hold", "Solved", "closed", "Urgent",
            "2013-12-12T05:35Z", "{{ticket.id}}", "not a time").map(s -> (Object) s),
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.longs().map(n -> (Object) n),
        Arbitraries.bigDecimals().ofScale(2).map(n -> (Object) n),
        Arbitraries.of(true, false).map(b -> (Object) b)).injectNull(0.05);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        Arbitraries.strings().ofMaxLength(80).map(s -> ("{\"id\": \"4711\", \"status\": \"" + s + "\"}")
            .getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings().withChars("{}[]\":,\\ \n0aZ").ofMaxLength(60).map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\ufffd')
        .withChars('"', '\\', '\n', '\t').ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> statuses() {
    return Arbitraries.of("New", "Open", "Pending", "On-hold", "Solved", "Closed", "Escalated");
  }
}
