package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.Secret;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.zendesk.testing.FakeZendeskApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Zendesk ticket writer against the fake API: the request it sends, and each way the API fails. */
class ZendeskTicketWriterTest {
  private static final String EMAIL = "alertbridge@acme.example";
  private static final String TOKEN = "zd-token-6wiIBWbGkBMo1mRD";

  private final FakeZendeskApi api = FakeZendeskApi.start(EMAIL, TOKEN).ticket(4711, "new");
  private final ZendeskTicketWriter writer = new ZendeskTicketWriter();
  private final TestClock clock = TestClock.at("2025-06-10T08:00:00Z");

  @AfterEach
  void stop() {
    api.close();
  }

  private ZendeskSettings.Builder settings(String token) {
    return ZendeskSettings.builder().apiUrl(api.baseUrl()).email(EMAIL).apiToken(Secret.of(token));
  }

  private ParseContext context(ZendeskSettings settings) {
    return new ParseContext(AlertSource.builder("zendesk", ZendeskIntegration.NAME).settings(settings).build(),
        Limits.defaults(), clock);
  }

  private static TicketChange change(String status, String note) {
    return new TicketChange("c-1", "a-1", AlertState.ACCEPTED, Optional.ofNullable(status), note,
        Instant.parse("2025-06-10T08:00:00Z"));
  }

  private void write(String ticketId, TicketChange change, ZendeskSettings settings) {
    writer.write(ticketId, change, context(settings));
  }

