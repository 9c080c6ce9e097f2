package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.Secret;
import io.alertbridge.core.TicketPoller;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.topdesk.testing.FakeTopdeskApi;
import io.alertbridge.topdesk.testing.TopdeskDeliveries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polling TOPdesk over real HTTP against the fake: the query, the paging, the snapshots and the bounds. */
class TopdeskPollerTest {
  private static final Instant SINCE = Instant.parse("2025-04-14T08:00:00Z");
  private static final Fixtures FIXTURES = Fixtures.of(TopdeskDeliveries.class);

  private final TestClock clock = TestClock.at("2025-04-14T09:00:00Z");
  private final FakeTopdeskApi api = FakeTopdeskApi.start("alertbridge", "pw", clock);
  private final TopdeskIntegration integration = new TopdeskIntegration();
  private final TicketPoller poller = integration.ticketPoller().orElseThrow();

  @AfterEach
  void stop() {
    api.close();
  }

  private AlertSource source(UnaryOperator<TopdeskSettings.Builder> adjust) {
    TopdeskSettings.Builder settings = TopdeskSettings.builder().apiUrl(api.baseUrl()).username("alertbridge")
        .applicationPassword(Secret.of("pw")).poll("", Duration.ofMinutes(1));
    return AlertSource.builder("topdesk-prod", "topdesk").settings(adjust.apply(settings).build()).build();
  }

  private List<TicketSnapshot> poll(Instant since, int max, Limits limits, UnaryOperator<TopdeskSettings.Builder> adjust) {
    List<TicketSnapshot> read = new ArrayList<>();
    poller.poll(since, max, new ParseContext(source(adjust), limits, clock), read::add);
    return read;
  }

  private List<TicketSnapshot> poll() {
    return poll(SINCE, 1000, Limits.defaults(), b -> b);
  }

  private void incidents(int count) {
    for (int i = 0; i < count; i++) {
      // added newest first, so that only the sort puts them in order
      api.incident("I 2504 " + (100 + count - i), "Logged", SINCE.plusSeconds(60L * (count - i)));
    }
  }

  private List<String> parameter(String name) {
    return api.requests("GET").stream().map(r -> r.parameter(name).orElse("(none)")).toList();
  }

  @Test
  void readsAnIncidentUnderTheAlertKeyItsWebhooksUse() {
    api.incident(FIXTURES.text("api-01-incident-open-second-line.json"));
    String webhookKey = integration.parser().parse(FIXTURES.delivery("01-alert-new-card"),
        new ParseContext(AlertSource.of("td", "topdesk"), Limits.defaults(), clock)).get(0).ticketId();

    TicketSnapshot snapshot = poll().get(0);

    assertThat(snapshot.ticketId()).isEqualTo(webhookKey).isEqualTo("I 2504 117");
    assertThat(snapshot.status()).isEqualTo(CodedValue.of(null, "In behandeling", "ALERT"));
    assertThat(snapshot.summary()).isEqualTo("Mailserver reageert niet");
    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-04-14T08:20:03Z"));
    assertThat(snapshot.priority()).contains(CodedValue.of("P2"));
    assertThat(snapshot.requester()).contains("Jansen, Pieter");
    assertThat(snapshot.assignee()).isEmpty();
    assertThat(snapshot.customDetails()).isEqualTo(Map.of("incidentId", "6b704cbf-76f5-4802-b65d-2661fcae68d5",
        "operatorGroup", "Netwerkbeheer", "modifier", "Servicedesk, Anne"));
    assertThat(snapshot.notes()).containsExactly("event type ALERT from the incident's processing status"
        + " \"In behandeling\", which the write-back table does not name");
  }

  @Test
  void asksForTheChangesSinceOldestFirstWithOnlyTheFieldsItReads() {
    api.incident(FIXTURES.text("api-01-incident-open-second-line.json"));

    poll(Instant.parse("2025-04-14T08:00:00.750Z"), 1000, Limits.defaults(), b -> b);

    FakeTopdeskApi.Request request = api.requests().get(0);
    assertThat(request.path()).isEqualTo("/tas/api/incidents");
    assertThat(request.parameter("query")).contains("modificationDate=gt=2025-04-14T08:00:00Z");
    assertThat(request.parameter("pageStart")).contains("0");
    assertThat(request.parameter("pageSize")).contains("100");
    assertThat(request.parameter("sort")).contains("modificationDate:asc");
    assertThat(request.parameter("fields")).contains(TopdeskApi.POLL_FIELDS);
    assertThat(request.rawQuery()).doesNotContain(" ").doesNotContain("+");
  }

