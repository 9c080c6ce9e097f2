package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class HaloIdProperties {

  /** How an id may be written: {@code 3}, {@code 3.0}, {@code "3"} or {@code "3.0"}. */
  enum Spelling {
    INTEGER, DECIMAL, STRING, DECIMAL_STRING;

    String write(long id) {
      return switch (this) {
        case INTEGER -> Long.toString(id);
        case DECIMAL -> id + ".0";
        case STRING -> "\"" + id + "\"";
        case DECIMAL_STRING -> "\"" + id + ".00\"";
      };
    }
  }

  @Provide
  Arbitrary<Long> statusIds() {
    return Arbitraries.oneOf(Arbitraries.of(1L, 2L, 4L, 8L, 9L, 18L), Arbitraries.longs().between(0, 1_000_000));
  }

  @Provide
  Arbitrary<String> statusNames() {
    return Arbitraries.of("", "New", "In Progress", "With User", "Resolved", "Closed", "Cancelled", "Approved");
  }

  private static String body(boolean nested, long ticketId, long statusId, String statusName, long priorityId,
      Spelling ticket, Spelling status, Spelling priority) {
    String name = statusName.isEmpty() ? "" : ", \"name\": \"" + statusName + "\"";
    return nested
        ? "{\"ticket\": {\"id\": " + ticket.write(ticketId) + ", \"status\": {\"id\": " + status.write(statusId) + name
            + "}, \"priority\": {\"id\": " + priority.write(priorityId) + "}, \"summary\": \"s\"}}"
        : "{\"ticket\": {\"id\": " + ticket.write(ticketId) + ", \"status_id\": " + status.write(statusId)
            + ", \"priority_id\": " + priority.write(priorityId) + ", \"summary\": \"s\"}}";
  }

  private static ProcessingResult process(String body, boolean withOpenAlert, long ticketId) {
    WebhookProcessor processor = Halo.processor();
    if (withOpenAlert) {
      processor.process(Halo.SOURCE, Deliveries.json(body(true, ticketId, 1, "New", 1, Spelling.INTEGER,
          Spelling.INTEGER, Spelling.INTEGER)));
    }
    return processor.process(Halo.SOURCE, Deliveries.json(body));
  }

  @Property
  void anySpellingOfAnIdMapsTheSame(@ForAll @LongRange(min = 1, max = 9_999_999_999L) long ticketId,
      @ForAll("statusIds") long statusId, @ForAll("statusNames") String statusName,
      @ForAll @LongRange(min = 1, max = 6) long priorityId, @ForAll boolean nested, @ForAll boolean withOpenAlert,
      @ForAll Spelling ticket, @ForAll Spelling status, @ForAll Spelling priority) {
    String name = nested ? statusName : "";
    ProcessingResult expected = process(body(nested, ticketId, statusId, name, priorityId, Spelling.INTEGER,
        Spelling.INTEGER, Spelling.INTEGER), withOpenAlert, ticketId);

    ProcessingResult actual = process(body(nested, ticketId, statusId, name, priorityId, ticket, status, priority),
        withOpenAlert, ticketId);

    assertThat(actual.outcome()).isEqualTo(expected.outcome());
    assertThat(actual.ticketId()).contains(Long.toString(ticketId)).isEqualTo(expected.ticketId());
    assertThat(actual.explanation().matchedRow()).isPresent().isEqualTo(expected.explanation().matchedRow());
    assertThat(actual.explanation().snapshot().orElseThrow().status())
        .isEqualTo(expected.explanation().snapshot().orElseThrow().status());
    assertThat(actual.event().map(e -> e.priority())).isEqualTo(expected.event().map(e -> e.priority()));
  }

  @Property(tries = 300)
  void arbitraryBodiesGiveSnapshotsOrAnInvalidDelivery(@ForAll("bodies") String body) {
    HaloParser parser = new HaloParser();
    ParseContext context = new ParseContext(Halo.SOURCE, Limits.defaults(), TestClock.at("2025-11-18T12:00:00Z"));
    try {
      assertThat(parser.parse(Deliveries.json(body), context)).isNotEmpty();
    } catch (InvalidDeliveryException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> values = Arbitraries.of("1", "9.0", "\"9\"", "\"x\"", "null", "true", "[]", "{}", "\"\"",
        "\"1900-01-01T00:00:00\"", "\"2025-11-18T08:42:17.303\"", "{\"id\": 2.5}", "{\"id\": \"a\", \"name\": 3}",
        "\"<b>x</b>&amp;\"", "-1", "1e400", "99999999999999999999");
    Arbitrary<String> keys = Arbitraries.of("id", "ID", "status", "status_id", "priority", "priority_id",
        "lastactiondate", "dateclosed", "hasbeenclosed", "details", "agent", "summary", "object_id", "timestamp");
    Arbitrary<String> ticket = Arbitraries.maps(keys, values).ofMaxSize(8).map(map -> {
      StringBuilder json = new StringBuilder("{");
      map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
      return json.append('}').toString();
    });
    return Arbitraries.oneOf(
        ticket.map(t -> "{\"ticket\": " + t + "}"),
        ticket.map(t -> "{\"event\": \"e\", \"object_id\": 5, \"timestamp\": \"2025-11-18T08:42:17\","
            + " \"ticket\": " + t + "}"),
        ticket.list().ofMaxSize(3).map(list -> "[" + String.join(",", list.stream()
            .map(t -> "{\"event\": \"e\", \"ticket\": " + t + "}").toList()) + "]"),
        ticket,
        Arbitraries.strings().ofMaxLength(30));
  }
}
