package io.alertbridge.cli;

import static io.alertbridge.cli.CliRunner.fixture;
import static io.alertbridge.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.cli.CliRunner.Run;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.haloitsm.testing.HaloDeliveries;
import io.alertbridge.topdesk.testing.TopdeskDeliveries;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replays each integration's recorded deliveries through the integrations on the class path. */
class IntegrationsReplayTest {
  private static final IntegrationRegistry REGISTRY =
      IntegrationRegistry.load(IntegrationsReplayTest.class.getClassLoader());

  private AutotaskApiStub api;

  @AfterEach
  void stopApi() {
    if (api != null) {
      api.close();
    }
  }

  /** A replay line with numbered ids (see {@link CliRunner#numberIds}). */
  private static String line(String file, String outcome, String key, String alertId, String state, String event,
      String eventId, String message) {
    int status = switch (outcome) {
      case "CREATED", "ACCEPTED", "RESOLVED" -> 202;
      case "REJECTED", "INVALID" -> 400;
      case "UNAUTHORIZED" -> 401;
      default -> 200;
    };
    return "{\"file\":\"" + file + "\",\"outcome\":\"" + outcome + "\",\"status\":" + status + ",\"alertKey\":"
        + quoted(key) + ",\"alertId\":" + quoted(alertId) + ",\"state\":" + quoted(state) + ",\"eventType\":"
        + quoted(event) + ",\"eventId\":" + quoted(eventId) + ",\"priority\":" + quoted(event == null ? null : "HIGH")
        + ",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
  }

  private static String quoted(String text) {
    return text == null ? "null" : '"' + text + '"';
  }

  private static List<String> files(Class<?> anchor, String... names) {
    List<String> files = new ArrayList<>();
    for (String name : names) {
      files.add(fixture(anchor, name));
    }
    return files;
  }

  private static String[] args(List<String> options, List<String> files) {
    List<String> args = new ArrayList<>(options);
    args.addAll(files);
    return args.toArray(String[]::new);
  }

  @Test
  void findsTheFourIntegrations() {
    assertThat(REGISTRY.names()).containsExactly("autotask", "haloitsm", "topdesk", "zendesk");
  }

