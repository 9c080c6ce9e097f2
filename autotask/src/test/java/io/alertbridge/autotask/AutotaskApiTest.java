package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.autotask.AutotaskApiException.Reason;
import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST API client against the loopback fake: failures, picklists, zone, caching, credentials. */
class AutotaskApiTest {
  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start();
  private final TestClock clock = TestClock.at("2025-06-12T12:00:00Z");
  private final RestApiTicketSource tickets = new RestApiTicketSource();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(tickets)))
      .clock(clock).build();

  @AfterEach
  void stop() {
    api.close();
  }

  private ProcessingResult deliver(AlertSource source, String callout) {
    clock.advance(Duration.ofSeconds(1));
    return processor.process(source, Fixtures.of(AutotaskDeliveries.class).delivery(callout));
  }

  private AutotaskApiException failure(AlertSource source) {
    AutotaskApiException e = catchThrowableOfType(AutotaskApiException.class, () -> deliver(source, "01-new-ticket"));
    assertThat(e).as("an AutotaskApiException").isNotNull();
    assertThat(e.httpStatus()).isEqualTo(503);
    assertNoCredentials(e);
    return e;
  }

  private static void assertNoCredentials(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(LoopbackAutotaskApi.SECRET, LoopbackAutotaskApi.INTEGRATION_CODE,
        LoopbackAutotaskApi.USERNAME, "alerts-api%40contoso");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void apiDownIsUnavailable() throws IOException {
    AlertSource source = api.builder("down").setting("zoneUrl", "http://127.0.0.1:" + closedPort() + "/atservicesrest/")
        .build();

    AutotaskApiException e = failure(source);

    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).contains("could not connect", "/atservicesrest/v1.0/Tickets/48213");
  }

  @Test
  void slowApiTimesOut() {
    api.ticket(48213, "api-01-ticket-48213-new.json").stallTickets();

    AutotaskApiException e = failure(api.builder("slow").setting("requestTimeout", "PT0.2S").build());

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("did not answer", "PT0.2S");
  }

  @Test
  void serverErrorIsUnavailable() {
    api.ticket(48213, "api-01-ticket-48213-new.json").failWith(500);

    AutotaskApiException e = failure(api.source("failing"));

    assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
    assertThat(e.apiStatus()).hasValue(500);
  }

  @Test
  void rateLimitIsUnavailable() {
    api.ticket(48213, "api-01-ticket-48213-new.json").failWith(429);

    AutotaskApiException e = failure(api.source("busy"));

    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(e.apiStatus()).hasValue(429);
  }

  @Test
  void wrongCredentialsAreRefusedWithoutShowingThem() {
    api.ticket(48213, "api-01-ticket-48213-new.json");

    AutotaskApiException e = failure(api.builder("wrong").setting("secret", "Wrong-Secret-123").build());

    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
    assertThat(e.apiStatus()).hasValue(401);
    assertThat(e.getMessage()).contains("credentials").doesNotContain("Wrong-Secret-123");
  }

  @Test
  void unknownTicketIsInvalidNamingTheId() {
    ProcessingResult result = deliver(api.source("contoso"), "01-new-ticket");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.message()).isEqualTo(
        "\"id\": expected the id of a ticket the Autotask API knows at /id, got 48213, which it does not know (not found)");
  }

  @Test
  void emptyItemIsInvalidLikeNotFound() {
    api.ticketJson(48213, "{\"item\": null}");

    assertThat(deliver(api.source("contoso"), "01-new-ticket").outcome()).isEqualTo(Outcome.INVALID);
  }

  @Test
  void unreadableAnswerIsUnavailable() {
    api.ticketJson(48213, "<html>maintenance</html>");

    AutotaskApiException e = failure(api.source("contoso"));

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("/v1.0/Tickets/48213", "not valid JSON");
  }

  @Test
  void ticketWithoutIntegerStatusIsUnreadable() {
    api.ticketJson(48213, Recorded.ticket("api-01-ticket-48213-new.json", item -> item.put("status", "New")));

    AutotaskApiException e = failure(api.source("contoso"));

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("/item/status", "an integer picklist value", "got string");
  }

  @Test
  void missingAndInvalidSettingsAreListedAtOnceWithTheirPointers() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("zoneUrl", "ftp://example");
    members.put("requestTimeout", "10 seconds");
    members.put("secret", 42L);
    members.put("integrationcode", "x");

    ConfigurationException e = catchThrowableOfType(
        () -> AutotaskSettings.fromJson(JsonObject.of(members, "/sources/0/settings")), ConfigurationException.class);

    assertThat(e.problems()).containsExactly(
        "expected an http(s) address without user, query or fragment, such as "
            + "https://webservices14.autotask.net/atservicesrest/, at /sources/0/settings/zoneUrl",
        "expected a positive ISO-8601 duration such as PT10S at /sources/0/settings/requestTimeout, got \"10 seconds\"",
        "expected a string at /sources/0/settings/secret, got number",
        "unknown member at /sources/0/settings/integrationcode; the autotask settings are [apiResourceId, apiUrl, "
            + "connectTimeout, integrationCode, notePublish, noteTitle, noteType, picklistRefresh, requestTimeout, "
            + "secret, username, webUrl, writeBack, zoneUrl]",
        "the API user's username is missing at /sources/0/settings/username",
        "the API user's secret is missing at /sources/0/settings/secret",
        "the API user's integrationCode is missing at /sources/0/settings/integrationCode");
  }

  @Test
  void aSourceWithoutSettingsIsAConfigurationProblemBeforeItsFirstDeliveryNeverA503() {
    AlertSource bare = AlertSource.of("bare", "autotask");
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(tickets)))
        .clock(clock).build();

    assertThat(processor.validate(bare)).containsExactly(AutotaskIntegration.NEEDS_SETTINGS);
    assertThatThrownBy(() -> processor.process(bare, Delivery.of(Headers.of("Content-Type",
        "application/x-www-form-urlencoded"), "id=48213".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("username, secret and integrationCode");
    assertThatThrownBy(() -> WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration(tickets)))
        .sources(List.of(bare)).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("bare: the autotask integration fetches");
    assertThat(api.requests("zoneInformation")).isZero();
  }

  @Test
  void theBuilderListsEveryProblemWithoutAValue() {
    ConfigurationException e = catchThrowableOfType(() -> AutotaskSettings.builder().username(" ")
        .requestTimeout(Duration.ZERO).zoneUrl("https://user:hunter2@example.com/").build(), ConfigurationException.class);

    assertThat(e.problems()).hasSize(5).noneMatch(problem -> problem.contains("hunter2"));
    assertThat(e.problems()).contains("requestTimeout must be positive, got PT0S",
        "the API user's integrationCode is missing");
  }

  @Test
  void unknownApiUserFailsTheZoneLookupWithoutNamingTheUser() {
    api.ticket(48213, "api-01-ticket-48213-new.json");

    AutotaskApiException e = failure(api.builder("unknown-user").setting("username", "someone@else.example").build());

    assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_STATUS);
    assertThat(e.getMessage()).contains("zoneInformation").doesNotContain("someone");
  }

  @Test
  void configuredZoneSkipsTheLookupAndLinksToTheConfiguredWebAddress() {
    api.ticket(48213, "api-01-ticket-48213-new.json");
    AlertSource source = api.builder("zoned").setting("zoneUrl", api.zoneUrl()).setting("webUrl", "https://ww5.autotask.net")
        .build();

    ProcessingResult result = deliver(source, "01-new-ticket");

    assertThat(api.requests("zoneInformation")).isZero();
    assertThat(result.event().orElseThrow().links()).singleElement().satisfies(link -> assertThat(link.href())
        .isEqualTo("https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=48213"));
  }

  @Test
  void configuredZoneWithoutWebAddressGivesNoLink() {
    api.ticket(48213, "api-01-ticket-48213-new.json");

    ProcessingResult result = deliver(api.builder("zoned").setting("zoneUrl", api.zoneUrl()).build(), "01-new-ticket");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().orElseThrow().links()).isEmpty();
  }

  @Test
  void renamedStatusIsMappedByItsNewLabel() {
    api.picklists(Recorded.picklistsWithStatus(8, "Working on it"));
    api.ticket(48213, "api-01-ticket-48213-new.json");
    deliver(api.source("contoso"), "01-new-ticket");
    api.ticket(48213, "api-02-ticket-48213-in-progress.json");

    ProcessingResult result = deliver(api.source("contoso"), "02-in-progress-update");

    assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(result.explanation().snapshot().orElseThrow().status().display()).isEqualTo("Working on it");
    assertThat(result.explanation().matchedRow()).contains("any other");
  }

  @Test
  void customStatusWithAKnownLabelFollowsThatLabel() {
    api.picklists(Recorded.picklistsWithStatus(24, "Waiting-Vendor"));
    api.ticket(48235, "api-06-ticket-48235-custom-status.json");

    ProcessingResult result = deliver(api.source("contoso"), "06-custom-status");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.message()).contains("Waiting-Vendor");
  }

  @Test
  void unknownStatusValueRefreshesThePicklistsOnce() {
    api.picklists(Recorded.picklistsWithStatus(24, null));
    api.ticket(48213, "api-01-ticket-48213-new.json").ticket(48235, "api-06-ticket-48235-custom-status.json");
    deliver(api.source("contoso"), "01-new-ticket");
    api.picklists(Recorded.picklistsWithStatus(24, "Parts Ordered - Awaiting Courier"));

    ProcessingResult first = deliver(api.source("contoso"), "06-custom-status");
    ProcessingResult again = deliver(api.source("contoso"), "06-custom-status");

    assertThat(api.requests("entityInformation/fields")).isEqualTo(2);
    assertThat(first.event().orElseThrow().ticketStatus()).isEqualTo("Parts Ordered - Awaiting Courier");
    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void statusStillUnknownAfterTheRefreshIsKeptByIdUntilTheNextRefresh() {
    api.picklists(Recorded.picklistsWithStatus(24, null));
    api.ticket(48213, "api-01-ticket-48213-new.json").ticket(48235, "api-06-ticket-48235-custom-status.json");
    deliver(api.source("contoso"), "01-new-ticket");

    ProcessingResult first = deliver(api.source("contoso"), "06-custom-status");
    deliver(api.source("contoso"), "06-custom-status");
    deliver(api.source("contoso"), "06-custom-status");

    assertThat(api.requests("entityInformation/fields")).isEqualTo(2);
    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(first.event().orElseThrow().ticketStatus()).isEqualTo("#24");
    assertThat(first.explanation().notes()).anySatisfy(note -> assertThat(note).contains("status value 24"));
  }

  @Test
  void picklistsAreFetchedAgainAfterTheRefreshInterval() {
    api.ticket(48213, "api-01-ticket-48213-new.json");
    AlertSource source = api.builder("contoso").setting("picklistRefresh", "PT10M").build();
    deliver(source, "01-new-ticket");
    deliver(source, "01-new-ticket");
    assertThat(api.requests("entityInformation/fields")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(10));
    deliver(source, "01-new-ticket");

    assertThat(api.requests("entityInformation/fields")).isEqualTo(2);
  }

  @Test
  void keepsOneClientPerDistinctSettings() {
    api.ticket(48213, "api-01-ticket-48213-new.json");
    deliver(api.source("one"), "01-new-ticket");
    deliver(api.source("two"), "01-new-ticket");
    assertThat(tickets.clientCount()).isEqualTo(1);

    deliver(api.builder("three").setting("requestTimeout", "PT3S").build(), "01-new-ticket");

    assertThat(tickets.clientCount()).isEqualTo(2);
    assertThat(api.requests("zoneInformation")).isEqualTo(2);
  }

  @Test
  void toStringNeverShowsCredentials() {
    api.ticket(48213, "api-01-ticket-48213-new.json");
    AlertSource source = api.source("contoso");
    tickets.ticket(48213, new ParseContext(source, Limits.defaults(), clock));
    AutotaskSettings settings = source.settings(AutotaskSettings.class).orElseThrow();

    assertThat(String.join(" ", settings.toString(), new AutotaskApiClient(settings).toString(), tickets.toString(),
        new AutotaskIntegration(tickets).toString(), source.toString()))
        .doesNotContain(LoopbackAutotaskApi.SECRET, LoopbackAutotaskApi.INTEGRATION_CODE, LoopbackAutotaskApi.USERNAME)
        .contains(api.rootUrl());
  }

  @Test
  void hostTicketSourceFailureIsUnavailable() {
    AutotaskIntegration integration = new AutotaskIntegration((id, context) -> {
      throw new IllegalStateException("connection pool closed");
    });
    WebhookProcessor host = WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).build();

    AutotaskApiException e = catchThrowableOfType(AutotaskApiException.class,
        () -> host.process(AlertSource.of("host", "autotask"), Fixtures.of(AutotaskDeliveries.class).delivery("01-new-ticket")));

    assertThat(e.reason()).isEqualTo(Reason.FAILED);
    assertThat(e.getMessage()).isEqualTo("the Autotask ticket source failed to give ticket 48213: IllegalStateException");
    assertThat(e.getCause()).hasMessage("connection pool closed");
  }
}
