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
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiClient;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.topdesk.testing.FakeTopdeskApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The way back to TOPdesk over real HTTP against the fake: the request, its authentication and the errors. */
class TopdeskWriterTest {
  private static final String NUMBER = "I 2504 117";
  private static final String PASSWORD = "app-password-1";

  private final TestClock clock = TestClock.at("2025-04-14T08:00:00Z");
  private final FakeTopdeskApi api = FakeTopdeskApi.start("alertbridge", PASSWORD, clock);
  private final TicketWriter writer = new TopdeskIntegration().ticketWriter().orElseThrow();

  @AfterEach
  void stop() {
    api.close();
  }

  private TopdeskSettings.Builder settings() {
    return TopdeskSettings.builder().apiUrl(api.baseUrl()).username("alertbridge")
        .applicationPassword(Secret.of(PASSWORD));
  }

  private ParseContext context(UnaryOperator<TopdeskSettings.Builder> adjust) {
    AlertSource source = AlertSource.builder("topdesk-prod", "topdesk").settings(adjust.apply(settings()).build())
        .build();
    return new ParseContext(source, Limits.defaults(), clock);
  }

  private static TicketChange change(AlertState state, String status, String note) {
    return new TicketChange("change-1", "alert-1", state, Optional.ofNullable(status), note,
        Instant.parse("2025-04-14T08:00:00Z"));
  }

  private static Object json(String body) {
    return Json.parse(body.getBytes(StandardCharsets.UTF_8), 64);
  }

  private ApiException failure(TicketChange change, ParseContext context) {
    return catchThrowableOfType(() -> writer.write(NUMBER, change, context), ApiException.class);
  }

