package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.Secret;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.haloitsm.testing.FakeHaloApi;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Halo ticket writer against the fake API: the action it posts, the status by name, and each failure. */
class HaloTicketWriterTest {
  private static final String CLIENT_ID = "alertbridge-app";
  private static final String CLIENT_SECRET = "halo-secret-7f3a9c";

  private final FakeHaloApi api = FakeHaloApi.start(CLIENT_ID, CLIENT_SECRET)
      .ticket(4242, "{\"id\": 4242, \"status_id\": 1, \"summary\": \"Disk full on db-2\"}");
  private final HaloTicketWriter writer = new HaloTicketWriter(new HaloClients());
  private final TestClock clock = TestClock.at("2025-11-18T12:00:00Z");

  @AfterEach
  void stop() {
    api.close();
  }

  private HaloSettings.Builder settings() {
    return HaloSettings.builder().apiUrl(api.baseUrl()).clientId(CLIENT_ID).clientSecret(Secret.of(CLIENT_SECRET));
  }

  private ParseContext context(HaloSettings settings) {
    return new ParseContext(AlertSource.builder("halo", HaloItsmIntegration.NAME).settings(settings).build(),
        Limits.defaults(), clock);
  }

  private static TicketChange change(String status, String note) {
    return new TicketChange("c-1", "a-1", AlertState.ACCEPTED, Optional.ofNullable(status), note,
        Instant.parse("2025-11-18T12:00:00Z"));
  }

  private void write(String ticketId, TicketChange change, HaloSettings settings) {
    writer.write(ticketId, change, context(settings));
  }

  private List<FakeHaloApi.Request> posts() {
    return api.requests().stream().filter(r -> r.path().equals("/api/Actions")).toList();
  }

