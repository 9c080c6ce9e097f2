package io.alertbridge.cli;

import static io.alertbridge.cli.ReceiverClient.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.cli.CliRunner.Run;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.WebhookProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --state FILE} and {@code serve --jdbc-url} on H2: state that outlives the receiver, shared by receivers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeStateTest {
  private static final Function<String, String> ENVIRONMENT =
      Map.of("ALERTBRIDGE_ADMIN_TOKEN", ReceiverClient.TOKEN, "DB_PASSWORD", "db-pass-4f1c9e")::get;

  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Receiver> receivers = new ArrayList<>();

  @AfterEach
  void stop() {
    receivers.forEach(Receiver::stop);
  }

  private ReceiverClient start(String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--admin-token-env", "ALERTBRIDGE_ADMIN_TOKEN"));
    all.addAll(List.of(args));
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Receiver receiver = new Cli(CliRunner.example(), CliRunner.CLOCK, print, print, ENVIRONMENT).startReceiver(all);
    receivers.add(receiver);
    return new ReceiverClient(receiver);
  }

  @Test
  void keepsAlertsAndDeliveryIdsAcrossARestart() {
    String state = dir.resolve("trial").toString();
    ReceiverClient first = start("--state", state);
    Map<String, Object> created = first.post("example", ticket("7", "New", "2025-03-04T09:00:00Z"),
        "X-Delivery-Id", "d-1");
    List<Map<String, Object>> before = first.alerts();
    receivers.remove(0).stop();

    ReceiverClient second = start("--state", state + ".mv.db"); // the file's own name works too
    List<Map<String, Object>> after = second.alerts();
    Map<String, Object> retried = second.post("example", ticket("7", "New", "2025-03-04T09:00:00Z"),
        "X-Delivery-Id", "d-1");
    Map<String, Object> accepted = second.post("example", ticket("7", "Working", "2025-03-04T09:10:00Z"));

    assertThat(Files.exists(dir.resolve("trial.mv.db"))).isTrue();
    assertThat(created).containsEntry("outcome", "CREATED");
    assertThat(before).hasSize(1);
    assertThat(before.get(0)).containsEntry("alertKey", "7").containsEntry("state", "PENDING");
    assertThat(before.get(0).get("lastEventId")).isNotNull();
    assertThat(after).isEqualTo(before);
    assertThat(retried).containsEntry("outcome", "DUPLICATE");
    assertThat(accepted).containsEntry("outcome", "ACCEPTED");
    assertThat(second.alerts().get(0)).containsEntry("state", "ACCEPTED")
        .containsEntry("alertId", before.get(0).get("alertId"))
        .satisfies(alert -> assertThat(alert.get("lastEventId")).isNotNull().isNotEqualTo(before.get(0).get("lastEventId")));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("state: H2 file " + dir.resolve("trial.mv.db"));
  }

  @Test
  void twoReceiversOnOneDatabaseCreateOneAlertForRacingDeliveries() {
    String url = "jdbc:h2:file:" + dir.resolve("shared");
    ReceiverClient a = start("--jdbc-url", url);
    ReceiverClient b = start("--jdbc-url", url);
    List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(a.postAsync("example", ticket("42", "New", "2025-03-04T09:00:00Z")));
      answers.add(b.postAsync("example", ticket("42", "New", "2025-03-04T09:00:00Z")));
    }

    List<Object> outcomes = answers.stream().map(CompletableFuture::join).map(r -> r.get("outcome")).toList();
    Map<String, Object> accepted = b.post("example", ticket("42", "Working", "2025-03-04T09:05:00Z"));

    assertThat(outcomes).filteredOn("CREATED"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("UNCHANGED"::equals).hasSize(23);
    assertThat(accepted).containsEntry("outcome", "ACCEPTED");
    // both list the same alert, with the event the other applied
    assertThat(a.alerts()).isEqualTo(b.alerts()).hasSize(1);
    assertThat(a.alerts().get(0)).containsEntry("state", "ACCEPTED").extractingByKey("lastEventId").isNotNull();
  }

  @Test
  void pagesTheAlertsOfTheDatabase() {
    ReceiverClient client = start("--jdbc-url", "jdbc:h2:mem:serve-paging;DB_CLOSE_DELAY=-1");
    for (String id : List.of("3", "1", "2")) {
      client.post("example", ticket(id, "New", "2025-03-04T09:00:00Z"));
    }
    client.post("example", ticket("2", "Solved", "2025-03-04T09:10:00Z"));

    Map<String, Object> first = client.alerts("limit=2");
    Map<String, Object> second = client.alerts(((String) first.get("next")).substring("/alerts?".length()));

    assertThat(keys(first)).containsExactly("1", "2");
    assertThat(first.get("next")).isEqualTo("/alerts?limit=2&afterSource=example&afterKey=2");
    assertThat(keys(second)).containsExactly("3");
    assertThat(second.get("next")).isNull();
    assertThat(client.alerts()).filteredOn(a -> a.get("alertKey").equals("2")).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("state", "RESOLVED").containsEntry("lastSourceUpdate",
            "2025-03-04T09:10:00Z").containsEntry("updatedAt", "2025-03-04T10:00:00Z"))
        .satisfies(a -> assertThat(a.get("expiresAt")).isNotNull());
  }

  private static List<Object> keys(Map<String, Object> page) {
    return ((List<?>) page.get("alerts")).stream().map(a -> ((Map<?, ?>) a).get("alertKey")).map(Object.class::cast)
        .toList();
  }

  @Test
  void sweepsExpiredAlertsWithTheirLastEvents() throws Exception {
    String url = "jdbc:h2:mem:serve-sweep;DB_CLOSE_DELAY=-1";
    try (JdbcServeStore store = JdbcServeStore.open(url, null, null, "test")) {
      WebhookProcessor processor = store.wire(WebhookProcessor.builder(CliRunner.example()).clock(CliRunner.CLOCK))
          .build();
      AlertSource source = AlertSource.of("desk", "example");
      for (String body : List.of(ticket("1", "New", "2025-03-04T09:00:00Z"), ticket("1", "Solved",
          "2025-03-04T09:10:00Z"), ticket("2", "New", "2025-03-04T09:00:00Z"))) {
        processor.process(source, Delivery.builder(body.getBytes(StandardCharsets.UTF_8))
            .headers(Headers.of("Content-Type", "application/json")).build());
      }
      Instant later = CliRunner.CLOCK.instant().plus(Duration.ofDays(30));

      int before = count(url, "alertbridge_cli_last_events");
      store.sweep(later);

      assertThat(before).isEqualTo(2);
      assertThat(count(url, "alertbridge_alerts")).isEqualTo(1);
      assertThat(count(url, "alertbridge_cli_last_events")).isEqualTo(1);
      assertThat(store.alerts(later, Optional.empty(), 10).alerts()).extracting(a -> a.get("alertKey"))
          .containsExactly("2");
      assertThat(store.alerts(later, Optional.empty(), 10).alerts().get(0).get("lastEventId")).isNotNull();
    }
  }

  private static int count(String url, String table) throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void neverPrintsTheDatabasePassword() {
    start("--jdbc-url", "jdbc:h2:mem:serve-password;DB_CLOSE_DELAY=-1", "--jdbc-user", "trial", "--jdbc-password-env",
        "DB_PASSWORD");

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("state: JDBC jdbc:h2:mem:serve-password (h2, tables "
        + "alertbridge_*)").doesNotContain("db-pass-4f1c9e");
  }

  @Test
  void refusesOptionsThatDoNotGoTogetherAndUnreachableDatabases() {
    Run both = CliRunner.run(CliRunner.example(), ENVIRONMENT, "serve", "--port", "0", "--state", "x", "--jdbc-url",
        "jdbc:h2:mem:x");
    Run userAlone = CliRunner.run(CliRunner.example(), ENVIRONMENT, "serve", "--port", "0", "--jdbc-user", "u");
    Run notJdbc = CliRunner.run(CliRunner.example(), ENVIRONMENT, "serve", "--port", "0", "--jdbc-url",
        "postgres://localhost/x");
    Run noPassword = CliRunner.run(CliRunner.example(), ENVIRONMENT, "serve", "--port", "0", "--jdbc-url",
        "jdbc:h2:mem:x", "--jdbc-password-env", "UNSET_PASSWORD");
    Run unreachable = CliRunner.run(CliRunner.example(), ENVIRONMENT, "serve", "--port", "0", "--jdbc-url",
        "jdbc:postgresql://127.0.0.1:1/alertbridge?connectTimeout=2");

    assertThat(List.of(both, userAlone, notJdbc, noPassword)).extracting(Run::exit).containsOnly(2);
    assertThat(both.err()).startsWith("alertbridge: --state and --jdbc-url exclude each other");
    assertThat(userAlone.err()).startsWith("alertbridge: --jdbc-user goes with --jdbc-url");
    assertThat(notJdbc.err()).startsWith("alertbridge: --jdbc-url: expected a JDBC URL");
    assertThat(noPassword.err()).startsWith("alertbridge: --jdbc-password-env: the environment variable "
        + "UNSET_PASSWORD is not set");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err()).startsWith("alertbridge: the database cannot be used: ").contains("08001");
  }
}
