package io.alertbridge.core;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.IGNORE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.REJECT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMappingTableTest {
  private static final LifecycleRule CREATE_KEEP = LifecycleRule.of(CREATE, KEEP);
  private static final LifecycleRule CREATE_ACCEPT = LifecycleRule.of(CREATE, ACCEPT);
  private static final LifecycleRule REJECT_RESOLVE = LifecycleRule.of(REJECT, RESOLVE);

  private final StatusMappingTable table = StatusMappingTable.builder()
      .row(CREATE_KEEP, "New", "Open")
      .row(CREATE_ACCEPT, "Pending", "On-hold")
      .row(new StatusMappingTable.Row(List.of("Solved"), List.of(9L), REJECT_RESOLVE))
      .otherwise(LifecycleRule.of(IGNORE, KEEP))
      .build();

  @Test
  void matchesLabelsIgnoringCaseSpacesHyphensAndUnderscores() {
    for (String label : List.of("On-hold", "on hold", "ON_HOLD", " onhold ", "On - Hold")) {
      assertThat(table.match(CodedValue.of(label)).rule()).as(label).isEqualTo(CREATE_ACCEPT);
    }
  }

  @Test
  void matchesIdsExactly() {
    StatusMappingTable.Match match = table.match(CodedValue.of(9));

    assertThat(match.rule()).isEqualTo(REJECT_RESOLVE);
    assertThat(match.index()).isEqualTo(2);
    assertThat(match.description()).isEqualTo("row 3 [Solved, #9]");
  }

  @Test
  void unknownStatusFallsToTheAnyOtherRule() {
    StatusMappingTable.Match match = table.match(CodedValue.of(7L, "Escalated"));

    assertThat(match.index()).isEqualTo(-1);
    assertThat(match.rule()).isEqualTo(LifecycleRule.of(IGNORE, KEEP));
    assertThat(match.description()).isEqualTo("any other");
  }

  @Test
  void firstMatchingRowWinsWhenIdAndNameDisagree() {
    assertThat(table.match(CodedValue.of(9L, "New")).rule()).isEqualTo(CREATE_KEEP);
    assertThat(table.match(CodedValue.of(1L, "Custom", "Solved")).rule()).isEqualTo(REJECT_RESOLVE);
  }

  @Test
  void buildReportsEveryProblemAtOnce() {
    StatusMappingTable.Builder builder = StatusMappingTable.builder()
        .row(CREATE_KEEP, "New", "Open")
        .row(CREATE_ACCEPT, "open", " ")
        .row(new StatusMappingTable.Row(List.of(), List.of(), REJECT_RESOLVE));

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "status \"open\" is in row 1 and again in row 2",
            "row 2 has a blank label",
            "row 3 matches no status",
            "the \"any other\" rule is missing"))
        .hasMessageStartingWith("status-mapping table: ");
  }

  @Test
  void duplicateIdsAreReported() {
    StatusMappingTable.Builder builder = StatusMappingTable.builder()
        .row(new StatusMappingTable.Row(List.of(), List.of(9L), REJECT_RESOLVE))
        .row(new StatusMappingTable.Row(List.of("Closed"), List.of(9L), CREATE_KEEP))
        .otherwise(CREATE_KEEP);

    assertThatThrownBy(builder::build).hasMessageContaining("status #9 is in row 1 and again in row 2");
  }

  @Test
  void readsTheDocumentedJsonFormat() {
    String json = """
        {"rows": [{"statuses": ["New", "Open"], "whenAbsent": "CREATE", "whenOpen": "KEEP"},
                  {"statuses": ["Pending", "On-hold"], "whenAbsent": "create", "whenOpen": "accept"},
                  {"statuses": ["Solved", 9], "whenAbsent": "REJECT", "whenOpen": "RESOLVE"}],
         "otherwise": {"whenAbsent": "IGNORE", "whenOpen": "KEEP"}}
        """;

    assertThat(StatusMappingTable.fromJson(json)).isEqualTo(table);
  }

  @Test
  void jsonProblemsAreListedWithPointers() {
    String json = """
        {"rows": [{"statuses": ["New", true], "whenAbsent": "MAKE", "whenOpen": "KEEP"},
                  {"statuses": ["new"], "whenAbsent": "CREATE", "whenOpen": "KEEP"}],
         "extra": 1}
        """;

    assertThatThrownBy(() -> StatusMappingTable.fromJson(json))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "unknown member at /extra",
            "expected one of CREATE, REJECT, IGNORE at /rows/0/whenAbsent, got \"MAKE\"",
            "expected a label (string) or an id (integer) at /rows/0/statuses/1",
            "the \"any other\" rule is missing"));
  }

  @Test
  void aTableInsideALargerDocumentNamesItsProblemsUnderItsOwnPointer() {
    String json = """
        {"rows": [{"statuses": ["New"], "whenAbsent": "MAKE", "whenOpen": "KEEP"},
                  {"statuses": ["new"], "whenAbsent": "CREATE", "whenOpen": "KEEP"}],
         "extra": 1}
        """;
    JsonObject table = JsonObject.root(Json.parse("{\"table\": " + json + "}", 16))
        .optionalObject("table").orElseThrow();

    assertThatThrownBy(() -> StatusMappingTable.fromJson(table))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "unknown member at /table/extra",
            "expected one of CREATE, REJECT, IGNORE at /table/rows/0/whenAbsent, got \"MAKE\"",
            "the \"any other\" rule is missing at /table"));
  }

  @Test
  void malformedJsonIsAConfigurationErrorAboutTheTable() {
    assertThatThrownBy(() -> StatusMappingTable.fromJson("{\"rows\": ["))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e.problems()).singleElement().asString().startsWith("table is not valid JSON: "));
  }

  @Test
  void writesJsonThatReadsBackEqual() {
    assertThat(StatusMappingTable.fromJson(table.toJson())).isEqualTo(table);
  }
}