  @Test
  void postsOneActionHiddenFromTheUserWithTheStatusIdForItsName() {
    write("4242", change("In Progress", "Accepted in AlertBridge by Ada: on my way"), settings().build());

    FakeHaloApi.Request post = posts().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.authorization()).isEqualTo("Bearer token-1");
    assertThat(Json.parse(post.body(), 10)).isEqualTo(List.of(Map.of("ticket_id", 4242L, "outcome", "AlertBridge",
        "note", "Accepted in AlertBridge by Ada: on my way", "new_status", 2L, "hiddenfromuser", true,
        "sendemail", false)));
    assertThat(api.actions()).containsExactly(new FakeHaloApi.Action(4242, "Accepted in AlertBridge by Ada: on my way",
        "AlertBridge", 2, true));
    assertThat(api.statusId(4242)).contains(2L);
  }

  @Test
  void writesOnlyTheNoteWhenTheChangeHasNoStatusAndFetchesNoStatuses() {
    write("4242", change(null, "Resolved in AlertBridge"), settings().outcome("Private Note").build());

    assertThat(Json.parse(posts().get(0).body(), 10)).isEqualTo(List.of(Map.of("ticket_id", 4242L,
        "outcome", "Private Note", "note", "Resolved in AlertBridge", "hiddenfromuser", true, "sendemail", false)));
    assertThat(api.requestCount("/api/Status")).isZero();
    assertThat(api.statusId(4242)).contains(1L);
  }

  @Test
  void namesMatchIgnoringCaseAndTheStatusesAreKept() {
    HaloSettings settings = settings().build();

    write("4242", change("in progress", "n"), settings);
    write("4242", change("CLOSED", "n"), settings);

    assertThat(api.actions()).extracting(FakeHaloApi.Action::newStatus).containsExactly(2L, 9L);
    assertThat(api.requestCount("/api/Status")).isEqualTo(1);
    assertThat(api.tokensIssued()).isEqualTo(1);
  }

  @Test
  void aNameTheTenantDoesNotHaveFailsNamingTheTenantsStatuses() {
    HaloSettings settings = settings().build();
    write("4242", change("In Progress", "n"), settings);

    assertThatThrownBy(() -> write("4242", change("Resolved", "n"), settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("the haloitsm write-back table of alert source halo: Halo has no status named \"Resolved\"; the"
            + " tenant's statuses are New (1), In Progress (2), Closed (9)");
    assertThat(api.requestCount("/api/Status")).as("fetched again once for the unknown name").isEqualTo(2);
    assertThat(api.actions()).hasSize(1);
  }

  @Test
  void theTenantsStatusesAreNamedWithinABound() {
    Map<Long, String> many = new TreeMap<>();
    LongStream.rangeClosed(1, 500).forEach(id -> many.put(id, "Waiting for third party " + id));

    String named = HaloTicketWriter.named(many);

    assertThat(named).startsWith("Waiting for third party 1 (1), Waiting for third party 2 (2)")
        .hasSize(HaloTicketWriter.MAX_STATUSES_CHARS + 1).endsWith("\u2026");
    assertThat(HaloTicketWriter.named(Map.of())).isEqualTo("none");
  }

  @Test
  void aStatusIdHaloNoLongerHasIsRejectedWithHalosMessage() {
    HaloSettings settings = settings().build();
    write("4242", change("In Progress", "n"), settings);
    api.statuses("[{\"id\": 1, \"name\": \"New\"}, {\"id\": 9, \"name\": \"Closed\"}]");

    assertThatThrownBy(() -> write("4242", change("In Progress", "n"), settings))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.REJECTED))
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("Halo answered HTTP 400 to POST " + api.baseUrl()
            + "/api/Actions: \"Status 2 does not exist\""));
  }

  @Test
  void aRevokedTokenIsFetchedAgainOnce() {
    HaloSettings settings = settings().build();
    write("4242", change("In Progress", "n"), settings);
    api.revokeToken();

    write("4242", change("Closed", "n"), settings);

    assertThat(api.tokensIssued()).isEqualTo(2);
    assertThat(posts()).extracting(FakeHaloApi.Request::authorization)
        .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    assertThat(api.actions()).hasSize(2);
  }

  @Test
  void refusedCredentialsAreNotRetriedAndNeverShown() {
    HaloSettings wrong = HaloSettings.builder().apiUrl(api.baseUrl()).clientId(CLIENT_ID)
        .clientSecret(Secret.of("wrong-secret-42")).build();

    assertThatThrownBy(() -> write("4242", change(null, "n"), wrong))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.REFUSED))
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).contains("clientSecret").doesNotContain("wrong-secret-42",
            CLIENT_SECRET, CLIENT_ID));
    assertThat(posts()).isEmpty();
  }

  @Test
  void serverErrorsRateLimitsAndTimeoutsCanBeRetried() {
    HaloSettings settings = settings().build();
    write("4242", change("In Progress", "n"), settings);
    api.failNext(503, 1);
    assertThatThrownBy(() -> write("4242", change("In Progress", "n"), settings))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.SERVER_ERROR))
        .satisfies(e -> assertThat(e.retryable()).isTrue());

    api.failNext(429, 1).retryAfter(45);
    assertThatThrownBy(() -> write("4242", change("In Progress", "n"), settings))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.RATE_LIMITED))
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(45)));

    api.stall(true);
    assertThatThrownBy(() -> write("4242", change(null, "n"), settings().requestTimeout(Duration.ofMillis(300)).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.TIMEOUT))
        .satisfies(e -> assertThat(e.retryable()).isTrue());
    assertThat(api.actions()).hasSize(1);
  }

  @Test
  void statusesThatCannotBeFetchedCanBeRetried() {
    api.failNext(503, 1);

    assertThatThrownBy(() -> write("4242", change("In Progress", "n"), settings().build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.SERVER_ERROR))
        .satisfies(e -> assertThat(e.getMessage()).contains("/api/Status"));
    assertThat(posts()).isEmpty();
  }

  @Test
  void refusesATicketIdThatIsNotDigitsWithoutCallingHalo() {
    assertThatThrownBy(() -> write("INC-4242", change("In Progress", "n"), settings().build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.getMessage())
            .isEqualTo("Halo ticket ids are digits, so ticket \"INC-4242\" cannot be written to"));
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aSourceWithoutSettingsCannotWriteAndUsesTheDefaultTable() {
    AlertSource bare = AlertSource.of("halo", HaloItsmIntegration.NAME);

    assertThatThrownBy(() -> writer.write("4242", change(null, "n"), new ParseContext(bare, Limits.defaults(), clock)))
        .isInstanceOf(ConfigurationException.class).hasMessage("alert source halo: " + HaloTicketWriter.NEEDS_SETTINGS);
    assertThat(writer.table(bare).statuses())
        .isEqualTo(Map.of(AlertState.ACCEPTED, "In Progress", AlertState.RESOLVED, "Closed"));
  }
}
