package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.autotask.testing.FakeAutotaskApi;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ticket writer against the loopback fake: what it sends, as whom, and how it fails. */
class AutotaskTicketWriterTest {
  private static final long TICKET = 48213;
  private static final String NOTE = "Accepted in AlertBridge by Ada: on my way";

  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start();
  private final FakeAutotaskApi fake = api.fake();
  private final TestClock clock = TestClock.at("2025-06-12T12:00:00Z");
  private final TicketWriter writer = new AutotaskIntegration().ticketWriter().orElseThrow();

  AutotaskTicketWriterTest() {
    fake.ticket(AutotaskDeliveries.ticket(TICKET).status(1));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private SettingsMembers source(String id) {
    return api.builder(id).setting("zoneUrl", api.zoneUrl());
  }

  private void write(AlertSource source, AlertState state, String status) {
    TicketChange change = new TicketChange("change-1", "alert-1", state, Optional.ofNullable(status), NOTE,
        clock.instant());
    writer.write(Long.toString(TICKET), change, new ParseContext(source, Limits.defaults(), clock));
  }

  private void accept(AlertSource source, String status) {
    write(source, AlertState.ACCEPTED, status);
  }

  private static Map<String, Object> json(String body) {
    return Recorded.map(Json.parse(body, 8));
  }

  private static void assertNoCredentials(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(LoopbackAutotaskApi.SECRET, LoopbackAutotaskApi.INTEGRATION_CODE,
        LoopbackAutotaskApi.USERNAME);
  }

  @Test
  void writesTheStatusByItsLabelThenAnInternalNoteAsTheApiUser() {
    accept(source("psa").build(), "In Progress");

    List<FakeAutotaskApi.Request> writes = fake.writes();
    assertThat(writes).extracting(FakeAutotaskApi.Request::method, FakeAutotaskApi.Request::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PATCH", "/atservicesrest/v1.0/Tickets"),
            org.assertj.core.groups.Tuple.tuple("POST", "/atservicesrest/v1.0/Tickets/48213/Notes"));
    assertThat(writes).allMatch(FakeAutotaskApi.Request::authenticated);
    assertThat(json(writes.get(0).body())).containsExactly(Map.entry("id", 48213L), Map.entry("status", 8L));
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("ticketID", 48213L);
    note.put("title", "AlertBridge");
    note.put("description", NOTE);
    note.put("noteType", 1L);
    note.put("publish", 2L);
    assertThat(json(writes.get(1).body())).isEqualTo(note);
    assertThat(fake.status(TICKET)).contains(8L);
    assertThat(fake.notes(TICKET)).singleElement().satisfies(n -> assertThat(n).containsEntry("description", NOTE));
  }

  @Test
  void matchesTheLabelIgnoringCaseAndSpaces() {
    write(source("psa").build(), AlertState.RESOLVED, "  COMPLETE ");

    assertThat(fake.status(TICKET)).contains(5L);
  }

  @Test
  void aChangeWithoutAStatusWritesTheNoteOnly() {
    accept(source("psa").build(), null);

    assertThat(fake.writes()).singleElement().satisfies(w -> assertThat(w.method()).isEqualTo("POST"));
    assertThat(fake.status(TICKET)).contains(1L);
    assertThat(api.requests("entityInformation")).isZero();
  }

  @Test
  void theNoteTakesTheSettingsTypeVisibilityAndTitle() {
    accept(source("psa").setting("noteType", 3).setting("notePublish", "1").setting("noteTitle", "On-call").build(),
        "In Progress");

    assertThat(fake.notes(TICKET)).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("noteType", 3L).containsEntry("publish", 1L).containsEntry("title", "On-call"));
  }

  @Test
  void anUnknownLabelFailsBeforeWritingAndNamesTheLabelsTheInstanceHas() {
    AlertSource source = source("psa").build();
    catchThrowableOfType(ConfigurationException.class, () -> accept(source, "Working on it"));
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> accept(source, "Working on it"));

