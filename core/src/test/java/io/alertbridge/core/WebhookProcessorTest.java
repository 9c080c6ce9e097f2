package io.alertbridge.core;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WebhookProcessorTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);

  private final MutableClock clock = MutableClock.at("2025-03-04T09:15:00Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final List<DeliveryListener.ProcessedDelivery> heard = new ArrayList<>();
  private final WebhookProcessor processor = processor(Limits.defaults(), store);

  private WebhookProcessor processor(Limits limits, AlertStateStore stateStore) {
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).limits(limits).stateStore(stateStore).listener(heard::add).build();
  }

  private ProcessingResult send(String body) {
    return processor.process(SOURCE, json(body));
  }

  @Test
  void createsAnAlertForANewTicket() {
    ProcessingResult result = send("""
        {"id": "4711", "status": "New", "summary": "Checkout down", "details": "502 in EU",
         "priority": "Urgent", "link": "https://desk.example/4711", "team": "Web"}""");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.httpStatus()).isEqualTo(202);
    assertThat(result.state()).contains(AlertState.PENDING);
    AlertEvent event = result.event().orElseThrow();
    assertThat(event).isEqualTo(new AlertEvent(event.alertId() + "/alert", event.alertId(), EventType.ALERT, "4711",
        "Checkout down", "502 in EU", Priority.HIGH, List.of(Link.of("https://desk.example/4711")),
        Map.of("team", "Web"), "service-desk", "New", java.util.Set.of()));
    assertThat(event.alertId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(result.responseBody()).isEqualTo(
        "{\"outcome\":\"CREATED\",\"alertKey\":\"4711\",\"state\":\"PENDING\","
            + "\"message\":\"status \\\"New\\\": no open alert, so one is created\"}");
  }

  @Test
  void walksATicketFromNewThroughWorkingToClosed() {
    assertThat(send("{\"id\": 7, \"status\": \"New\"}").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(send("{\"id\": 7, \"status\": \"Open\"}").outcome()).isEqualTo(Outcome.UNCHANGED);
    ProcessingResult accepted = send("{\"id\": 7, \"status\": \"working\"}");
    ProcessingResult again = send("{\"id\": 7, \"status\": \"Working\"}");
    ProcessingResult resolved = send("{\"id\": 7, \"status\": \"Closed\"}");
    ProcessingResult late = send("{\"id\": 7, \"status\": \"Solved\"}");

    assertThat(accepted.event()).map(AlertEvent::eventType).contains(EventType.ACCEPT);
    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.message()).isEqualTo("status \"Working\": the alert is already accepted");
    assertThat(resolved.event()).map(AlertEvent::eventType).contains(EventType.RESOLVE);
    assertThat(resolved.state()).contains(AlertState.RESOLVED);
    assertThat(late.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(late.httpStatus()).isEqualTo(200);
  }

  @Test
  void rejectsAStatusThatMayNotCreateAnAlert() {
    ProcessingResult result = send("{\"id\": \"9\", \"status\": \"Closed\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.state()).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void refusesABodyOverTheLimitBeforeReadingIt() {
    WebhookProcessor small = processor(Limits.builder().maxBodyBytes(16).build(), store);

    ProcessingResult result = small.process(SOURCE, json("{\"id\": \"1\", \"status\": \"New\"}"));

    assertThat(result.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(result.httpStatus()).isEqualTo(413);
    assertThat(result.message()).isEqualTo("body is 28 bytes; the limit is 16");
  }

  @Test
  void refusesAContentTypeTheIntegrationDoesNotRead() {
    Delivery xml = Delivery.of(Headers.of("content-type", "text/xml; charset=utf-8"), "<a/>".getBytes(StandardCharsets.UTF_8));

    ProcessingResult result = processor.process(SOURCE, xml);

    assertThat(result.outcome()).isEqualTo(Outcome.UNSUPPORTED_MEDIA_TYPE);
    assertThat(result.httpStatus()).isEqualTo(415);
    assertThat(result.message()).contains("text/xml");
  }

  @Test
  void readsABodyWithoutContentTypeOrWithParameters() {
    Delivery bare = Delivery.of(Headers.empty(), "{\"id\": \"1\", \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8));
    Delivery charset = Delivery.of(Headers.of("Content-Type", "Application/JSON; charset=UTF-8"),
        "{\"id\": \"2\", \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(processor.process(SOURCE, bare).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(processor.process(SOURCE, charset).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void malformedJsonAndWrongContentAreDifferentFailures() {
    ProcessingResult malformed = send("{\"id\": \"1\", \"status\": \"New\"");
    ProcessingResult wrongType = send("{\"id\": \"1\", \"status\": 3}");
    ProcessingResult missing = send("{\"id\": \"1\"}");
    ProcessingResult emptyId = send("{\"id\": \"  \", \"status\": \"New\"}");

    assertThat(List.of(malformed, wrongType, missing, emptyId)).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.INVALID);
      assertThat(r.httpStatus()).isEqualTo(400);
    });
    assertThat(malformed.message()).startsWith("body is not valid JSON: ").contains("line 1");
    assertThat(wrongType.message()).isEqualTo("\"status\": expected a string at /status, got number");
    assertThat(missing.message()).isEqualTo("\"status\": expected a string at /status, got nothing");
    assertThat(emptyId.message()).isEqualTo("\"id\": expected a non-empty string or an integer at /id, got \"  \"");
  }

  @Test
  void rejectsDuplicateKeysTrailingContentAndDeepNesting() {
    assertThat(send("{\"id\": \"1\", \"status\": \"New\", \"status\": \"Closed\"}").message())
        .startsWith("body is not valid JSON: duplicate key \"status\" at /status");
    assertThat(send("{\"id\": \"1\", \"status\": \"New\"} {}").message())
        .startsWith("body is not valid JSON: unexpected content after the JSON value");
    String deep = "{\"id\": \"1\", \"status\": \"New\", \"x\": " + "[".repeat(100) + "]".repeat(100) + "}";
    assertThat(send(deep).message()).startsWith("body nests deeper than 64 levels");
  }

  @Test
  void errorMessagesNeverQuoteThePayload() {
    ProcessingResult result = send("{\"id\": \"1\", \"status\": \"New\", \"token\": \"s3cr3t-value\" oops}");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).doesNotContain("s3cr3t-value");
  }

  @Test
  void answersARetriedDeliveryAsDuplicate() {
    Delivery first = Delivery.of(Headers.of("X-Delivery-Id", "inv-1"), "{\"id\": 1, \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(processor.explain(SOURCE, first).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(processor.process(SOURCE, first).outcome()).isEqualTo(Outcome.CREATED);
    ProcessingResult retry = processor.process(SOURCE, first);

    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(retry.httpStatus()).isEqualTo(200);
    assertThat(retry.message()).isEqualTo("delivery inv-1 was already processed");
    assertThat(retry.ticketId()).contains("1");
    assertThat(retry.state()).contains(AlertState.PENDING);
    assertThat(retry.event()).isEmpty();
  }

  @Test
  void ignoresAnUpdateOlderThanTheOneApplied() {
    send("{\"id\": 1, \"status\": \"New\", \"updatedAt\": \"2025-03-04T09:10:00Z\"}");
    send("{\"id\": 1, \"status\": \"Closed\", \"updatedAt\": \"2025-03-04T09:12:00Z\"}");

    ProcessingResult late = send("{\"id\": 1, \"status\": \"Working\", \"updatedAt\": \"2025-03-04T09:11:00Z\"}");

    assertThat(late.outcome()).isEqualTo(Outcome.STALE);
    assertThat(late.state()).contains(AlertState.RESOLVED);
    assertThat(late.message()).isEqualTo(
        "ticket update of 2025-03-04T09:11:00Z is older than the one applied, of 2025-03-04T09:12:00Z");
  }

  @Test
  void theSameUpdateAppliedTwiceIsUnchanged() {
    String pending = "{\"id\": 1, \"status\": \"Working\", \"updatedAt\": \"2025-03-04T09:10:00Z\"}";

    assertThat(send(pending).outcome()).isEqualTo(Outcome.CREATED);
    ProcessingResult again = send(pending);

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.state()).contains(AlertState.PENDING);
    assertThat(send("{\"id\": 1, \"status\": \"Working\", \"updatedAt\": \"2025-03-04T09:11:00Z\"}").outcome())
        .isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void forgetsResolvedAlertsAfterTheRetention() {
    send("{\"id\": 1, \"status\": \"New\"}");
    send("{\"id\": 1, \"status\": \"Closed\"}");
    String firstAlert = store.read(new AlertKey("service-desk", "1")).orElseThrow().alertId();

    clock.advance(Duration.ofDays(7).minusSeconds(1));
    assertThat(send("{\"id\": 1, \"status\": \"Closed\"}").outcome()).isEqualTo(Outcome.UNCHANGED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(send("{\"id\": 1, \"status\": \"Closed\"}").outcome()).isEqualTo(Outcome.REJECTED);
    ProcessingResult reopened = send("{\"id\": 1, \"status\": \"New\"}");

    assertThat(reopened.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(store.read(new AlertKey("service-desk", "1")).orElseThrow().alertId()).isNotEqualTo(firstAlert);
  }

  @Test
  void opensANewAlertForAResolvedTicketUnlessThePolicyIgnores() {
    AlertSource ignoring = AlertSource.builder("quiet", ExampleIntegration.NAME).reopenPolicy(ReopenPolicy.IGNORE).build();
    for (AlertSource source : List.of(SOURCE, ignoring)) {
      processor.process(source, json("{\"id\": 1, \"status\": \"New\"}"));
      processor.process(source, json("{\"id\": 1, \"status\": \"Closed\"}"));
    }

    assertThat(send("{\"id\": 1, \"status\": \"Open\"}").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(processor.process(ignoring, json("{\"id\": 1, \"status\": \"Open\"}")).outcome())
        .isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void keepsAlertSourcesApart() {
    AlertSource other = AlertSource.of("second-desk", ExampleIntegration.NAME);

    send("{\"id\": 1, \"status\": \"New\"}");

    assertThat(processor.process(other, json("{\"id\": 1, \"status\": \"New\"}")).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void cutsLongSummaryAndDetailsAndSaysSo() {
    WebhookProcessor bounded = processor(Limits.builder().maxDetailsChars(10).build(), store);
    String summary = "s".repeat(1030);

    ProcessingResult result = bounded.process(SOURCE, json(
        "{\"id\": 1, \"status\": \"New\", \"summary\": \"" + summary + "\", \"details\": \"0123456789ABC\"}"));

    AlertEvent event = result.event().orElseThrow();
    assertThat(event.summary()).hasSize(1024).endsWith("s\u2026");
    assertThat(event.details()).isEqualTo("012345678\u2026");
    assertThat(event.truncated()).containsExactly(AlertEvent.Field.SUMMARY, AlertEvent.Field.DETAILS);
    assertThat(result.explanation().notes()).anyMatch(note -> note.startsWith("cut to the limit"));
  }

  @Test
  void fallsBackToTheTicketIdForAnEmptySummaryAndToTheSourcePriority() {
    AlertSource low = AlertSource.builder("low", ExampleIntegration.NAME).defaultPriority(Priority.LOW).build();

    AlertEvent event = processor.process(low, json("{\"id\": \"T-1\", \"status\": \"New\", \"priority\": \"Whatever\"}"))
        .event().orElseThrow();

    assertThat(event.summary()).isEqualTo("T-1");
    assertThat(event.priority()).isEqualTo(Priority.LOW);
  }

  @Test
  void anAlertSourceCanOverrideTheTable() {
    StatusMappingTable table = StatusMappingTable.builder()
        .row(LifecycleRule.of(LifecycleRule.WhenAbsent.IGNORE, LifecycleRule.WhenOpen.RESOLVE), "Done")
        .otherwise(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.KEEP))
        .build();
    AlertSource custom = AlertSource.builder("custom", ExampleIntegration.NAME).table(table).build();

    ProcessingResult closed = processor.process(custom, json("{\"id\": 1, \"status\": \"Closed\"}"));
    ProcessingResult done = processor.process(custom, json("{\"id\": 1, \"status\": \"done\"}"));

    assertThat(closed.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(done.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(done.explanation().matchedRow()).contains("row 1 [Done]");
  }

  @Test
  void explainChangesNothingAndShowsTheReasoning() {
    send("{\"id\": 1, \"status\": \"New\"}");

    ProcessingResult explained = processor.explain(SOURCE, json("{\"id\": 1, \"status\": \"Closed\", \"summary\": \"Disk\"}"));

    assertThat(explained.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(store.read(new AlertKey("service-desk", "1")).orElseThrow().state()).isEqualTo(AlertState.PENDING);
    assertThat(explained.explanation().toText()).isEqualTo("""
        source:   service-desk (example)
        ticket:   1
        status:   Closed
        summary:  Disk
        row:      row 3 [Solved, Closed] -> REJECT / RESOLVE
        state:    PENDING -> RESOLVED
        outcome:  RESOLVED (HTTP 202): status "Closed": the open alert is resolved
        """);
    assertThat(heard).extracting(DeliveryListener.ProcessedDelivery::committed).containsExactly(true, false);
  }

  @Test
  void tellsTheListenerAboutEveryDelivery() {
    send("{\"id\": 1, \"status\": \"New\"}");
    send("not json");

    assertThat(heard).hasSize(2);
    assertThat(heard.get(0).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(heard.get(0).ticketId()).contains("1");
    assertThat(heard.get(0).sourceId()).isEqualTo("service-desk");
    assertThat(heard.get(0).integration()).isEqualTo("example");
    assertThat(heard.get(0).duration()).isPositive();
    assertThat(heard.get(1).outcome()).isEqualTo(Outcome.INVALID);
  }

  @Test
  void theListenerHearsDeliveriesThatEndIn503() {
    AlertStateStore down = new ForwardingAlertStateStore(store) {
      @Override
      public Optional<StoredAlert> read(AlertKey key) {
        throw new StoreException("database unreachable");
      }
    };
    WebhookProcessor failing = processor(Limits.defaults(), down);

    assertThatThrownBy(() -> failing.process(SOURCE, json("{\"id\": 1, \"status\": \"New\"}")))
        .isInstanceOf(StoreException.class);

    assertThat(heard).singleElement().satisfies(delivery -> {
      assertThat(delivery.outcome()).isEqualTo(Outcome.UNAVAILABLE);
      assertThat(delivery.outcome().httpStatus()).isEqualTo(503);
      assertThat(delivery.committed()).isTrue();
      assertThat(delivery.sourceId()).isEqualTo("service-desk");
    });
  }

  @Test
  void aFailingListenerDoesNotFailTheDelivery() {
    WebhookProcessor noisy = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).listener(d -> { throw new IllegalStateException("metrics down"); }).build();

    assertThat(noisy.process(SOURCE, json("{\"id\": 1, \"status\": \"New\"}")).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aStoreFailureSurfacesAsStoreExceptionAndTheRetryIsProcessed() {
    AtomicBoolean down = new AtomicBoolean(true);
    AlertStateStore flaky = new ForwardingAlertStateStore(store) {
      @Override
      public boolean commit(List<AlertWrite> writes) {
        if (down.get()) {
          throw new StoreException("database unreachable");
        }
        return super.commit(writes);
      }
    };
    WebhookProcessor fragile = processor(Limits.defaults(), flaky);
    Delivery delivery = Delivery.of(Headers.of("X-Delivery-Id", "inv-9"), "{\"id\": 1, \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> fragile.process(SOURCE, delivery))
        .isInstanceOf(StoreException.class)
        .isInstanceOf(UnavailableException.class)
        .hasMessage("database unreachable");
    assertThat(store.size()).isZero();
    down.set(false);

    assertThat(fragile.process(SOURCE, delivery).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void whateverAHostStoreThrowsReachesTheHostAsStoreException() {
    AlertStateStore broken = new ForwardingAlertStateStore(store) {
      @Override
      public Optional<StoredAlert> read(AlertKey key) {
        throw new IllegalStateException("connection pool exhausted");
      }
    };

    assertThatThrownBy(() -> processor(Limits.defaults(), broken).process(SOURCE, json("{\"id\": 1, \"status\": \"New\"}")))
        .isInstanceOf(StoreException.class)
        .hasMessage("the alert state store failed: IllegalStateException")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aParserBugIsAnsweredAsInvalidNotThrown() {
    Integration broken = new ExampleIntegration() {
      @Override
      public DeliveryParser parser() {
        return (delivery, context) -> {
          throw new ArrayIndexOutOfBoundsException(3);
        };
      }
    };
    WebhookProcessor buggy = WebhookProcessor.builder(IntegrationRegistry.of(broken)).clock(clock).build();

    ProcessingResult result = buggy.process(SOURCE, json("{}"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("the delivery could not be read");
  }

  @Test
  void aParserRefusingTheSourcesConfigurationFailsLoudly() {
    Integration strict = new ExampleIntegration() {
      @Override
      public DeliveryParser parser() {
        return (delivery, context) -> {
          throw new ConfigurationException("alert source " + context.source().id(), List.of("\"apiUrl\" is missing"));
        };
      }
    };
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(strict)).clock(clock).build();

    assertThatThrownBy(() -> processor.process(SOURCE, json("{}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("alert source service-desk: \"apiUrl\" is missing");
  }

  @Test
  void aBatchReportsEveryTicketAndAnswersWithTheWorstStatus() {
    ProcessingResult result = send("[{\"id\": 1, \"status\": \"New\"}, {\"id\": 2, \"status\": \"Closed\"},"
        + " {\"id\": 3, \"status\": \"Open\"}]");

    assertThat(result.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.REJECTED, Outcome.CREATED);
    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.events()).extracting(AlertEvent::ticketId).containsExactly("1", "3");
    assertThat(result.responseBody()).contains("\"items\":[{\"outcome\":\"CREATED\",\"alertKey\":\"1\"");
  }

  @Test
  void anEmptyBatchIsInvalid() {
    assertThat(send("[]").outcome()).isEqualTo(Outcome.INVALID);
  }

  @Test
  void misconfiguredSourcesFailLoudly() {
    AlertSource unknown = AlertSource.of("x", "nosuchtool");
    AlertSource signed = AlertSource.builder("y", ExampleIntegration.NAME)
        .authentication(Authentication.signature(Secret.of("k"))).build();

    assertThatThrownBy(() -> processor.process(unknown, json("{}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no integration named \"nosuchtool\"; known: [example]");
    assertThatThrownBy(() -> processor.process(signed, json("{}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("has no signature check");
  }

  @Test
  void usesTheDeliveryReceiveTimeWhenTheHostGivesIt() {
    Delivery delivery = Delivery.builder("{\"id\": 1, \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8))
        .receivedAt(Instant.parse("2025-01-01T00:00:00Z")).build();

    processor.process(SOURCE, delivery);

    assertThat(store.read(new AlertKey("service-desk", "1")).orElseThrow().updatedAt())
        .isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }
}
