package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The integration as a host sees it: discovery, media types, GET callouts, its table. */
class AutotaskIntegrationTest {
  private final AtomicInteger fetches = new AtomicInteger();
  private final AutotaskTicketSource stub = (id, context) -> {
    fetches.incrementAndGet();
    return Optional.of(AutotaskTicket.builder(id, CodedValue.of(1L, "New")).title("Ticket " + id).build());
  };
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(stub)))
      .clock(TestClock.at("2025-06-12T12:00:00Z")).build();
  private final AlertSource source = AlertSource.of("autotask", "autotask");

  @Test
  void isFoundByServiceLoaderWithTheRestApiSource() {
    IntegrationRegistry registry = IntegrationRegistry.load(AutotaskIntegrationTest.class.getClassLoader());

    assertThat(registry.find("autotask")).get().isInstanceOf(AutotaskIntegration.class)
        .hasToString("AutotaskIntegration[AutotaskTicketSource.restApi[0 clients]]");
  }

  @Test
  void answersXmlCalloutsWith415WithoutFetching() {
    Delivery xml = Delivery.of(Headers.of("Content-Type", "text/xml; charset=utf-8"),
        "<ticket><id>48213</id></ticket>".getBytes(StandardCharsets.UTF_8));

    ProcessingResult result = processor.process(source, xml);

    assertThat(result.outcome()).isEqualTo(Outcome.UNSUPPORTED_MEDIA_TYPE);
    assertThat(result.httpStatus()).isEqualTo(415);
    assertThat(fetches).hasValue(0);
  }

  @Test
  void readsAGetCalloutFromItsQueryString() {
    Delivery get = Delivery.builder(new byte[0]).query("id=48213&number=T20250612.0042").build();

    ProcessingResult result = processor.process(source, get);

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.ticketId()).contains("48213");
    assertThat(result.event().orElseThrow().customDetails()).containsEntry("ticketNumber", "T20250612.0042");
  }

  @Test
  void invalidIdIsAnsweredWith400WithoutFetching() {
    Delivery delivery = Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"),
        "id=abc".getBytes(StandardCharsets.UTF_8));

    ProcessingResult result = processor.process(source, delivery);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).isEqualTo("\"id\": expected a positive integer (the ticket id) at /id, got \"abc\"");
    assertThat(fetches).hasValue(0);
  }

  @Test
  void notesACalloutNumberThatDiffersFromTheTicket() {
    AutotaskTicketSource numbered = (id, context) -> Optional.of(AutotaskTicket.builder(id, CodedValue.of("New"))
        .ticketNumber("T20250612.0042").build());
    WebhookProcessor host = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(numbered))).build();

    ProcessingResult result = host.explain(source, Delivery.builder(new byte[0]).query("id=48213&number=T1").build(),
        true);

    assertThat(result.explanation().notes())
        .containsExactly("the callout's number T1 differs from the ticket's T20250612.0042");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Cancelled", "Canceled", "cancelled"})
  void aCancelledTicketResolvesItsAlertAndCreatesNone(String label) {
    java.util.concurrent.atomic.AtomicReference<String> status = new java.util.concurrent.atomic.AtomicReference<>("New");
    AutotaskTicketSource changing = (id, context) -> Optional.of(AutotaskTicket.builder(id,
        CodedValue.of(status.get())).title("Ticket " + id).build());
    WebhookProcessor host = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(changing))).build();
    Delivery callout = Delivery.builder(new byte[0]).query("id=29296").build();

    ProcessingResult created = host.process(source, callout);
    status.set(label);
    ProcessingResult cancelled = host.process(source, callout);
    ProcessingResult cancelledOnly = host.process(AlertSource.of("other", "autotask"), callout);

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(cancelled.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(cancelledOnly.outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void defaultTableIsTheSpecTableByLabel() {
    assertThat(new AutotaskIntegration(stub).defaultTable()).isEqualTo(StatusMappingTable.fromJson("""
        {"rows": [
          {"statuses": ["New"], "whenAbsent": "CREATE", "whenOpen": "KEEP"},
          {"statuses": ["In Progress"], "whenAbsent": "CREATE", "whenOpen": "ACCEPT"},
          {"statuses": ["Complete", "Denied", "Cancelled", "Canceled"], "whenAbsent": "REJECT", "whenOpen": "RESOLVE"},
          {"statuses": ["Waiting Customer", "Waiting Materials", "Scheduled", "Dispatched", "Escalate", "Escalated",
                        "Waiting Vendor", "Waiting Approval", "Waiting Dispatch", "Approved"],
           "whenAbsent": "REJECT", "whenOpen": "ACCEPT"}],
         "otherwise": {"whenAbsent": "CREATE", "whenOpen": "KEEP"}}
        """));
  }

  @Test
  void readsFormDataOnly() {
    assertThat(new AutotaskIntegration(stub).mediaTypes()).containsExactly("application/x-www-form-urlencoded");
  }

  @Test
  void rejectsANullTicketSource() {
    assertThatThrownBy(() -> new AutotaskIntegration(null)).isInstanceOf(NullPointerException.class).hasMessage("tickets");
  }

  @Test
  void ticketRejectsANonPositiveId() {
    assertThatThrownBy(() -> AutotaskTicket.builder(0, CodedValue.of("New")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("id must be positive, got 0");
  }
}
