package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the callout's name-value pairs. */
class CalloutReaderTest {

  private static Delivery form(String body) {
    return Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));
  }

  private static CalloutReader.Callout read(Delivery delivery) {
    return CalloutReader.read(delivery);
  }

  @Test
  void readsTheRecordedCallout() {
    assertThat(read(Fixtures.of(AutotaskDeliveries.class).delivery("01-new-ticket")))
        .isEqualTo(new CalloutReader.Callout(48213, Optional.of("T20250612.0042")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id=48213&number=T1", "ticketId=48213&ticketNumber=T1", "TicketID=48213&number=T1",
      "number=T1&ID=48213", "foo=bar&id=%2048213%20&number=T1&extra"})
  void acceptsTheSpellingsSeenInTheWildAndIgnoresUnknownKeys(String body) {
    assertThat(read(form(body))).isEqualTo(new CalloutReader.Callout(48213, Optional.of("T1")));
  }

  @Test
  void numberIsOptional() {
    assertThat(read(form("id=7"))).isEqualTo(new CalloutReader.Callout(7, Optional.empty()));
  }

  @Test
  void readsTheQueryStringOfAGet() {
    Delivery get = Delivery.builder(new byte[0]).query("id=48190&number=T20250611.0117").build();

    assertThat(read(get)).isEqualTo(new CalloutReader.Callout(48190, Optional.of("T20250611.0117")));
  }

  @Test
  void bodyWinsOverTheQueryString() {
    Delivery both = Delivery.builder("id=5".getBytes(StandardCharsets.UTF_8)).query("source=x&id=6&number=T9").build();

    assertThat(read(both)).isEqualTo(new CalloutReader.Callout(5, Optional.of("T9")));
  }

  @Test
  void missingIdIsNamed() {
    assertThatThrownBy(() -> read(form("number=T20250612.0042")))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"id\": expected a positive integer (the ticket id) at /id, got nothing");
  }

  @Test
  void emptyIdIsNamed() {
    assertThatThrownBy(() -> read(form("id=&number=T1")))
        .hasMessage("\"id\": expected a positive integer (the ticket id) at /id, got an empty value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "12a", "4.5", "1e3", "99999999999999999999", "T20250612.0042"})
  void idMustBeAPositiveInteger(String id) {
    assertThatThrownBy(() -> read(form("id=" + id)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.pointer()).isEqualTo("/id"))
        .hasMessage("\"id\": expected a positive integer (the ticket id) at /id, got \"" + id + "\"");
  }

  @Test
  void errorsNameTheKeyAsSent() {
    assertThatThrownBy(() -> read(form("TicketID=abc")))
        .hasMessage("\"TicketID\": expected a positive integer (the ticket id) at /TicketID, got \"abc\"");
  }

  @Test
  void longValuesAreCutInMessages() {
    assertThatThrownBy(() -> read(form("id=" + "x".repeat(500))))
        .hasMessageEndingWith("got \"" + "x".repeat(64) + "\u2026\"");
  }

  @Test
  void twoDifferentIdsAreRefused() {
    assertThatThrownBy(() -> read(form("id=1&ticketId=2")))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"ticketId\": expected one ticket id at /ticketId, got two different values in the body");
  }

  @Test
  void brokenEscapeIsMalformed() {
    assertThatThrownBy(() -> read(form("id=%zz")))
        .isInstanceOf(MalformedDeliveryException.class)
        .hasMessage("body is not form data: a broken %-escape");
  }

  @Test
  void bytesThatAreNotUtf8AreMalformed() {
    Delivery delivery = Delivery.of(Headers.empty(), new byte[] {'i', 'd', '=', (byte) 0xff});

    assertThatThrownBy(() -> read(delivery))
        .isInstanceOfSatisfying(MalformedDeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(MalformedDeliveryException.Kind.UNREADABLE));
  }
}