  @Test
  void replaysZendeskFromCreationToResolutionAndDropsTheRetry() {
    List<String> f = files(ZendeskDeliveries.class, "01-new-ticket-created.http", "02-open-update.http", "03-pending-update.http",
        "04-on-hold-update.http", "05-solved-update.http", "06-closed-ticket-first-seen.http",
        "07-description-quotes-newlines-unicode.http", "08-retried-delivery-of-01.http");

    Run run = run(REGISTRY, args(List.of("replay", "--source", "zendesk"), f));

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.numberedLines()).containsExactly(
        line(f.get(0), "CREATED", "4711", "alert-1", "PENDING", "ALERT", "event-1",
            "status \"New\": no open alert, so one is created"),
        line(f.get(1), "UNCHANGED", "4711", null, "PENDING", null, null,
            "status \"Open\": the open alert stays as it is"),
        line(f.get(2), "ACCEPTED", "4711", "alert-1", "ACCEPTED", "ACCEPT", "event-2",
            "status \"Pending\": the open alert is accepted"),
        line(f.get(3), "UNCHANGED", "4711", null, "ACCEPTED", null, null,
            "status \"On-hold\": the alert is already accepted"),
        line(f.get(4), "RESOLVED", "4711", "alert-1", "RESOLVED", "RESOLVE", "event-3",
            "status \"Solved\": the open alert is resolved"),
        line(f.get(5), "REJECTED", "4650", null, null, null, null,
            "status \"Closed\": no open alert, and this status may not create one"),
        line(f.get(6), "CREATED", "4712", "alert-2", "PENDING", "ALERT", "event-4",
            "status \"New\": no open alert, so one is created"),
        line(f.get(7), "DUPLICATE", "4711", null, "RESOLVED", null, null, "delivery 9120456601 was already processed"));
  }

  @Test
  void checksZendeskSignaturesAgainstTheFixedClock() {
    List<String> f = files(ZendeskDeliveries.class, "01-new-ticket-created.http", "08-retried-delivery-of-01.http",
        "05-solved-update.http");

    Run signed = run(REGISTRY, args(List.of("replay", "--source", "zendesk", "--secret", ZendeskDeliveries.FIXTURE_SECRET,
        "--now", "2025-03-04T09:17:00Z"), f));
    Run wrongSecret = run(REGISTRY, args(List.of("replay", "--source", "zendesk", "--secret", "not-the-secret",
        "--now", "2025-03-04T09:17:00Z"), f.subList(0, 1)));

    assertThat(signed.exit()).isZero();
    assertThat(signed.numberedLines()).containsExactly(
        line(f.get(0), "CREATED", "4711", "alert-1", "PENDING", "ALERT", "event-1",
            "status \"New\": no open alert, so one is created"),
        line(f.get(1), "DUPLICATE", "4711", null, "PENDING", null, null, "delivery 9120456601 was already processed"),
        line(f.get(2), "UNAUTHORIZED", null, null, null, null, null, "authentication failed"));
    assertThat(wrongSecret.lines()).containsExactly(
        line(f.get(0), "UNAUTHORIZED", null, null, null, null, null, "authentication failed"));
  }

  @Test
  void replaysTopdeskActionSequences() {
    List<String> f = files(TopdeskDeliveries.class, "01-alert-new-card.json", "02-alert-extra-fields.json",
        "03-resolve-edit-card-closed.json", "04-alert-quotes-and-dutch-text.json", "05-alert-empty-values.json",
        "06-alert-unresolved-placeholders.json");

    Run run = run(REGISTRY, args(List.of("replay", "--source", "topdesk"), f));

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(6);
    assertThat(run.numberedLines().subList(0, 5)).containsExactly(
        line(f.get(0), "CREATED", "I 2504 117", "alert-1", "PENDING", "ALERT", "event-1",
            "status \"ALERT\": no open alert, so one is created"),
        line(f.get(1), "CREATED", "I2504-118", "alert-2", "PENDING", "ALERT", "event-2",
            "status \"ALERT\": no open alert, so one is created"),
        line(f.get(2), "RESOLVED", "I 2504 117", "alert-1", "RESOLVED", "RESOLVE", "event-3",
            "status \"RESOLVE\": the open alert is resolved"),
        line(f.get(3), "CREATED", "I 2504 121", "alert-3", "PENDING", "ALERT", "event-4",
            "status \"ALERT\": no open alert, so one is created"),
        line(f.get(4), "CREATED", "I 2504 122", "alert-4", "PENDING", "ALERT", "event-5",
            "status \"ALERT\": no open alert, so one is created"));
    assertThat(run.lines().get(5)).startsWith("{\"file\":\"" + f.get(5) + "\",\"outcome\":\"INVALID\",\"status\":400,"
        + "\"alertKey\":null,\"alertId\":null,\"state\":null,\"eventType\":null,\"eventId\":null,\"priority\":null,"
        + "\"message\":\"\\\"incidentKey\\\"")
        .contains("${naam}");
  }

  @Test
  void replaysHaloTicketsAndChecksTheSharedSecretHeader() {
    List<String> f = files(HaloDeliveries.class, "01-new-ticket-logged.json", "02-status-in-progress.json",
        "03-status-with-user.json", "04-status-resolved-custom.json", "05-status-closed.json",
        "06-full-payload-closed.json");

    Run run = run(REGISTRY, args(List.of("replay", "--source", "haloitsm"), f));
    Run withSecret = run(REGISTRY, args(List.of("replay", "--source", "haloitsm", "--secret", "s3cret"),
        f.subList(0, 1)));

    assertThat(run.exit()).isZero();
    assertThat(run.numberedLines()).containsExactly(
        line(f.get(0), "CREATED", "4812", "alert-1", "PENDING", "ALERT", "event-1",
            "status \"New\": no open alert, so one is created"),
        line(f.get(1), "ACCEPTED", "4812", "alert-1", "ACCEPTED", "ACCEPT", "event-2",
            "status \"In Progress\": the open alert is accepted"),
        line(f.get(2), "UNCHANGED", "4812", null, "ACCEPTED", null, null,
            "status \"With User\": the alert is already accepted"),
        line(f.get(3), "RESOLVED", "4812", "alert-1", "RESOLVED", "RESOLVE", "event-3",
            "status \"Resolved\": the open alert is resolved"),
        line(f.get(4), "UNCHANGED", "4812", null, "RESOLVED", null, null,
            "status \"Closed\": the alert is already resolved"),
        line(f.get(5), "UNCHANGED", "4812", null, "RESOLVED", null, null,
            "status \"Closed\": the alert is already resolved"));
    assertThat(withSecret.lines()).containsExactly(
        line(f.get(0), "UNAUTHORIZED", null, null, null, null, null, "authentication failed"));
  }

  @Test
  void replaysAutotaskCalloutsAgainstItsRestApi() {
    api = AutotaskApiStub.start()
        .ticket(48213, "api-01-ticket-48213-new.json", "api-02-ticket-48213-in-progress.json",
            "api-04-ticket-48213-complete.json")
        .ticket(48190, "api-03-ticket-48190-waiting-customer.json")
        .ticket(48227, "api-05-ticket-48227-denied.json")
        .ticket(48235, "api-06-ticket-48235-custom-status.json");
    List<String> f = files(AutotaskDeliveries.class, "01-new-ticket.http", "02-in-progress-update.http",
        "03-waiting-customer-update.http", "04-complete-update.http", "05-denied-ticket.http",
        "06-custom-status.http");

    Run run = run(REGISTRY, args(List.of("replay", "--source", "autotask", "--autotask-api", api.url(),
        "--autotask-username", AutotaskApiStub.USERNAME, "--autotask-secret", AutotaskApiStub.SECRET,
        "--autotask-integration-code", AutotaskApiStub.INTEGRATION_CODE), f));

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.numberedLines()).containsExactly(
        line(f.get(0), "CREATED", "48213", "alert-1", "PENDING", "ALERT", "event-1",
            "status \"New\": no open alert, so one is created"),
        line(f.get(1), "ACCEPTED", "48213", "alert-1", "ACCEPTED", "ACCEPT", "event-2",
            "status \"In Progress\": the open alert is accepted"),
        line(f.get(2), "REJECTED", "48190", null, null, null, null,
            "status \"Waiting Customer\": no open alert, and this status may not create one"),
        line(f.get(3), "RESOLVED", "48213", "alert-1", "RESOLVED", "RESOLVE", "event-3",
            "status \"Complete\": the open alert is resolved"),
        line(f.get(4), "REJECTED", "48227", null, null, null, null,
            "status \"Denied\": no open alert, and this status may not create one"),
        line(f.get(5), "CREATED", "48235", "alert-2", "PENDING", "ALERT", "event-4",
            "status \"Parts Ordered - Awaiting Courier\": no open alert, so one is created"));
  }

  @Test
  void reportsAnUnreachableAutotaskApiAsUnavailableAndExitsWithOne() {
    List<String> f = files(AutotaskDeliveries.class, "01-new-ticket.http");

    Run run = run(REGISTRY, args(List.of("replay", "--source", "autotask", "--autotask-api", "http://127.0.0.1:1/",
        "--autotask-username", "u", "--autotask-secret", "s", "--autotask-integration-code", "c"), f));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines()).singleElement().asString()
        .startsWith("{\"file\":\"" + f.get(0) + "\",\"outcome\":\"UNAVAILABLE\",\"status\":503,\"alertKey\":null,"
            + "\"alertId\":null,\"state\":null,\"eventType\":null,\"eventId\":null,\"priority\":null,\"message\":");
  }

  @Test
  void takesUserAndPasswordAsTheAutotaskSecret() {
    List<String> f = files(AutotaskDeliveries.class, "01-new-ticket.http");

    // the API is never called: the callout is refused before its ticket would be fetched
    List<String> api = List.of("--autotask-zone", "http://127.0.0.1:1/atservicesrest/", "--autotask-username", "u",
        "--autotask-secret", "s", "--autotask-integration-code", "c");
    Run basic = run(REGISTRY, args(concat(List.of("replay", "--source", "autotask", "--secret", "callout:pa55word"),
        api), f));
    Run noColon = run(REGISTRY, args(concat(List.of("replay", "--source", "autotask", "--secret", "pa55word"), api),
        f));

    assertThat(basic.exit()).isZero();
    assertThat(basic.lines())
        .containsExactly(line(f.get(0), "UNAUTHORIZED", null, null, null, null, null, "authentication failed"));
    assertThat(noColon.exit()).isEqualTo(2);
    assertThat(noColon.err())
        .startsWith("alertbridge: --secret: the autotask secret is HTTP Basic: expected user:password")
        .doesNotContain("pa55word");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void anAutotaskSourceWithoutApiSettingsStopsBeforeAnyDeliveryListingWhatIsMissing() {
    List<String> f = files(AutotaskDeliveries.class, "01-new-ticket.http");

    Run run = run(REGISTRY, args(List.of("replay", "--source", "autotask"), f));
    Run wrongSource = run(REGISTRY, args(List.of("replay", "--source", "zendesk", "--autotask-api", "http://x/"), f));
    Run partial = run(REGISTRY, args(List.of("replay", "--source", "autotask", "--autotask-api", "ftp://x",
        "--autotask-secret", "hunter2"), f));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("alert sources: autotask: the autotask integration fetches tickets from the "
        + "Autotask REST API and needs its settings");
    assertThat(wrongSource.exit()).isEqualTo(2);
    assertThat(wrongSource.err()).contains("--autotask-api is for --source autotask only");
    assertThat(partial.exit()).isEqualTo(2);
    assertThat(partial.err()).contains("at /apiUrl", "username is missing", "integrationCode is missing")
        .doesNotContain("hunter2");
  }

  @Test
  void serveExitsWithTwoAtStartUpListingEveryMisconfiguredSource(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path config = dir.resolve("serve.json");
    java.nio.file.Files.writeString(config, """
        {"sources": [
          {"id": "psa", "integration": "autotask", "settings": {"zoneUrl": "https://ws.example/", "secret": "hunter2"}},
          {"id": "desk", "integration": "topdesk", "secrets": []},
          {"id": "typo", "integration": "zendesk", "autotask": {}}
        ]}""");

    Run run = run(REGISTRY, "serve", "--port", "0", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).doesNotContain("listening");
    assertThat(run.err()).contains(
        "the API user's username is missing at /sources/0/settings/username",
        "the API user's integrationCode is missing at /sources/0/settings/integrationCode",
        "expected at least one secret at /sources/1/secrets; to turn authentication off, leave \"secrets\" out",
        "an integration's settings go in /sources/2/settings, not /sources/2/autotask")
        .doesNotContain("hunter2");
  }

  @Test
  void explainsAZendeskDelivery() {
    Run run = run(REGISTRY, "explain", "--source", "zendesk", fixture(ZendeskDeliveries.class, "04-on-hold-update.http"));

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("source:   zendesk (zendesk)\nticket:   4711\nstatus:   On-hold\n")
        .contains("row:      row 2 [Pending, On-hold, Hold] -> CREATE / ACCEPT\n", "state:    absent -> PENDING\n",
            "outcome:  CREATED (HTTP 202): status \"On-hold\": no open alert, so one is created");
  }
}