  @Test
  void patchesTheIncidentByNumberWithStatusAndAnActionInvisibleForTheCaller() {
    api.incident(NUMBER, "Logged", clock.instant().minusSeconds(600));
    clock.advance(Duration.ofSeconds(5));

    writer.write(NUMBER, change(AlertState.ACCEPTED, "In progress", "Accepted in AlertBridge by Ada"),
        context(b -> b));

    FakeTopdeskApi.Request patch = api.requests().get(0);
    assertThat(api.requests()).hasSize(1);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.rawPath()).isEqualTo("/tas/api/incidents/number/I%202504%20117");
    assertThat(patch.authorization()).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString(("alertbridge:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    assertThat(json(patch.body())).isEqualTo(Map.of("processingStatus", Map.of("name", "In progress"),
        "action", "Accepted in AlertBridge by Ada", "actionInvisibleForCaller", true));
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("In progress");
    assertThat(api.actionsOf(NUMBER)).containsExactly("Accepted in AlertBridge by Ada [invisible for caller]");
    assertThat(api.incidentJson(NUMBER)).contains("\"modificationDate\":\"2025-04-14T08:00:05.000+0000\"");
  }

  @Test
  void patchesByIdWhenTheAlertKeyIsAnIncidentId() {
    String id = api.incident(NUMBER, "Logged", clock.instant());

    writer.write(id, change(AlertState.RESOLVED, "Completed", "Resolved in AlertBridge"), context(b -> b));

    assertThat(api.requests().get(0).rawPath()).isEqualTo("/tas/api/incidents/id/" + id);
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Completed");
    assertThat(api.incidentJson(NUMBER)).contains("\"completed\":true");
  }

  @Test
  void writesOnlyTheActionWhenTheChangeHasNoStatus() {
    api.incident(NUMBER, "Logged", clock.instant());

    writer.write(NUMBER, change(AlertState.ACCEPTED, null, "Accepted in AlertBridge"), context(b -> b));

    assertThat(json(api.requests().get(0).body())).isEqualTo(Map.of("action", "Accepted in AlertBridge",
        "actionInvisibleForCaller", true));
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
  }

  @Test
  void escapesTheNoteAsTopdesksLimitedHtml() {
    api.incident(NUMBER, "Logged", clock.instant());

    writer.write(NUMBER, change(AlertState.RESOLVED, "Completed",
        "Resolved in AlertBridge by Ada: <b>disk</b> & fan replaced\r\nnext > check\nthen <br> done"), context(b -> b));

    assertThat(json(api.requests().get(0).body())).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("action",
        "Resolved in AlertBridge by Ada: &lt;b&gt;disk&lt;/b&gt; &amp; fan replaced<br>next &gt; check<br>then"
            + " &lt;br&gt; done");
  }

  @Test
  void anUnknownStatusFailsWithTopdesksOwnMessage() {
    api.incident(NUMBER, "Logged", clock.instant());

    ApiException e = failure(change(AlertState.ACCEPTED, "In Bearbeitung", "Accepted in AlertBridge"),
        context(b -> b));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.REJECTED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.apiStatus()).hasValue(400);
    assertThat(e.getMessage()).isEqualTo("TOPdesk answered HTTP 400 to PATCH " + api.baseUrl()
        + "/tas/api/incidents/number/I%202504%20117: No processing status found for name 'In Bearbeitung'");
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
    assertThat(api.actionsOf(NUMBER)).isEmpty();
  }

  @Test
  void aWrongPasswordIsRefusedWithAHintAndNeverShown() {
    api.incident(NUMBER, "Logged", clock.instant());

    ApiException e = failure(change(AlertState.ACCEPTED, "In progress", "n"),
        context(b -> b.applicationPassword(Secret.of("wrong-password-9"))));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.REFUSED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).startsWith("TOPdesk answered HTTP 401 to PATCH ")
        .contains("401 Unauthorized")
        .endsWith("; check the source's username and applicationPassword (an application password of that operator)")
        .doesNotContain("wrong-password-9").doesNotContain(PASSWORD);
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
  }

  @Test
  void serverErrorsAndRateLimitsAreRetryableAndCarryRetryAfter() {
    api.incident(NUMBER, "Logged", clock.instant());
    ParseContext context = context(b -> b);

    api.failNext(500, 1);
    ApiException serverError = failure(change(AlertState.ACCEPTED, "In progress", "n"), context);
    api.failNext(429, 1, Duration.ofSeconds(120));
    ApiException rateLimited = failure(change(AlertState.ACCEPTED, "In progress", "n"), context);

    assertThat(serverError.reason()).isEqualTo(ApiException.Reason.SERVER_ERROR);
    assertThat(serverError.retryable()).isTrue();
    assertThat(serverError.getMessage()).endsWith(": Internal server error");
    assertThat(rateLimited.reason()).isEqualTo(ApiException.Reason.RATE_LIMITED);
    assertThat(rateLimited.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
  }

  @Test
  void anUnknownIncidentIsRejected() {
    ApiException e = failure(change(AlertState.ACCEPTED, "In progress", "n"), context(b -> b));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.REJECTED);
    assertThat(e.getMessage()).endsWith("/tas/api/incidents/number/I%202504%20117: Incident not found");
  }

  @Test
  void aSlowAnswerIsARetryableTimeout() {
    api.incident(NUMBER, "Logged", clock.instant());
    api.delay(Duration.ofSeconds(3));

    ApiException e = failure(change(AlertState.ACCEPTED, "In progress", "n"),
        context(b -> b.requestTimeout(Duration.ofMillis(300))));

    assertThat(e.reason()).isEqualTo(ApiException.Reason.TIMEOUT);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void withoutSettingsItSaysWhichToAdd() {
    ParseContext bare = new ParseContext(AlertSource.of("topdesk-prod", "topdesk"), Limits.defaults(), clock);

    ConfigurationException e = catchThrowableOfType(
        () -> writer.write(NUMBER, change(AlertState.ACCEPTED, "In progress", "n"), bare),
        ConfigurationException.class);

    assertThat(e.getMessage()).startsWith("alert source topdesk-prod: writing changes back to TOPdesk needs the"
        + " source's TOPdesk API settings: add settings with apiUrl").contains("username and applicationPassword");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void theTableComesFromTheSettingsOrIsTheDefault() {
    WriteBackTable dutch = WriteBackTable.of(Map.of(AlertState.ACCEPTED, "In behandeling"));

    assertThat(writer.table(AlertSource.of("td", "topdesk"))).isEqualTo(TopdeskSettings.DEFAULT_WRITE_BACK);
    assertThat(writer.table(context(b -> b.writeBack(dutch)).source())).isEqualTo(dutch);
  }

  @Test
  void anIncidentLastModifiedByTheApiOperatorIsItsOwnChange() {
    TicketSnapshot byApi = TicketSnapshot.builder(NUMBER, CodedValue.of("In progress"))
        .customDetail("modifier", "API, AlertBridge").build();
    TicketSnapshot byAnne = TicketSnapshot.builder(NUMBER, CodedValue.of("In progress"))
        .customDetail("modifier", "Servicedesk, Anne").build();
    AlertSource named = context(b -> b.operatorName("API, AlertBridge")).source();

    assertThat(writer.isOwnChange(byApi, named)).isTrue();
    assertThat(writer.isOwnChange(byAnne, named)).isFalse();
    assertThat(writer.isOwnChange(byApi, context(b -> b).source())).isFalse();
    assertThat(writer.isOwnChange(byApi, AlertSource.of("td", "topdesk"))).isFalse();
  }

  @Test
  void addressesIncidentsByIdOrByAnEncodedNumber() {
    URI base = URI.create("https://acme.topdesk.net/");

    assertThat(TopdeskApi.incident(base, "6b704cbf-76f5-4802-b65d-2661fcae68d5"))
        .hasToString("https://acme.topdesk.net/tas/api/incidents/id/6b704cbf-76f5-4802-b65d-2661fcae68d5");
    assertThat(TopdeskApi.incident(base, "I 2504 117/ä?x"))
        .hasToString("https://acme.topdesk.net/tas/api/incidents/number/I%202504%20117%2F%C3%A4%3Fx");
    assertThat(TopdeskApi.incident(base, "..")).hasToString("https://acme.topdesk.net/tas/api/incidents/number/%2E%2E");
    assertThat(TopdeskApi.isId("6b704cbf-76f5-4802-b65d-2661fcae68d5x")).isFalse();
  }

  @Test
  void readsTopdesksErrorShapesAndFallsBackToTheAnswersStart() {
    Limits limits = Limits.defaults();

    assertThat(TopdeskApi.message(answer("[{\"message\": \"a\"}, {\"message\": \"b\\nc\"}]"), limits))
        .isEqualTo(": a; b c");
    assertThat(TopdeskApi.message(answer("{\"message\": \"only one\"}"), limits)).isEqualTo(": only one");
    assertThat(TopdeskApi.message(answer("<html>busy</html>"), limits)).isEqualTo(": <html>busy</html>");
    assertThat(TopdeskApi.message(answer("[{\"message\": \"" + "x".repeat(400) + "\"}]"), limits))
        .hasSize(2 + 300 + 1).endsWith("\u2026");
    assertThat(TopdeskApi.message(answer(""), limits)).isEmpty();
  }

  private static ApiClient.Answer answer(String body) {
    return new ApiClient.Answer("TOPdesk", "PATCH x", 400, body.getBytes(StandardCharsets.UTF_8), null);
  }
}
