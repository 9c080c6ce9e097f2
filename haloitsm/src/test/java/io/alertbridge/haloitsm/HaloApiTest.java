package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.haloitsm.HaloApiException.Reason;
import io.alertbridge.haloitsm.testing.FakeHaloApi;
import io.alertbridge.testkit.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Event information only" webhooks, their tickets fetched from the loopback Halo API. */
class HaloApiTest {
  private static final String CLIENT_ID = "alertbridge-client-7Q";
  private static final String CLIENT_SECRET = "Hs9!client-secret-Zk4";

  private final FakeHaloApi api = FakeHaloApi.start(CLIENT_ID, CLIENT_SECRET);
  private final TestClock clock = TestClock.at("2025-11-18T12:00:00Z");
  private final HaloItsmIntegration integration = new HaloItsmIntegration();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(integration))
      .clock(clock).build();

  @AfterEach
  void stop() {
    api.close();
  }

  private HaloSettings.Builder settings() {
    return HaloSettings.builder().apiUrl(api.baseUrl()).clientId(CLIENT_ID).clientSecret(Secret.of(CLIENT_SECRET));
  }

  private AlertSource source(HaloSettings settings) {
    return AlertSource.builder("halo-api", "haloitsm").settings(settings).build();
  }

  private AlertSource source() {
    return source(settings().build());
  }

  private static String ticket(long id, int statusId) {
    return "{\"id\": " + id + ", \"summary\": \"Disk full on db-2\", \"details\": \"<p>95%</p>\", \"status_id\": "
        + statusId + ", \"priority_id\": 1, \"client_name\": \"Contoso\"}";
  }

  private ProcessingResult deliver(AlertSource source, long id) {
    clock.advance(Duration.ofSeconds(1));
    return processor.process(source, Halo.json("{\"id\": \"evt-" + clock.instant().getEpochSecond()
        + "\", \"event\": \"ticket_status_changed\", \"object_id\": " + id + ", \"webhook_id\": 3}"));
  }

  private HaloApiException failure(AlertSource source, long id) {
    HaloApiException e = catchThrowableOfType(HaloApiException.class, () -> deliver(source, id));
    assertThat(e).as("a HaloApiException").isNotNull();
    assertThat(e.httpStatus()).isEqualTo(503);
    assertNoSecrets(e);
    return e;
  }

  private static void assertNoSecrets(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(CLIENT_SECRET, CLIENT_ID, "token-");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) {
    return (Map<String, Object>) Json.parse(json, 64);
  }

  @Test
  void eventOnlyDeliveryIsFetchedCreatedAndResolved() {
    AlertSource source = source();
    api.ticket(4242, ticket(4242, 1));

    ProcessingResult created = deliver(source, 4242);

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.ticketId()).contains("4242");
    assertThat(created.explanation().snapshot().orElseThrow().summary()).isEqualTo("Disk full on db-2");
    FakeHaloApi.Request token = api.requests().get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.path()).isEqualTo("/auth/token");
    assertThat(token.body()).contains("grant_type=client_credentials", "client_id=" + CLIENT_ID, "scope=all")
        .doesNotContain("tenant");
    assertThat(api.requests()).filteredOn(r -> r.path().equals("/api/Tickets/4242"))
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer token-1"));

    api.ticket(4242, ticket(4242, 9));
    assertThat(deliver(source, 4242).outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(api.tokensIssued()).as("the token is kept").isEqualTo(1);
  }

  @Test
  void tenantGoesWithTheTokenRequest() {
    AlertSource source = source(settings().tenant("contoso").build());
    api.ticket(4242, ticket(4242, 1));

    assertThat(deliver(source, 4242).outcome()).isEqualTo(Outcome.CREATED);

    FakeHaloApi.Request token = api.requests().get(0);
    assertThat(token.query()).isEqualTo("tenant=contoso");
    assertThat(token.body()).contains("&tenant=contoso");
  }

  @Test
  void unknownTicketIsInvalid() {
    ProcessingResult result = deliver(source(), 777);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).contains("777").contains("does not know");
  }

  @Test
  void referenceWithoutSettingsIsInvalidAndSaysWhatToConfigure() {
    AlertSource source = AlertSource.of("halo-plain", "haloitsm");
    assertThat(integration.validate(source)).isEmpty();

    ProcessingResult result = deliver(source, 4242);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.message()).contains("configure the alert source's Halo API settings");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void revokedTokenIsReplacedOnce() {
    AlertSource source = source();
    api.ticket(4242, ticket(4242, 1));
    assertThat(deliver(source, 4242).outcome()).isEqualTo(Outcome.CREATED);

    api.revokeToken();
    assertThat(deliver(source, 4242).outcome()).as("the open alert is kept").isEqualTo(Outcome.UNCHANGED);

    assertThat(api.tokensIssued()).isEqualTo(2);
  }

  @Test
  void expiredTokenIsFetchedAgain() {
    AlertSource source = source();
    api.expiresIn(300).ticket(4242, ticket(4242, 1));
    deliver(source, 4242);

    clock.advance(Duration.ofMinutes(5));
    deliver(source, 4242);

    assertThat(api.tokensIssued()).isEqualTo(2);
    assertThat(api.requestCount("/api/Tickets/4242")).as("no 401 on the way").isEqualTo(2);
  }

  @Test
  void refusedCredentialsAreUnavailableWithoutTheSecret() {
    AlertSource source = source(settings().clientSecret(Secret.of("wrong-" + CLIENT_SECRET)).build());

    HaloApiException e = failure(source, 4242);

    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
    assertThat(e.getMessage()).contains("clientSecret").doesNotContain("wrong-");
  }

  @Test
  void serverErrorIsUnavailableAndTheRetryWorks() {
    AlertSource source = source();
    api.ticket(4242, ticket(4242, 1)).failNext(503, 1);

    HaloApiException e = failure(source, 4242);
    assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
    assertThat(e.apiStatus()).hasValue(503);

    assertThat(deliver(source, 4242).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void rateLimitIsUnavailable() {
    api.ticket(4242, ticket(4242, 1)).failNext(429, 1);

    assertThat(failure(source(), 4242).reason()).isEqualTo(Reason.RATE_LIMITED);
  }

  @Test
  void stalledApiTimesOutAndTheRetryWorks() {
    AlertSource source = source(settings().requestTimeout(Duration.ofMillis(500)).build());
    api.ticket(4242, ticket(4242, 1)).stall(true);

    HaloApiException e = failure(source, 4242);
    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.getMessage()).contains("/api/Tickets/4242").contains("PT0.5S");

    api.stall(false);
    assertThat(deliver(source, 4242).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void unreachableApiIsUnavailable() {
    AlertSource source = source(settings().apiUrl("http://127.0.0.1:1").build());

    assertThat(failure(source, 4242).reason()).isIn(Reason.UNREACHABLE, Reason.TIMEOUT);
  }

  @Test
  void unreadableTicketIsUnavailable() {
    api.ticket(4242, "[1, 2]");

    assertThat(failure(source(), 4242).reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
  }

  @Test
  void answerOverTheBoundIsUnreadable() {
    WebhookProcessor bounded = WebhookProcessor.builder(IntegrationRegistry.of(new HaloItsmIntegration())).clock(clock)
        .limits(io.alertbridge.core.Limits.builder().maxApiAnswerBytes(2048).build()).build();
    api.ticket(4242, ticket(4242, 1).replace("95%", "x".repeat(4096)));

    HaloApiException e = catchThrowableOfType(HaloApiException.class, () -> bounded.process(source(),
        Halo.json("{\"event\": \"ticket_status_changed\", \"object_id\": 4242}")));

    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
    assertThat(e.getMessage()).contains("2048 bytes");
  }

  @Test
  void statusTheTenantLacksKeepsItsId() {
    AlertSource source = source();
    api.ticket(4242, ticket(4242, 31));

    ProcessingResult result = deliver(source, 4242);

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.explanation().snapshot().orElseThrow().status().names()).isEmpty();
    deliver(source, 4242);
    assertThat(api.requestCount("/api/Status")).as("an id still missing after a fetch is not fetched again")
        .isEqualTo(1);
  }

  @Test
  void aFullTicketWithItsStatusByIdOnlyIsNamedThroughTheApiSoThatRowsByNameMatch() {
    AlertSource source = source();
    api.statuses("[{\"id\": 1, \"name\": \"New\"}, {\"id\": 20, \"name\": \"Complete\"}]");
    api.ticket(4242, ticket(4242, 1));
    var open = Halo.json("{\"ticket\": " + ticket(4242, 1) + "}");
    ProcessingResult created = processor.process(source, open);
    api.ticket(4242, ticket(4242, 20));
    clock.advance(Duration.ofSeconds(1));

    ProcessingResult complete = processor.process(source, Halo.json("{\"ticket\": " + ticket(4242, 20) + "}"));
    ProcessingResult withoutSettings = processor.process(AlertSource.of("halo-plain", "haloitsm"),
        Halo.json("{\"ticket\": " + ticket(4243, 20) + "}"));

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(complete.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(complete.explanation().notes()).contains("status 20 named \"Complete\" from the tenant's statuses "
        + "(GET /api/Status)");
    assertThat(withoutSettings.outcome()).as("without settings the id is all there is").isEqualTo(Outcome.CREATED);
  }

  @Test
  void explainFetchesOnlyWhenAsked() {
    AlertSource source = source();
    api.ticket(4242, ticket(4242, 1));
    var delivery = Halo.json("{\"event\": \"ticket_status_changed\", \"object_id\": 4242}");

    assertThat(processor.explain(source, delivery).outcome()).isEqualTo(Outcome.UNDECIDED);
    assertThat(api.requests()).isEmpty();

    assertThat(processor.explain(source, delivery, true).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(api.requestCount("/api/Tickets/4242")).isEqualTo(1);
  }

  @Test
  void statusGivenByIdIsNamedFromTheTenantsStatuses() {
    AlertSource source = source();
    api.ticket(9499, ticket(9499, 2));
    assertThat(deliver(source, 9499).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(api.requestCount("/api/Status")).isEqualTo(1);

    api.statuses("[{\"id\": 2, \"name\": \"In Progress\"}, {\"id\": 20, \"name\": \"Complete\"}]")
        .ticket(9499, ticket(9499, 20));
    ProcessingResult resolved = deliver(source, 9499);

    assertThat(resolved.outcome()).as("status 20 is named Complete: the closed row").isEqualTo(Outcome.RESOLVED);
    assertThat(resolved.explanation().snapshot().orElseThrow().status().names()).containsExactly("Complete");
    assertThat(api.requestCount("/api/Status")).as("fetched again at once for an unknown id").isEqualTo(2);

    deliver(source, 9499);
    assertThat(api.requestCount("/api/Status")).as("then cached").isEqualTo(2);
    clock.advance(Duration.ofHours(1));
    deliver(source, 9499);
    assertThat(api.requestCount("/api/Status")).as("refreshed after statusRefresh").isEqualTo(3);
  }

  @Test
  void validateRefusesSettingsOfAnotherType() {
    IntegrationSettings other = new IntegrationSettings() {
      @Override
      public String toString() {
        return "Other";
      }
    };
    AlertSource source = AlertSource.builder("halo-x", "haloitsm").settings(other).build();

    assertThat(integration.validate(source)).singleElement().asString().contains("HaloSettings");
    assertThat(integration.validate(source())).isEmpty();
  }

  @Test
  void fromJsonListsEveryProblemWithItsPointerAndNoSecret() {
    JsonObject json = JsonObject.of(object("{\"apiUrl\": \"ftp://halo\", \"clientSecret\": \"" + CLIENT_SECRET
        + "\", \"requestTimeout\": \"10s\", \"scope\": 3, \"colour\": \"red\"}"), "/sources/0/settings");

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> HaloSettings.fromJson(json));

    assertThat(e.problems()).hasSize(5).anySatisfy(p -> assertThat(p).contains("/sources/0/settings/apiUrl"))
        .anySatisfy(p -> assertThat(p).contains("/sources/0/settings/requestTimeout"))
        .anySatisfy(p -> assertThat(p).contains("/sources/0/settings/scope"))
        .anySatisfy(p -> assertThat(p).contains("/sources/0/settings/colour"))
        .anySatisfy(p -> assertThat(p).contains("/sources/0/settings/clientId"));
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
    assertThat(integration.readSettings(JsonObject.of(object("{}"), "/settings"))).isEmpty();
  }

  @Test
  void fromJsonReadsEveryMemberAndToStringHidesTheCredentials() {
    JsonObject json = JsonObject.of(object("{\"apiUrl\": \"https://example.halopsa.com\", \"clientId\": \""
        + CLIENT_ID + "\", \"clientSecret\": \"" + CLIENT_SECRET + "\", \"tenant\": \"contoso\", \"scope\": \"read:tickets\","
        + " \"connectTimeout\": \"PT2S\", \"requestTimeout\": \"PT3S\", \"statusRefresh\": \"PT10M\"}"), "/settings");

    HaloSettings settings = (HaloSettings) integration.readSettings(json).orElseThrow();

    assertThat(settings.apiUrl()).hasToString("https://example.halopsa.com/");
    assertThat(settings.authUrl()).hasToString("https://example.halopsa.com/auth/");
    assertThat(settings.tenant()).contains("contoso");
    assertThat(settings.scope()).isEqualTo("read:tickets");
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.statusRefresh()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings).isEqualTo(HaloSettings.fromJson(json));
    assertThat(settings.toString()).doesNotContain(CLIENT_ID, CLIENT_SECRET);
    assertThat(source(settings).toString()).doesNotContain(CLIENT_ID, CLIENT_SECRET);
    assertThat(HaloSettings.builder().apiUrl("https://h.example").authUrl("https://auth.example/tenant-a")
        .clientId("c").clientSecret(Secret.of("s")).build().authUrl()).hasToString("https://auth.example/tenant-a/");
  }

  @Test
  void builderListsWhatIsMissing() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> HaloSettings.builder().connectTimeout(Duration.ZERO).build());

    assertThat(e.problems()).hasSize(4);
  }

  @Test
  void eventOnlyBodyIsAReference() {
    var events = new HaloParser().parse(Halo.json("{\"event\": \"ticket_status_changed\", \"object_id\": 4242.0}"),
        new io.alertbridge.core.ParseContext(Halo.SOURCE, io.alertbridge.core.Limits.defaults(), clock));

    assertThat(events).singleElement().isEqualTo(new io.alertbridge.core.TicketReference("4242",
        Map.of("event", "ticket_status_changed")));
  }
}
