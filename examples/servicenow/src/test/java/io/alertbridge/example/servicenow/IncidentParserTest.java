package io.alertbridge.example.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.example.servicenow.testing.ServiceNowDeliveries;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser reads from an incident body, and how it refuses a bad one. */
class IncidentParserTest {
  private static final ParseContext CONTEXT = new ParseContext(AlertSource.of("servicenow", "servicenow"),
      Limits.defaults(), TestClock.at("2025-03-04T09:15:02Z"));

  private static TicketSnapshot parse(ServiceNowDeliveries.Incident incident) {
    return new IncidentParser().parse(incident.build(), CONTEXT).get(0);
  }

  @Test
  void readsAReferenceObjectAndKeepsOtherFieldsAsCustomDetails() {
    TicketSnapshot snapshot = new IncidentParser().parse(
        Fixtures.of(ServiceNowDeliveries.class).delivery("06-in-progress-numbers-and-references"), CONTEXT).get(0);

    assertThat(snapshot.ticketId()).isEqualTo("0c5e9b7a41d2f3086e7d1c2b3a495867");
    assertThat(snapshot.status()).isEqualTo(CodedValue.of(2L, "In Progress"));
    assertThat(snapshot.priority()).contains(CodedValue.of(4L, "4 - Low"));
    assertThat(snapshot.assignee()).contains("Fred Luddy");
    assertThat(snapshot.requester()).contains("62826bf03710200044e0bfc8bcbe5df1");
    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-03-05T14:02:19Z"));
    assertThat(snapshot.customDetails()).containsExactly(Map.entry("number", "INC0010002"));
    assertThat(snapshot.links()).as("no instanceUrl, no link").isEmpty();
  }

  @Test
  void readsARecordedRequestThroughTheTestKit() {
    TicketSnapshot snapshot = new IncidentParser().parse(
        Fixtures.of(ServiceNowDeliveries.class).delivery("07-new-incident-recorded-request"), CONTEXT).get(0);

    assertThat(snapshot.summary()).isEqualTo("Payroll export job failed twice");
    assertThat(snapshot.assignee()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "state missing      | state          |             | \"state\": expected a state id (number or string of digits) or label at /state, got nothing",
      "state empty        | state          | ''          | \"state\": expected a state id (number or string of digits) or label at /state, got an empty string",
      "state too long     | state          | 12345678901 | \"state\": expected an id (number or string of digits) or a label of at most 9 digits at /state, got 11 digits",
      "date not UTC form  | sys_updated_on | 04.03.2025  | \"sys_updated_on\": expected a date and time as yyyy-MM-dd HH:mm:ss (UTC) at /sys_updated_on, got \"04.03.2025\"",
      "no such date       | sys_updated_on | 2025-02-30 10:00:00 | \"sys_updated_on\": expected a date and time as yyyy-MM-dd HH:mm:ss (UTC) at /sys_updated_on, got \"2025-02-30 10:00:00\"",
  })
  void namesTheFieldByPointer(String what, String field, String value, String message) {
    ServiceNowDeliveries.Incident incident = ServiceNowDeliveries.incident("INC0030001", "1");
    if (value == null) {
      incident.without(field);
    } else {
      incident.field(field, value);
    }

    assertThatThrownBy(() -> parse(incident)).isInstanceOf(InvalidFieldException.class).hasMessage(message);
  }

  @Test
  void refusesWrongTypes() {
    assertThatThrownBy(() -> parse(ServiceNowDeliveries.incident("INC0030002", "1").field("priority", true)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at /priority, got boolean");
    assertThatThrownBy(() -> parse(ServiceNowDeliveries.incident("INC0030002", "1").field("short_description", 7)))
        .isInstanceOf(InvalidFieldException.class).hasMessage("\"short_description\": expected a string at /short_description, got number");
    assertThatThrownBy(() -> parse(ServiceNowDeliveries.incident("INC0030002", "1").field("sys_id", "")))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at /sys_id, got an empty string");
    assertThatThrownBy(() -> parse(ServiceNowDeliveries.incident("INC0030002", "1").field("assigned_to", Map.of("value", 1))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at /assigned_to/value, got number");
  }

  @Test
  void refusesABodyThatIsNotOneObject() {
    assertThatThrownBy(() -> new IncidentParser().parse(io.alertbridge.core.Delivery.of(
        io.alertbridge.core.Headers.of("Content-Type", "application/json"), "[]".getBytes()), CONTEXT))
        .isInstanceOf(InvalidFieldException.class).hasMessage("expected a JSON object at /, got array");
    assertThatThrownBy(() -> new IncidentParser().parse(io.alertbridge.core.Delivery.of(
        io.alertbridge.core.Headers.of("Content-Type", "application/json"), "{\"sys_id\": ".getBytes()), CONTEXT))
        .isInstanceOf(MalformedDeliveryException.class);
  }
}
