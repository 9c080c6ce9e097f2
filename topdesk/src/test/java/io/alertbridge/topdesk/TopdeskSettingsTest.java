package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopdeskSettingsTest {
  private static final String PASSWORD = "s3cr3t-app-password";
  private final TopdeskIntegration integration = new TopdeskIntegration();

  private static JsonObject json(String text) {
    return JsonObject.of(castMap(Json.parse(text.getBytes(StandardCharsets.UTF_8), 64)), "/sources/0/settings");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object parsed) {
    return (Map<String, Object>) parsed;
  }

  private static ConfigurationException problemsOf(String text) {
    return (ConfigurationException) org.assertj.core.api.Assertions.catchThrowable(
        () -> TopdeskSettings.fromJson(json(text)));
  }

  @Test
  void readsEveryMemberOfTheContract() {
    TopdeskSettings settings = TopdeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.topdesk.net", "username": "alertbridge", "applicationPassword": "%s",
         "writeBack": {"ACCEPTED": "In behandeling", "RESOLVED": "Afgemeld"},
         "poll": {"query": "operatorGroup.name==Netwerkbeheer", "interval": "PT30S"},
         "operatorName": "API, AlertBridge", "connectTimeout": "PT2S", "requestTimeout": "PT8S"}
        """.formatted(PASSWORD)));

    assertThat(settings.apiUrl()).hasToString("https://acme.topdesk.net/");
    assertThat(settings.username()).isEqualTo("alertbridge");
    assertThat(settings.applicationPassword()).isEqualTo(Secret.of(PASSWORD));
    assertThat(settings.writeBack().statuses())
        .isEqualTo(Map.of(AlertState.ACCEPTED, "In behandeling", AlertState.RESOLVED, "Afgemeld"));
    assertThat(settings.poll()).contains(new TopdeskSettings.Poll("operatorGroup.name==Netwerkbeheer",
        Duration.ofSeconds(30)));
    assertThat(settings.operatorName()).contains("API, AlertBridge");
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void defaultsToInProgressAndCompletedNoPollAndModestTimeouts() {
    TopdeskSettings settings = TopdeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.topdesk.net/", "username": "alertbridge", "applicationPassword": "p"}"""));

    assertThat(settings.writeBack()).isEqualTo(TopdeskSettings.DEFAULT_WRITE_BACK);
    assertThat(settings.writeBack().status(AlertState.ACCEPTED)).contains("In progress");
    assertThat(settings.writeBack().status(AlertState.RESOLVED)).contains("Completed");
    assertThat(settings.poll()).isEmpty();
    assertThat(settings.operatorName()).isEmpty();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aPollMayHaveAnEmptyQueryAndNoInterval() {
    TopdeskSettings settings = TopdeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.topdesk.net", "username": "u", "applicationPassword": "p",
         "poll": {"query": "  "}}"""));

    assertThat(settings.poll()).contains(new TopdeskSettings.Poll("", TopdeskSettings.DEFAULT_POLL_INTERVAL));
  }

  @Test
  void aWriteBackTableMayWriteNotesOnlyForAState() {
    TopdeskSettings settings = TopdeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.topdesk.net", "username": "u", "applicationPassword": "p",
         "writeBack": {"RESOLVED": "Afgemeld"}}"""));

    assertThat(settings.writeBack().status(AlertState.ACCEPTED)).isEmpty();
    assertThat(settings.writeBack().status(AlertState.RESOLVED)).contains("Afgemeld");
  }

  @Test
  void reportsEveryProblemAtItsJsonPointer() {
    ConfigurationException e = problemsOf("""
        {"apiUrl": "ftp://acme", "username": 7, "applicationPassword": "",
         "writeBack": {"ACCEPTED": 1, "PENDING": "New", "RESOLVED": " "},
         "poll": {"query": "(a==1", "interval": "often", "every": "PT1M"},
         "operatorName": true, "connectTimeout": "PT0S", "requestTimeout": "soon", "colour": "blue"}""");

    assertThat(e.problems()).containsExactlyInAnyOrder(
        "expected an http(s) address without user, query or fragment, such as https://acme.topdesk.net,"
            + " at /sources/0/settings/apiUrl",
        "expected a string at /sources/0/settings/username, got number",
        "expected a non-blank string at /sources/0/settings/applicationPassword",
        "expected a status name (string) at /sources/0/settings/writeBack/ACCEPTED, got number",
        "unknown member at /sources/0/settings/writeBack/PENDING: expected ACCEPTED or RESOLVED",
        "the status name at /sources/0/settings/writeBack/RESOLVED is blank",
        "the FIQL query at /sources/0/settings/poll/query has unbalanced brackets or quotes, so it cannot be"
            + " combined with the modification date: \"(a==1\"",
        "expected a positive ISO-8601 duration such as PT10S at /sources/0/settings/poll/interval, got \"often\"",
        "unknown member at /sources/0/settings/poll/every; a poll has [interval, query]",
        "expected a string at /sources/0/settings/operatorName, got boolean",
        "expected a positive ISO-8601 duration such as PT10S at /sources/0/settings/connectTimeout, got \"PT0S\"",
        "expected a positive ISO-8601 duration such as PT10S at /sources/0/settings/requestTimeout, got \"soon\"",
        "unknown member at /sources/0/settings/colour; the topdesk settings are [apiUrl, applicationPassword,"
            + " connectTimeout, operatorName, poll, requestTimeout, username, writeBack]");
  }

  @Test
  void namesTheMissingRequiredMembersAndObjectsOfTheWrongType() {
    ConfigurationException e = problemsOf("{\"writeBack\": [], \"poll\": \"PT1M\"}");

    assertThat(e.problems()).containsExactlyInAnyOrder(
        "expected an object at /sources/0/settings/writeBack, got array",
        "expected an object at /sources/0/settings/poll, got string",
        "the apiUrl is missing at /sources/0/settings/apiUrl",
        "the username is missing at /sources/0/settings/username",
        "the applicationPassword is missing at /sources/0/settings/applicationPassword");
  }

  @Test
  void refusesTheApiPathInTheAddressAndAColonInTheLogin() {
    ConfigurationException e = problemsOf("""
        {"apiUrl": "https://acme.topdesk.net/tas/api", "username": "a:b", "applicationPassword": "p"}""");

    assertThat(e.problems()).containsExactlyInAnyOrder(
        "expected the tenant's base address at /sources/0/settings/apiUrl, such as https://acme.topdesk.net,"
            + " without /tas or /tas/api (AlertBridge adds /tas/api/...)",
        "the login name at /sources/0/settings/username holds a colon, which HTTP Basic cannot carry");
  }

  @Test
  void boundsThePollQuery() {
    String query = "a==" + "b".repeat(TopdeskSettings.MAX_QUERY_CHARS);
    ConfigurationException e = problemsOf("""
        {"apiUrl": "https://acme.topdesk.net", "username": "u", "applicationPassword": "p",
         "poll": {"query": "%s"}}""".formatted(query));

    assertThat(e.problems()).containsExactly("the FIQL query at /sources/0/settings/poll/query is "
        + query.length() + " characters long; the limit is " + TopdeskSettings.MAX_QUERY_CHARS);
  }

  @Test
  void neverShowsThePasswordNorTheLogin() {
    TopdeskSettings settings = TopdeskSettings.builder().apiUrl("https://acme.topdesk.net")
        .username("login-name-x").applicationPassword(Secret.of(PASSWORD)).poll("", Duration.ofMinutes(2)).build();
    ConfigurationException wrong = problemsOf("""
        {"apiUrl": "acme", "username": "login-name-x", "applicationPassword": "%s", "writeBack": 1}"""
        .formatted(PASSWORD));

    assertThat(settings.toString()).doesNotContain(PASSWORD).doesNotContain("login-name-x")
        .contains("https://acme.topdesk.net/").contains("every PT2M");
    assertThat(wrong.problems()).hasSize(2);
    assertThat(wrong.getMessage()).doesNotContain(PASSWORD).doesNotContain("login-name-x");
  }

  @Test
  void theBuilderReportsEveryProblemAndEqualSettingsAreEqual() {
    assertThatThrownBy(() -> TopdeskSettings.builder().apiUrl("acme").username(" ")
        .requestTimeout(Duration.ZERO).poll("(", Duration.ofSeconds(-1)).build())
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactlyInAnyOrder(
            "expected an http(s) address without user, query or fragment, such as https://acme.topdesk.net, at apiUrl",
            "expected a non-blank string at username",
            "requestTimeout must be positive, got PT0S",
            "the FIQL query at poll query has unbalanced brackets or quotes, so it cannot be combined with the"
                + " modification date: \"(\"",
            "poll interval must be positive, got PT-1S",
            "the applicationPassword is missing"));
    TopdeskSettings.Builder same = TopdeskSettings.builder().apiUrl("https://acme.topdesk.net").username("u")
        .applicationPassword(Secret.of("p")).writeBack(WriteBackTable.notesOnly());

    assertThat(same.build()).isEqualTo(same.build()).hasSameHashCodeAs(same.build());
    assertThat(same.build()).isNotEqualTo(same.applicationPassword(Secret.of("q")).build());
  }

  @Test
  void theIntegrationReadsAndChecksThem() {
    Optional<IntegrationSettings> read = integration.readSettings(json("""
        {"apiUrl": "https://acme.topdesk.net", "username": "u", "applicationPassword": "p"}"""));
    AlertSource withSettings = AlertSource.builder("td", "topdesk").settings(read.orElseThrow()).build();
    AlertSource wrongType = AlertSource.builder("td", "topdesk").settings(new IntegrationSettings() {}).build();

    assertThat(read).get().isInstanceOf(TopdeskSettings.class);
    assertThat(integration.readSettings(json("{}"))).isEmpty();
    assertThat(integration.validate(withSettings)).isEmpty();
    assertThat(integration.validate(AlertSource.of("td", "topdesk"))).isEmpty();
    assertThat(integration.validate(wrongType)).singleElement().asString()
        .startsWith("the topdesk integration takes TopdeskSettings, not ");
    assertThatThrownBy(() -> integration.readSettings(json("{\"apiUrl\": 1}")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("/sources/0/settings/apiUrl");
  }
}