    assertThat(e).as("a ConfigurationException: not retried").isNotNull();
    assertThat(e.getMessage()).startsWith("alert source psa: the write-back table's status \"Working on it\" for"
        + " ACCEPTED is not a ticket status of the Autotask instance").contains("its statuses are New, In Progress,",
        "(16 in all)");
    assertThat(fake.writes()).isEmpty();
    assertThat(api.requests("entityInformation/fields")).as("fetched once: a fresh picklist is not fetched again")
        .isEqualTo(1);
  }

  @Test
  void aLabelMissingFromTheCachedPicklistIsLookedUpOnceMoreAndThenFound() {
    AlertSource source = source("psa").build();
    accept(source, "In Progress");
    api.picklists(Recorded.picklistsWithStatus(30, "Working on it"));

    accept(source, "working on it");
    accept(source, "In Progress");

    assertThat(json(fake.writes().get(2).body())).containsEntry("status", 30L);
    assertThat(api.requests("entityInformation/fields")).isEqualTo(2);
  }

  @Test
  void theInstancesLabelsAreCutInTheMessage() {
    List<Object> values = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      values.add(Map.of("value", i, "label", "Status number " + i, "isActive", true));
    }
    api.picklists(Json.write(Map.of("fields", List.of(Map.of("name", "status", "picklistValues", values)))));

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> accept(source("psa").build(), "In Progress"));

    assertThat(e.getMessage()).hasSizeLessThan(700).contains("Status number 1,", "(500 in all)")
        .doesNotContain("Status number 499");
  }

  @Test
  void refusedCredentialsAreNotRetriedAndNeverShown() {
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> accept(source("psa").setting("secret", "Wrong-Secret-1").build(), "In Progress"));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.REFUSED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("refused the API user's credentials (HTTP 401)")
        .doesNotContain("Wrong-Secret-1");
    assertNoCredentials(e);
  }

  @Test
  void aServerErrorIsRetryableAndNamesTheRequest() {
    fake.failWrites(500, 1);

    ApiException e = catchThrowableOfType(ApiException.class, () -> accept(source("psa").build(), "In Progress"));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.SERVER_ERROR);
    assertThat(e.retryable()).isTrue();
    assertThat(e.apiStatus()).hasValue(500);
    assertThat(e.getMessage()).startsWith("the Autotask API failed (HTTP 500) on PATCH http://127.0.0.1:")
        .endsWith("/atservicesrest/v1.0/Tickets: {\"errors\":[\"injected failure\"]}");
    assertThat(fake.notes(TICKET)).as("no note after a failed status").isEmpty();
    assertNoCredentials(e);
  }

  @Test
  void aRateLimitCarriesItsRetryAfter() {
    fake.failWrites(429, 1).retryAfter(Duration.ofSeconds(90));

    ApiException e = catchThrowableOfType(ApiException.class, () -> accept(source("psa").build(), "In Progress"));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.RATE_LIMITED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
  }

  @Test
  void aStatusValueTheApiRefusesIsRejectedWithItsError() {
    AlertSource source = source("psa").build();
    accept(source, "Complete");
    api.picklists(Recorded.picklistsWithStatus(8, null));

    ApiException e = catchThrowableOfType(ApiException.class, () -> accept(source, "In Progress"));

    assertThat(e).as("the cached picklist still has In Progress; the API no longer takes it").isNotNull();
    assertThat(e.reason()).isEqualTo(ApiException.Reason.REJECTED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("answered HTTP 400 to PATCH", "Value 8 does not exist for Status");
  }

  @Test
  void aSlowApiTimesOutRetryably() {
    fake.delay(Duration.ofMillis(600));

    ApiException e = catchThrowableOfType(ApiException.class,
        () -> accept(source("psa").setting("requestTimeout", "PT0.2S").build(), "In Progress"));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.TIMEOUT);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("did not answer", "within PT0.2S");
  }

  @Test
  void anAlertKeyThatIsNotATicketIdIsRejected() {
    TicketChange change = new TicketChange("c", "a", AlertState.ACCEPTED, Optional.of("In Progress"), NOTE,
        clock.instant());

    ApiException e = catchThrowableOfType(ApiException.class, () -> writer.write("T2025.0042", change,
        new ParseContext(source("psa").build(), Limits.defaults(), clock)));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("\"T2025.0042\"", "positive integer");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void aSourceWithoutSettingsCannotWrite() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> accept(AlertSource.of("bare", "autotask"), "In Progress"));

    assertThat(e.getMessage()).contains("bare", "username, secret and integrationCode");
  }

  @Test
  void theTableComesFromTheSettingsElseTheDefault() {
    AlertSource custom = source("psa").setting("writeBack", Map.of("ACCEPTED", "Working on it")).build();

    assertThat(writer.table(custom)).isEqualTo(WriteBackTable.of(Map.of(AlertState.ACCEPTED, "Working on it")));
    assertThat(writer.table(source("plain").build())).isEqualTo(AutotaskSettings.DEFAULT_WRITE_BACK);
    assertThat(writer.table(AlertSource.of("bare", "autotask")).statuses())
        .containsEntry(AlertState.ACCEPTED, "In Progress").containsEntry(AlertState.RESOLVED, "Complete");
  }

  @Test
  void ownChangesAreThoseOfTheApiResourceWhenTheSettingsNameIt() {
    AlertSource named = source("psa").setting("apiResourceId", 29684000).build();
    AlertSource unnamed = source("plain").build();

    assertThat(writer.isOwnChange(snapshot(29684000L, 1L), named)).isTrue();
    assertThat(writer.isOwnChange(snapshot(29684000L, null), named)).isTrue();
    assertThat(writer.isOwnChange(snapshot(29684000L, 2L), named)).as("a contact with that id").isFalse();
    assertThat(writer.isOwnChange(snapshot(29682885L, 1L), named)).as("another resource").isFalse();
    assertThat(writer.isOwnChange(snapshot(null, null), named)).isFalse();
    assertThat(writer.isOwnChange(snapshot(29684000L, 1L), unnamed)).isFalse();
  }

  private static TicketSnapshot snapshot(Long resource, Long personType) {
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder("48213", CodedValue.of(8L, "In Progress"));
    if (resource != null) {
      snapshot.customDetail(TicketReader.LAST_ACTIVITY_RESOURCE, resource);
    }
    if (personType != null) {
      snapshot.customDetail(TicketReader.LAST_ACTIVITY_PERSON_TYPE, personType);
    }
    return snapshot.build();
  }
}
