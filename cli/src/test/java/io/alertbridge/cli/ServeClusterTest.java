package io.alertbridge.cli;

import static io.alertbridge.cli.ReceiverClient.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code serve --jdbc-url} receivers on one PostgreSQL database (embedded, started by the test)
 * behave as one: one alert for racing deliveries of one ticket, the same list on both, each
 * transition decided once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeClusterTest {
  private static final Function<String, String> ENVIRONMENT =
      Map.of("ALERTBRIDGE_ADMIN_TOKEN", ReceiverClient.TOKEN, "PGPASSWORD", "postgres")::get;
  private static EmbeddedPostgres postgres;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Receiver> receivers = new ArrayList<>();

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void stop() {
    receivers.forEach(Receiver::stop);
  }

  private ReceiverClient start() {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Receiver receiver = new Cli(CliRunner.example(), CliRunner.CLOCK, print, print, ENVIRONMENT).startReceiver(List.of(
        "--port", "0", "--admin-token-env", "ALERTBRIDGE_ADMIN_TOKEN", "--jdbc-url",
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "--jdbc-user", "postgres",
        "--jdbc-password-env", "PGPASSWORD"));
    receivers.add(receiver);
    return new ReceiverClient(receiver);
  }

  @Test
  void twoReceiversOnOnePostgresDatabaseBehaveAsOne() {
    ReceiverClient a = start();
    ReceiverClient b = start();
    List<CompletableFuture<Map<String, Object>>> created = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      created.add(a.postAsync("example", ticket("4711", "New", "2025-03-04T09:00:00Z")));
      created.add(b.postAsync("example", ticket("4711", "New", "2025-03-04T09:00:00Z")));
    }
    List<Object> creating = created.stream().map(CompletableFuture::join).map(r -> r.get("outcome")).toList();
    List<CompletableFuture<Map<String, Object>>> working = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      working.add(a.postAsync("example", ticket("4711", "Working", "2025-03-04T09:05:00Z")));
      working.add(b.postAsync("example", ticket("4711", "Working", "2025-03-04T09:05:00Z")));
    }
    List<Object> accepting = working.stream().map(CompletableFuture::join).map(r -> r.get("outcome")).toList();
    b.post("example", ticket("4712", "New", "2025-03-04T09:06:00Z"));

    List<Map<String, Object>> listedByA = a.alerts();
    List<Map<String, Object>> listedByB = b.alerts();

    assertThat(creating).filteredOn("CREATED"::equals).hasSize(1);
    assertThat(creating).filteredOn("UNCHANGED"::equals).hasSize(23);
    assertThat(accepting).filteredOn("ACCEPTED"::equals).hasSize(1);
    assertThat(accepting).filteredOn("UNCHANGED"::equals).hasSize(11);
    assertThat(listedByA).isEqualTo(listedByB);
    assertThat(listedByA).extracting(alert -> alert.get("alertKey") + " " + alert.get("state"))
        .containsExactly("4711 ACCEPTED", "4712 PENDING");
    assertThat(listedByA).extracting(alert -> alert.get("lastEventId")).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("state: JDBC jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres (postgresql, tables "
            + "alertbridge_*)");
  }
}
