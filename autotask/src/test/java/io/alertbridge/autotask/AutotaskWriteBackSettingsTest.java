package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.core.AlertState;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write-back members of {@link AutotaskSettings}: read from JSON, checked, defaulted. */
class AutotaskWriteBackSettingsTest {

  private static Map<String, Object> apiUser() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("username", "api@example.com");
    members.put("secret", "pw");
    members.put("integrationCode", "CODE");
    return members;
  }

  private static AutotaskSettings read(Map<String, Object> members) {
    return AutotaskSettings.fromJson(JsonObject.of(members, "/sources/0/settings"));
  }

  @Test
  void withoutWriteBackMembersTheDefaultsApply() {
    AutotaskSettings settings = read(apiUser());

    assertThat(settings.writeBack().statuses()).isEqualTo(Map.of(AlertState.ACCEPTED, "In Progress",
        AlertState.RESOLVED, "Complete"));
    assertThat(settings.apiResourceId()).isEmpty();
    assertThat(settings.noteType()).isEqualTo(1);
    assertThat(settings.notePublish()).isEqualTo(2);
    assertThat(settings.noteTitle()).isEqualTo("AlertBridge");
  }

  @Test
  void readsTheWriteBackMembers() {
    Map<String, Object> members = apiUser();
    members.put("writeBack", Map.of("ACCEPTED", " Working on it ", "RESOLVED", "Complete"));
    members.put("apiResourceId", "29684000");
    members.put("noteType", 3L);
    members.put("notePublish", 1L);
    members.put("noteTitle", " On-call ");

    AutotaskSettings settings = read(members);

    assertThat(settings.writeBack()).isEqualTo(WriteBackTable.of(Map.of(AlertState.ACCEPTED, "Working on it",
        AlertState.RESOLVED, "Complete")));
    assertThat(settings.apiResourceId()).hasValue(29684000L);
    assertThat(settings.noteType()).isEqualTo(3);
    assertThat(settings.notePublish()).isEqualTo(1);
    assertThat(settings.noteTitle()).isEqualTo("On-call");
  }

  @Test
  void anEmptyWriteBackObjectWritesNotesOnly() {
    Map<String, Object> members = apiUser();
    members.put("writeBack", Map.of());

    assertThat(read(members).writeBack()).isEqualTo(WriteBackTable.notesOnly());
  }

  @Test
  void everyWriteBackProblemIsListedAtItsPointer() {
    Map<String, Object> members = apiUser();
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("ACCEPTED", 8L);
    table.put("PENDING", "New");
    table.put("RESOLVED", " ");
    members.put("writeBack", table);
    members.put("apiResourceId", 0L);
    members.put("noteType", "internal");
    members.put("notePublish", true);
    members.put("noteTitle", "");

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> read(members));

    assertThat(e.problems()).containsExactly(
        "expected a status name (string) at /sources/0/settings/writeBack/ACCEPTED, got number",
        "unknown member at /sources/0/settings/writeBack/PENDING: expected ACCEPTED or RESOLVED",
        "the status name at /sources/0/settings/writeBack/RESOLVED is blank",
        "expected a positive integer at /sources/0/settings/apiResourceId, got number",
        "expected a positive integer at /sources/0/settings/noteType, got \"internal\"",
        "expected a positive integer at /sources/0/settings/notePublish, got boolean",
        "the note title at /sources/0/settings/noteTitle is blank");
  }

  @Test
  void aWriteBackThatIsNotAnObjectIsAProblem() {
    Map<String, Object> members = apiUser();
    members.put("writeBack", List.of("In Progress"));

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> read(members));

    assertThat(e.problems()).containsExactly("expected an object from ACCEPTED and RESOLVED to ticket status labels"
        + " at /sources/0/settings/writeBack, got array");
  }

  @Test
  void theBuilderTakesAndChecksTheWriteBackParts() {
    AutotaskSettings built = AutotaskSettings.builder().username("api@example.com").secret(Secret.of("pw"))
        .integrationCode(Secret.of("CODE")).writeBack(WriteBackTable.notesOnly()).apiResourceId(4711)
        .noteType(2).notePublish(1).noteTitle("Pager").build();
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> AutotaskSettings.builder()
        .username("api@example.com").secret(Secret.of("pw")).integrationCode(Secret.of("CODE"))
        .apiResourceId(0).noteType(-1).noteTitle(" ").build());

    assertThat(built.writeBack().statuses()).isEmpty();
    assertThat(built.apiResourceId()).hasValue(4711L);
    assertThat(built.toString()).contains("apiResourceId=4711", "noteType=2", "notePublish=1")
        .doesNotContain("pw", "CODE", "api@example.com");
    assertThat(e.problems()).containsExactly("apiResourceId must be positive, got 0",
        "noteType must be positive, got -1", "the note title at noteTitle is blank");
  }

  @Test
  void settingsThatDifferOnlyInTheirWriteBackAreNotEqual() {
    Map<String, Object> other = apiUser();
    other.put("writeBack", Map.of("ACCEPTED", "Working on it"));

    assertThat(read(other)).isNotEqualTo(read(apiUser()));
    assertThat(read(apiUser())).isEqualTo(read(apiUser())).hasSameHashCodeAs(read(apiUser()));
  }
}