  @Test
  void putsTheStatusAndAPrivateCommentAsTheApiUser() {
    write("4711", change("open", "Accepted in AlertBridge by Ada: on my way"), settings(TOKEN).build());

    FakeZendeskApi.Request request = api.requests().get(0);
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/api/v2/tickets/4711.json");
    assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString((EMAIL + "/token:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(Json.parse(request.body(), 10)).isEqualTo(Map.of("ticket", Map.of("status", "open",
        "comment", Map.of("body", "Accepted in AlertBridge by Ada: on my way", "public", false))));
    assertThat(api.status(4711)).contains("open");
    assertThat(api.comments(4711)).containsExactly(
        new FakeZendeskApi.Comment("Accepted in AlertBridge by Ada: on my way", false));
  }

  @Test
  void writesOnlyTheNoteWhenTheChangeHasNoStatus() {
    write("4711", change(null, "Resolved in AlertBridge"), settings(TOKEN).build());

    assertThat(Json.parse(api.requests().get(0).body(), 10)).isEqualTo(Map.of("ticket", Map.of(
        "comment", Map.of("body", "Resolved in AlertBridge", "public", false))));
    assertThat(api.status(4711)).contains("new");
    assertThat(api.comments(4711)).hasSize(1);
  }

  @Test
  void refusesATicketIdThatIsNotDigitsWithoutCallingZendesk() {
    assertThatThrownBy(() -> write("INC-4711", change("open", "n"), settings(TOKEN).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo(
            "Zendesk ticket ids are digits, so ticket \"INC-4711\" cannot be written to"));
    assertThatThrownBy(() -> write("../users/1", change("open", "n"), settings(TOKEN).build()))
        .isInstanceOf(ApiException.class);
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aStatusZendeskDoesNotHaveFailsWithZendesksOwnMessage() {
    assertThatThrownBy(() -> write("4711", change("escalated", "n"), settings(TOKEN).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.REJECTED))
        .satisfies(e -> assertThat(e.apiStatus()).hasValue(422))
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("Zendesk answered HTTP 422 to PUT " + api.baseUrl()
            + "/api/v2/tickets/4711.json: RecordInvalid: Record validation errors (status: Status: \"escalated\""
            + " is not valid)"));
    assertThat(api.status(4711)).contains("new");
  }

  @Test
  void aWrongTokenIsRefusedAndNeverShown() {
    assertThatThrownBy(() -> write("4711", change("open", "n"), settings("wrong-token-123").build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.REFUSED))
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).contains("HTTP 401", "Couldn't authenticate you")
            .doesNotContain("wrong-token-123", TOKEN));
  }

  @Test
  void serverErrorsRateLimitsAndTimeoutsCanBeRetried() {
    api.failNext(500, 1);
    assertThatThrownBy(() -> write("4711", change("open", "n"), settings(TOKEN).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.SERVER_ERROR))
        .satisfies(e -> assertThat(e.retryable()).isTrue());

    api.failNext(429, 1).retryAfter(30);
    assertThatThrownBy(() -> write("4711", change("open", "n"), settings(TOKEN).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.RATE_LIMITED))
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));

    api.delay(Duration.ofSeconds(5));
    assertThatThrownBy(() -> write("4711", change("open", "n"),
        settings(TOKEN).requestTimeout(Duration.ofMillis(300)).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.TIMEOUT))
        .satisfies(e -> assertThat(e.retryable()).isTrue());
    assertThat(api.status(4711)).contains("new");
  }

  @Test
  void anUnknownTicketIsRejected() {
    assertThatThrownBy(() -> write("99", change("open", "n"), settings(TOKEN).build()))
        .asInstanceOf(type(ApiException.class))
        .satisfies(e -> assertThat(e.apiStatus()).hasValue(404))
        .satisfies(e -> assertThat(e.retryable()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).endsWith("/api/v2/tickets/99.json: RecordNotFound: Not found"));
  }

  @Test
  void aSourceWithoutSettingsCannotWrite() {
    ParseContext bare = new ParseContext(AlertSource.of("zendesk", ZendeskIntegration.NAME), Limits.defaults(), clock);

    assertThatThrownBy(() -> writer.write("4711", change("open", "n"), bare))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("alert source zendesk: " + ZendeskTicketWriter.NEEDS_SETTINGS);
    assertThat(writer.table(AlertSource.of("zendesk", ZendeskIntegration.NAME)))
        .isEqualTo(ZendeskSettings.DEFAULT_WRITE_BACK);
  }

  @Test
  void theTableComesFromTheSettings() {
    ZendeskSettings settings = settings(TOKEN).writeBack(WriteBackTable.of(
        Map.of(AlertState.ACCEPTED, "pending"))).build();

    assertThat(writer.table(context(settings).source()).statuses()).isEqualTo(Map.of(AlertState.ACCEPTED, "pending"));
    assertThat(ZendeskSettings.DEFAULT_WRITE_BACK.statuses())
        .isEqualTo(Map.of(AlertState.ACCEPTED, "open", AlertState.RESOLVED, "solved"));
  }

  @Test
  void readsZendesksErrorShapes() {
    Limits limits = Limits.defaults();
    assertThat(ZendeskErrors.message(bytes("{\"error\": {\"title\": \"Forbidden\", \"message\": \"You do not have"
        + " access to this page\"}}"), limits)).contains("Forbidden: You do not have access to this page");
    assertThat(ZendeskErrors.message(bytes("{\"details\": {\"base\": [{\"description\": \"Status: closed prevents"
        + " ticket update\"}]}}"), limits)).contains("(base: Status: closed prevents ticket update)");
    assertThat(ZendeskErrors.message(bytes("{\"error\": \"line\\nbreak\"}"), limits)).contains("line break");
    assertThat(ZendeskErrors.message(bytes("<html>Bad gateway</html>"), limits)).isEmpty();
    assertThat(ZendeskErrors.message(bytes("{\"unrelated\": 1}"), limits)).isEmpty();
    assertThat(ZendeskErrors.message(bytes("{\"error\": \"" + "x".repeat(1000) + "\"}"), limits).orElseThrow())
        .hasSize(ZendeskErrors.MAX_TEXT_CHARS + 1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theOwnApiUserIsRecognisedOnlyWhenItsIdIsConfigured() {
    ZendeskSettings plain = settings(TOKEN).build();
    ZendeskSettings withId = settings(TOKEN).apiUserId("8447388090494").build();
    TicketSnapshot byActor = snapshot("actor_id", "8447388090494");
    TicketSnapshot byOther = snapshot("actor_id", "1234");
    TicketSnapshot byEmail = snapshot("current_user", Map.of("email", "AlertBridge@acme.example"));
    TicketSnapshot byUserId = snapshot("current_user", Map.of("id", "8447388090494"));
    TicketSnapshot byPerson = snapshot("current_user", Map.of("email", "ada@acme.example"));

    assertThat(List.of(byActor, byOther, byEmail, byUserId, byPerson))
        .map(s -> writer.isOwnChange(s, context(withId).source())).containsExactly(true, false, true, true, false);
    assertThat(List.of(byActor, byEmail, byUserId))
        .map(s -> writer.isOwnChange(s, context(plain).source())).containsOnly(false);
  }

  private static TicketSnapshot snapshot(String name, Object value) {
    return TicketSnapshot.builder("4711", CodedValue.of("Open"))
        .customDetail(name, value).build();
  }
}
