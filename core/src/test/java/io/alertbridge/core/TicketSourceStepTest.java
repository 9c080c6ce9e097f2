package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ticket-source step: a delivery that only names its ticket is fetched after authentication and
 * de-duplication, before the decision; {@code explain} fetches only when asked.
 */
class TicketSourceStepTest {
  private static final Authentication SECRET_HEADER = Authentication.sharedSecretHeader("X-Secret", Secret.of("s3cret"));
  private static final AlertSource SOURCE = AlertSource.builder("desk", "pointer").authentication(SECRET_HEADER)
      .build();

  private final MutableClock clock = MutableClock.at("2025-03-04T09:15:00Z");
  private final List<String> fetched = new ArrayList<>();
  private final Map<String, String> statuses = new java.util.HashMap<>(Map.of("42", "New"));
  private TicketSource tickets = (reference, context) -> {
    fetched.add(reference.ticketId() + reference.attributes());
    String status = statuses.get(reference.ticketId());
    if (status == null) {
      throw new InvalidFieldException("/id", "a ticket the tool knows", reference.ticketId());
    }
    return TicketSnapshot.builder(reference.ticketId(), CodedValue.of(status)).summary("Printer on fire").build();
  };
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new Pointer()))
      .clock(clock).build();

  /** An integration whose deliveries are {@code id,delivery-id} and name a ticket only. */
  private class Pointer implements Integration {
    @Override
    public String name() {
      return "pointer";
    }

    @Override
    public DeliveryParser parser() {
      return (delivery, context) -> {
        String[] parts = new String(delivery.body(), StandardCharsets.UTF_8).split(",");
        List<TicketReference> references = new ArrayList<>();
        for (String id : parts[0].split("\\+")) {
          references.add(new TicketReference(id, Map.of("via", "callout")));
        }
        return references;
      };
    }

    @Override
    public Optional<String> deliveryId(Delivery delivery) {
      String[] parts = new String(delivery.body(), StandardCharsets.UTF_8).split(",");
      return parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
    }

    @Override
    public StatusMappingTable defaultTable() {
      return StatusMappingTable.builder()
          .row(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.KEEP), "New")
          .otherwise(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.KEEP))
          .build();
    }

    @Override
    public PriorityMapping priorityMapping() {
      return PriorityMapping.builder().otherwise(Priority.HIGH).build();
    }

    @Override
    public Optional<TicketSource> ticketSource() {
      return Optional.of((reference, context) -> tickets.fetch(reference, context));
    }

    @Override
    public Set<String> mediaTypes() {
      return Set.of("text/plain");
    }
  }

  private static Delivery delivery(String body, String secret) {
    return Delivery.of(Headers.of("Content-Type", "text/plain", "X-Secret", secret),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void processFetchesTheNamedTicketAndDecides() {
    ProcessingResult result = processor.process(SOURCE, delivery("42,d-1", "s3cret"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().summary()).isEqualTo("Printer on fire");
    assertThat(fetched).containsExactly("42{via=callout}");
  }

  @Test
  void explainFetchesOnlyWhenAsked() {
    ProcessingResult undecided = processor.explain(SOURCE, delivery("42", "s3cret"));
    assertThat(fetched).isEmpty();
    assertThat(undecided.outcome()).isEqualTo(Outcome.UNDECIDED);
    assertThat(undecided.message()).contains("names ticket 42", "pointer API");

    ProcessingResult decided = processor.explain(SOURCE, delivery("42", "s3cret"), true);
    assertThat(decided.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(fetched).hasSize(1);
    assertThat(processor.process(SOURCE, delivery("42", "s3cret")).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void anUnauthenticatedDeliveryIsNeverFetched() {
    ProcessingResult result = processor.process(SOURCE, delivery("42", "wrong"));

    assertThat(result.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(fetched).isEmpty();
  }

  @Test
  void aRetriedDeliveryIsRecognisedBeforeTheTicketIsFetchedAgain() {
    processor.process(SOURCE, delivery("42,d-1", "s3cret"));
    ProcessingResult retry = processor.process(SOURCE, delivery("42,d-1", "s3cret"));

    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(retry.ticketId()).contains("42");
    assertThat(retry.state()).contains(AlertState.PENDING);
    assertThat(fetched).hasSize(1);
  }

  @Test
  void aTicketTheToolDoesNotKnowIsInvalid() {
    ProcessingResult result = processor.process(SOURCE, delivery("7", "s3cret"));

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("/id");
  }

  @Test
  void aTicketTheToolDoesNotKnowIsAnInvalidItemOfABatchAndTheOthersAreDecided() {
    statuses.put("43", "New");

    ProcessingResult result = processor.process(SOURCE, delivery("42+7+43", "s3cret"));
    ProcessingResult none = processor.process(SOURCE, delivery("8+9", "s3cret"));

    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.INVALID, Outcome.CREATED);
    assertThat(result.items().get(1).ticketId()).contains("7");
    assertThat(result.items().get(1).message()).contains("/id");
    assertThat(none.items()).extracting(ProcessingResult::outcome).containsExactly(Outcome.INVALID, Outcome.INVALID);
  }

  @Test
  void aFailingTicketSourceIsUnavailableAndNothingIsDecided() {
    AtomicInteger calls = new AtomicInteger();
    tickets = (reference, context) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("socket closed");
    };

    assertThatThrownBy(() -> processor.process(SOURCE, delivery("42,d-1", "s3cret")))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("the pointer ticket source failed to give ticket 42: IllegalStateException");

    tickets = (reference, context) -> TicketSnapshot.builder("42", CodedValue.of("New")).build();
    assertThat(processor.process(SOURCE, delivery("42,d-1", "s3cret")).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(calls).hasValue(1);
  }

  @Test
  void anIntegrationThatNamesTicketsWithoutATicketSourceIsAConfigurationError() {
    Integration noSource = new Pointer() {
      @Override
      public Optional<TicketSource> ticketSource() {
        return Optional.empty();
      }
    };
    WebhookProcessor broken = WebhookProcessor.builder(IntegrationRegistry.of(noSource)).build();

    assertThatThrownBy(() -> broken.process(SOURCE, delivery("42", "s3cret")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("has no ticket source");
  }
}
