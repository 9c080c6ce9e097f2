package io.alertbridge.haloitsm;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HaloTableTest {
  private static final StatusMappingTable TABLE = new HaloItsmIntegration().defaultTable();
  private static final PriorityMapping PRIORITIES = new HaloItsmIntegration().priorityMapping();

  private static String ticket(String status, String extra) {
    return "{\"ticket\": {\"id\": 4812, \"summary\": \"Disk full\", \"status\": " + status + extra + "}}";
  }

  private static String rowFor(String body) {
    TicketSnapshot snapshot = Halo.parseOne(body);
    return TABLE.match(snapshot.status()).description();
  }

  @Test
  void defaultTableReadsAsTheSpecSaysWithTheClosedRowFirst() {
    assertThat(TABLE.toString()).isEqualTo("""
        Closed, Resolved, Cancelled, Completed, Complete, #9 -> IGNORE / RESOLVE
        New, #1 -> CREATE / KEEP
        any other -> CREATE / ACCEPT""");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"id\": 9, \"name\": \"Geschlossen\"}|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
      "{\"id\": 8, \"name\": \"Resolved\"}|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
      "{\"id\": 30, \"name\": \"CANCELLED\"}|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
      "{\"id\": 31, \"name\": \"Done by customer\", \"shortname\": \"Completed\"}|row 1 [Closed, Resolved,"
          + " Cancelled, Completed, Complete, #9]",
      "{\"id\": 32, \"name\": \"complete\"}|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
      "{\"id\": 1, \"name\": \"Neu\"}|row 2 [New, #1]",
      "{\"id\": 17, \"name\": \"new\"}|row 2 [New, #1]",
      "{\"id\": 2, \"name\": \"In Progress\"}|any other",
      "{\"id\": 4, \"name\": \"With User\"}|any other",
      "{\"id\": 18, \"name\": \"Approved\"}|any other",
      "{\"name\": \"Closed\"}|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
      "\"New\"|row 2 [New, #1]",
      "\"9\"|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
      "{\"id\": \"1\", \"name\": \"Closed\"}|row 1 [Closed, Resolved, Cancelled, Completed, Complete, #9]",
  })
  void matchesARowByIdOrByNameOrShortName(String status, String row) {
    assertThat(rowFor(ticket(status, ""))).isEqualTo(row);
  }

  @Test
  void ticketClosedByHasBeenClosedMatchesTheClosedRowWhateverItsStatus() {
    TicketSnapshot snapshot = Halo.parseOne(ticket("{\"id\": 2, \"name\": \"In Progress\"}",
        ", \"hasbeenclosed\": true"));

    assertThat(snapshot.status().names()).containsExactly("In Progress", "Closed");
    assertThat(snapshot.status().display()).isEqualTo("In Progress");
    assertThat(snapshot.notes()).containsExactly("status also named \"Closed\" because hasbeenclosed is true");
    assertThat(TABLE.match(snapshot.status()).index()).isZero();
  }

  @Test
  void ticketWithARealCloseDateMatchesTheClosedRow() {
    String body = ticket("{\"id\": 4, \"name\": \"With User\"}", ", \"dateclosed\": \"2025-11-18T11:05:42.117\"");

    assertThat(rowFor(body)).startsWith("row 1 ");
    assertThat(Halo.parseOne(body).notes()).containsExactly(
        "status also named \"Closed\" because dateclosed is 2025-11-18T11:05:42.117Z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"null", "\"\"", "\"0001-01-01T00:00:00\"", "\"1900-01-01T00:00:00\"",
      "\"1899-12-30T00:00:00\""})
  void placeholderCloseDateLeavesTheStatusAlone(String dateClosed) {
    TicketSnapshot snapshot = Halo.parseOne(ticket("{\"id\": 4, \"name\": \"With User\"}",
        ", \"dateclosed\": " + dateClosed + ", \"hasbeenclosed\": false"));

    assertThat(snapshot.status()).isEqualTo(CodedValue.of(4L, "With User"));
    assertThat(TABLE.match(snapshot.status()).description()).isEqualTo("any other");
  }

  @Test
  void tenantTableOverridesTheDefaultByIdAndByName() {
    StatusMappingTable tenant = StatusMappingTable.fromJson("""
        {"rows": [{"statuses": ["Erledigt", 9, 21], "whenAbsent": "IGNORE", "whenOpen": "RESOLVE"},
                  {"statuses": ["Warten auf Kunde", 4], "whenAbsent": "IGNORE", "whenOpen": "KEEP"},
                  {"statuses": [1], "whenAbsent": "CREATE", "whenOpen": "KEEP"}],
         "otherwise": {"whenAbsent": "CREATE", "whenOpen": "ACCEPT"}}""");
    AlertSource source = AlertSource.builder("halo-de", "haloitsm").table(tenant).build();
    WebhookProcessor processor = Halo.processor();

    ProcessingResult created = processor.process(source, Halo.json(ticket("{\"id\": 1, \"name\": \"Neu\"}", "")));
    ProcessingResult waiting = processor.process(source, Halo.json(ticket("{\"id\": 4, \"name\": \"Warten\"}", "")));
    ProcessingResult resolved = processor.process(source, Halo.json(ticket("{\"id\": 21, \"name\": \"Gelöst\"}", "")));
    ProcessingResult defaultSource = Halo.processor().process(Halo.SOURCE,
        Halo.json(ticket("{\"id\": 21, \"name\": \"Gelöst\"}", "")));

    assertThat(created).isCreated();
    assertThat(waiting).isUnchanged().hasMessageContaining("Warten");
    assertThat(waiting.explanation().matchedRow()).contains("row 2 [Warten auf Kunde, #4]");
    assertThat(resolved).isResolved();
    assertThat(defaultSource).as("the default table does not know id 21").isCreated();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"id\": 1, \"name\": \"Critical\"}|HIGH",
      "{\"id\": 9, \"name\": \"urgent\"}|HIGH",
      "{\"id\": 9, \"name\": \"High\"}|HIGH",
      "{\"id\": 9, \"name\": \"Medium\"}|LOW",
      "{\"id\": 9, \"name\": \"LOW\"}|LOW",
      "{\"id\": 1, \"name\": \"Low\"}|LOW",
      "{\"id\": 4, \"name\": \"Critical\"}|HIGH",
      "{\"id\": 1, \"name\": \"P1 custom\"}|HIGH",
      "{\"id\": \"2\"}|HIGH",
      "{\"id\": 3.0}|LOW",
      "{\"id\": 4, \"name\": \"\"}|LOW",
      "{\"id\": \"aeb80996-724c-e811-892e-b01041c8667a\", \"priorityid\": 3}|LOW",
      "\"Urgent\"|HIGH",
      "2|HIGH",
  })
  void mapsPriorityByNameThenById(String priority, Priority expected) {
    TicketSnapshot snapshot = Halo.parseOne(ticket("{\"id\": 2}", ", \"priority\": " + priority));

    assertThat(PRIORITIES.map(snapshot.priority().orElseThrow())).contains(expected);
  }

  @Test
  void flatPriorityIdComesBeforeTheNestedObjectsGuid() {
    TicketSnapshot snapshot = Halo.parseOne(ticket("{\"id\": 2}",
        ", \"priority_id\": 4, \"priority\": {\"id\": \"aeb8\", \"priorityid\": 4, \"name\": \"Site down\"}"));

    assertThat(snapshot.priority()).contains(CodedValue.of(4L, "Site down"));
    assertThat(PRIORITIES.map(snapshot.priority().orElseThrow())).contains(Priority.LOW);
  }

  @Test
  void unknownPriorityTakesTheSourceDefault() {
    AlertSource source = AlertSource.builder("halo-low", "haloitsm").defaultPriority(Priority.LOW).build();

    ProcessingResult unknown = Halo.processor().process(source,
        Halo.json(ticket("{\"id\": 1}", ", \"priority\": {\"id\": 7, \"name\": \"Project\"}")));
    ProcessingResult none = Halo.processor().process(Halo.SOURCE, Halo.json(ticket("{\"id\": 1}", "")));

    assertThat(unknown).isCreated().hasPriority(Priority.LOW);
    assertThat(none).isCreated().hasPriority(Priority.HIGH);
  }
}