  @Test
  void combinesTheSourcesQueryInBracketsSoThatItsOrStaysInside() {
    api.incident("I 1", "Logged", SINCE.plusSeconds(10));
    api.incident("I 2", "Logged", SINCE.plusSeconds(20));
    api.set("I 2", "operatorGroup", Map.of("name", "Servicedesk"));
    api.incident("I 3", "Logged", SINCE.plusSeconds(30));
    api.set("I 3", "operatorGroup", Map.of("name", "Facilitair"));
    api.incident("I 4", "Logged", SINCE.minusSeconds(1));

    List<TicketSnapshot> read = poll(SINCE, 1000, Limits.defaults(),
        b -> b.poll("operatorGroup.name==Netwerkbeheer,operatorGroup.name==Servicedesk", Duration.ofMinutes(1)));

    assertThat(api.requests().get(0).parameter("query")).contains("modificationDate=gt=2025-04-14T08:00:00Z;"
        + "(operatorGroup.name==Netwerkbeheer,operatorGroup.name==Servicedesk)");
    assertThat(read).extracting(TicketSnapshot::ticketId).containsExactly("I 1", "I 2");
  }

  @Test
  void pagesUntilAShortPageInModificationOrder() {
    incidents(25);

    List<TicketSnapshot> read = poll(SINCE, 1000, Limits.builder().maxBatchElements(10).build(), b -> b);

    assertThat(parameter("pageStart")).containsExactly("0", "10", "20");
    assertThat(parameter("pageSize")).containsOnly("10");
    assertThat(read).hasSize(25).extracting(TicketSnapshot::ticketId)
        .containsExactlyElementsOf(IntStream.rangeClosed(101, 125).mapToObj(n -> "I 2504 " + n).toList());
    assertThat(read).extracting(s -> s.sourceUpdatedAt().orElseThrow()).isSorted();
  }

  @Test
  void aFullLastPageEndsWithTheNoContentOfTheNext() {
    incidents(20);

    List<TicketSnapshot> read = poll(SINCE, 1000, Limits.builder().maxBatchElements(10).build(), b -> b);

    assertThat(parameter("pageStart")).containsExactly("0", "10", "20");
    assertThat(read).hasSize(20);
  }

