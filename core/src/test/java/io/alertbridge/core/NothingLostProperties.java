package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.core.example.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random deliveries, each met by random failures of the store, the delivery log, the host's sink or
 * the process, and retried until it is answered: the host ends up having applied exactly the events a
 * run without failures applies, each once by event id, in order per key, and nothing else.
 */
class NothingLostProperties {
  private static final AlertSource SOURCE = AlertSource.of("props", ExampleIntegration.NAME);
  private static final List<String> STATUSES = List.of("New", "Open", "Working", "Closed", "Solved", "Info");
  private static final int MAX_ATTEMPTS = 20;

  enum Fault {
    NONE, COMMIT_BEFORE, COMMIT_AFTER, COMMIT_ERROR, READ, MARK_APPLIED, PENDING_LIST, SINK, LOG_CONTAINS,
    LOG_RECORDS_THEN_FAILS, CRASH_BEFORE_HAND_OVER
  }

  /** One delivery: its ticket events (a batch when more than one), and the faults its attempts meet in turn. */
  record Step(List<String> tickets, List<Fault> faults) {
    String body() {
      return tickets.stream().map(t -> "{\"id\": \"" + t.substring(0, 1) + "\", \"status\": \"" + t.substring(2) + "\"}")
          .collect(Collectors.joining(", ", "[", "]"));
    }
  }

  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<String> ticket = Combinators.combine(Arbitraries.of("1", "2", "3"), Arbitraries.of(STATUSES))
        .as((id, status) -> id + ":" + status);
    Arbitrary<Step> step = Combinators.combine(ticket.list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.of(Fault.class).list().ofMaxSize(3)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 300)
  void everyDecidedEventIsAppliedExactlyOnceWhateverFails(@ForAll("scripts") List<Step> script) {
    List<AlertEvent> expected = run(script, false);
    List<AlertEvent> applied = run(script, true);

    assertThat(perKey(applied)).isEqualTo(perKey(expected));
    assertThat(applied).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
    Map<String, String> alertOfKey = new LinkedHashMap<>();
    Set<String> alertIds = new HashSet<>();
    for (AlertEvent event : applied) {
      if (event.eventType() == EventType.ALERT) {
        assertThat(alertIds.add(event.alertId())).as("a new alert id for each ALERT").isTrue();
        alertOfKey.put(event.ticketId(), event.alertId());
      } else {
        assertThat(event.alertId()).as("the alert id of the key's last ALERT").isEqualTo(alertOfKey.get(event.ticketId()));
      }
    }
  }

  private static Map<String, List<EventType>> perKey(List<AlertEvent> events) {
    Map<String, List<EventType>> byKey = new LinkedHashMap<>();
    events.forEach(e -> byKey.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e.eventType()));
    return byKey;
  }

  /** Runs the script, with its faults or without, and returns what the host applied, in order. */
  private static List<AlertEvent> run(List<Step> script, boolean withFaults) {
    MutableClock clock = MutableClock.at("2025-03-04T09:15:00Z");
    InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    RecordingSink sink = new RecordingSink();
    Faults faults = new Faults();
    FaultyStore store = new FaultyStore(new InMemoryAlertStateStore(), faults);
    DeliveryLog faultyLog = new DeliveryLog() {
      @Override
      public boolean markSeen(String sourceId, String deliveryId, Instant now) {
        boolean fresh = log.markSeen(sourceId, deliveryId, now);
        faults.fire(Fault.LOG_RECORDS_THEN_FAILS);
        return fresh;
      }

      @Override
      public boolean contains(String sourceId, String deliveryId, Instant now) {
        faults.fire(Fault.LOG_CONTAINS);
        return log.contains(sourceId, deliveryId, now);
      }
    };
    AlertEventSink hostSink = event -> {
      faults.fire(Fault.SINK);
      faults.fire(Fault.CRASH_BEFORE_HAND_OVER);
      sink.apply(event);
    };
    WebhookProcessor processor = processor(clock, store, faultyLog, hostSink);
    for (int i = 0; i < script.size(); i++) {
      Step step = script.get(i);
      Delivery delivery = Delivery.of(Headers.of("X-Delivery-Id", "d-" + i), step.body().getBytes(StandardCharsets.UTF_8));
      boolean answered = false;
      for (int attempt = 0; attempt < MAX_ATTEMPTS && !answered; attempt++) {
        faults.current = withFaults && attempt < step.faults().size() ? step.faults().get(attempt) : Fault.NONE;
        try {
          processor.process(SOURCE, delivery);
          answered = true;
        } catch (UnavailableException e) {
          if (faults.current == Fault.CRASH_BEFORE_HAND_OVER) {
            processor = processor(clock, store, faultyLog, hostSink); // the process died: a new one starts
            faults.current = Fault.NONE;
            processor.redeliverPending();
          }
        }
      }
      assertThat(answered).as("delivery " + i + " answered within " + MAX_ATTEMPTS + " attempts").isTrue();
      clock.advance(Duration.ofSeconds(1));
    }
    faults.current = Fault.NONE;
    assertThat(processor(clock, store, faultyLog, hostSink).redeliverPending().pending()).isZero();
    assertThat(sink.handedOver()).extracting(AlertEvent::eventId)
        .as("nothing handed over that was not decided").isSubsetOf(sink.applied().stream().map(AlertEvent::eventId).toList());
    return sink.applied();
  }

  private static WebhookProcessor processor(MutableClock clock, AlertStateStore store, DeliveryLog log, AlertEventSink sink) {
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(store).deliveryLog(log).eventSink(sink).build();
  }

  /** The fault of the current attempt; each fires at most once. */
  private static final class Faults {
    Fault current = Fault.NONE;

    void fire(Fault fault) {
      if (current == fault) {
        current = fault == Fault.CRASH_BEFORE_HAND_OVER ? fault : Fault.NONE;
        if (fault == Fault.COMMIT_ERROR) {
          throw new AssertionError("driver bug");
        }
        throw new IllegalStateException(fault + " failed");
      }
    }
  }

  private static final class FaultyStore extends ForwardingAlertStateStore {
    private final Faults faults;

    FaultyStore(AlertStateStore delegate, Faults faults) {
      super(delegate);
      this.faults = faults;
    }

    @Override
    public java.util.Optional<StoredAlert> read(AlertKey key) {
      faults.fire(Fault.READ);
      return super.read(key);
    }

    @Override
    public boolean commit(List<AlertWrite> writes) {
      faults.fire(Fault.COMMIT_BEFORE);
      faults.fire(Fault.COMMIT_ERROR);
      boolean written = super.commit(writes);
      faults.fire(Fault.COMMIT_AFTER);
      return written;
    }

    @Override
    public List<PendingEvent> pendingEvents(AlertKey key, int max) {
      faults.fire(Fault.PENDING_LIST);
      return super.pendingEvents(key, max);
    }

    @Override
    public void markApplied(AlertKey key, String eventId) {
      faults.fire(Fault.MARK_APPLIED);
      super.markApplied(key, eventId);
    }
  }
}