  @Test
  void noIncidentsIsNoContent() {
    api.incident("I 1", "Logged", SINCE.minusSeconds(60));

    assertThat(poll()).isEmpty();
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void stopsAtMaxWithinAPage() {
    incidents(25);

    List<TicketSnapshot> read = poll(SINCE, 15, Limits.builder().maxBatchElements(10).build(), b -> b);

    assertThat(read).hasSize(15).last().extracting(TicketSnapshot::ticketId).isEqualTo("I 2504 115");
    assertThat(parameter("pageStart")).containsExactly("0", "10");
  }

  @Test
  void derivesAcceptAndResolveFromTheWriteBackStatusesAndTheCompletedFlag() {
    api.incident("I 1", "In behandeling", SINCE.plusSeconds(1));
    api.incident("I 2", "Afgemeld", SINCE.plusSeconds(2));
    api.incident("I 3", "Closed", SINCE.plusSeconds(3));
    api.incident("I 4", "Logged", SINCE.plusSeconds(4));
    WriteBackTable dutch = WriteBackTable.of(Map.of(AlertState.ACCEPTED, "in behandeling", AlertState.RESOLVED,
        "Afgemeld"));

    List<TicketSnapshot> read = poll(SINCE, 1000, Limits.defaults(), b -> b.writeBack(dutch));

    assertThat(read).extracting(TicketSnapshot::status).containsExactly(
        CodedValue.of(null, "In behandeling", "ACCEPT"), CodedValue.of(null, "Afgemeld", "RESOLVE"),
        CodedValue.of(null, "Closed", "RESOLVE"), CodedValue.of(null, "Logged", "ALERT"));
    assertThat(read.get(2).notes()).containsExactly("event type RESOLVE from the incident's completed or closed flag");
  }

  @Test
  void aCompletedFixtureResolves() {
    api.incident(FIXTURES.text("api-02-incident-completed-and-closed.json"));

    TicketSnapshot snapshot = poll().get(0);

    assertThat(snapshot.status()).isEqualTo(CodedValue.of(null, "Gesloten", "RESOLVE"));
    assertThat(snapshot.assignee()).contains("de Vries, Sanne");
  }

  @Test
  void boundsEveryString() {
    api.incident("I 1", "S".repeat(1000), SINCE.plusSeconds(1));
    api.set("I 1", "briefDescription", "b".repeat(5000));
    api.set("I 1", "caller", Map.of("dynamicName", "c".repeat(5000)));
    Limits limits = Limits.builder().maxSummaryChars(100).build();

    TicketSnapshot snapshot = poll(SINCE, 1000, limits, b -> b).get(0);

    assertThat(snapshot.summary()).hasSize(101);
    assertThat(snapshot.status().label().orElseThrow()).hasSize(IncidentReader.MAX_NAME_CHARS).endsWith("\u2026");
    assertThat(snapshot.requester().orElseThrow()).hasSize(IncidentReader.MAX_NAME_CHARS);
  }

  @Test
  void boundsTheAnswerInBytes() {
    incidents(30);

    ApiException e = catchThrowableOfType(() -> poll(SINCE, 1000, Limits.builder().maxApiAnswerBytes(4096).build(),
        b -> b), ApiException.class);

    assertThat(e.reason()).isEqualTo(ApiException.Reason.UNREADABLE_ANSWER);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("maxApiAnswerBytes").doesNotContain("query=");
  }

  @Test
  void skipsWhatIsNotAnIncidentWithANumberAndReadsTheRest() {
    incidents(4);
    api.set("I 2504 101", "number", "");
    api.set("I 2504 102", "number", 102);

    List<TicketSnapshot> read = poll();

    assertThat(read).extracting(TicketSnapshot::ticketId).containsExactly("I 2504 103", "I 2504 104");
    assertThat(IncidentReader.read(List.of(), TopdeskSettings.DEFAULT_WRITE_BACK, Limits.defaults())).isEmpty();
  }

  @Test
  void anUnreadableModificationDateIsNotedAndLeftOut() {
    api.incident("I 1", "Logged", SINCE.plusSeconds(1));
    api.set("I 1", "modificationDate", SINCE.plusSeconds(1).toString());
    TicketSnapshot good = poll().get(0);
    api.set("I 1", "modificationDate", "14-04-2025 10:00");

    Object incident = Json.parse(api.incidentJson("I 1").getBytes(StandardCharsets.UTF_8), 64);
    TicketSnapshot odd = IncidentReader.read(incident, TopdeskSettings.DEFAULT_WRITE_BACK, Limits.defaults())
        .orElseThrow();

    assertThat(good.sourceUpdatedAt()).contains(SINCE.plusSeconds(1));
    assertThat(odd.sourceUpdatedAt()).isEmpty();
    assertThat(odd.notes()).contains("the incident's modificationDate is not a time: \"14-04-2025 10:00\", so it"
        + " cannot be ordered against other updates");
  }

  @Test
  void theIntervalAndTheNeedForSettingsComeFromThePoll() {
    AlertSource bare = AlertSource.of("topdesk-prod", "topdesk");
    AlertSource unpolled = AlertSource.builder("topdesk-prod", "topdesk").settings(TopdeskSettings.builder()
        .apiUrl(api.baseUrl()).username("u").applicationPassword(Secret.of("p")).build()).build();

    assertThat(poller.interval(source(b -> b.poll("", Duration.ofSeconds(45))))).contains(Duration.ofSeconds(45));
    assertThat(poller.interval(bare)).isEmpty();
    assertThat(poller.interval(unpolled)).isEmpty();
    assertThat(catchThrowableOfType(() -> poller.poll(SINCE, 10, new ParseContext(bare, Limits.defaults(), clock),
        s -> { }), ConfigurationException.class)).hasMessageContaining("polling TOPdesk needs the source's TOPdesk"
        + " API settings");
    assertThat(catchThrowableOfType(() -> poller.poll(SINCE, 10, new ParseContext(unpolled, Limits.defaults(), clock),
        s -> { }), ConfigurationException.class)).hasMessageContaining("add \"poll\": {\"query\"");
    assertThat(api.requests()).isEmpty();
  }
}
