package io.alertbridge.cli;

import static io.alertbridge.cli.CliRunner.example;
import static io.alertbridge.cli.CliRunner.file;
import static io.alertbridge.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.cli.CliRunner.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "''                                                   | no command given",
      "launch                                               | unknown command \"launch\"",
      "replay FILE                                          | --source is required",
      "replay --source nosuch FILE                          | unknown --source \"nosuch\"; known: [example]",
      "replay --source example                              | replay needs at least one FILE",
      "replay --source example --now yesterday FILE         | --now: expected an ISO-8601 instant",
      "replay --source example --reopen always FILE         | --reopen: expected new or ignore, got \"always\"",
      "replay --source example --colour FILE                | unknown option --colour",
      "replay --source example --secret                     | --secret needs a value",
      "replay --source example --source example FILE        | --source is given twice",
      "replay --source example --autotask-api http://x FILE | unknown option --autotask-api",
      "replay --source example missing.json                 | missing.json: cannot be read",
      "replay --source example notes.txt                    | notes.txt: expected a .json, .form or .http file",
      "explain --source example                             | explain needs exactly one FILE, got 0",
      "explain --source example --json=yes FILE             | --json takes no value",
      "serve --port http                                    | --port: expected a number from 0 to 65535, got \"http\"",
      "serve --port 70000                                   | --port: expected a number from 0 to 65535",
      "serve --config missing-config.json                   | missing-config.json: cannot be read",
      "serve extra                                          | serve takes no FILE, got extra",
      "serve --admin-token-env ALERTBRIDGE_TEST_UNSET_VARIABLE | --admin-token-env: the environment variable ALERTBRIDGE_TEST_UNSET_VARIABLE is not set",
  })
  void exitsWithTwoAndExplainsTheMistake(String commandLine, String message) {
    String[] args = commandLine.isBlank() ? new String[0]
        : commandLine.replace("FILE", file("example/01-new.json")).split(" ");

    Run run = run(example(), args);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("alertbridge: " + message)
        .contains("Usage: alertbridge <command>", "Run alertbridge --help");
  }

  @Test
  void printsUsageOnStdoutWhenAskedFor() {
    Run run = run(example(), "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("replay  --source NAME", "explain --source NAME", "serve   [--port 8080]",
        "--admin-token-env VAR",
        "one of: example", "X-AlertBridge-Secret");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void refusesAShortAdminTokenAndTwoAdminTokens(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"adminToken\": \"0123456789abcdef\", \"sources\": [{\"id\": \"a\", "
        + "\"integration\": \"example\"}]}");
    Function<String, String> environment = Map.of("SHORT", "tiny", "TOKEN", "fedcba9876543210")::get;

    Run shortToken = run(example(), environment, "serve", "--port", "0", "--admin-token-env", "SHORT");
    Run twoTokens = run(example(), environment, "serve", "--port", "0", "--config", config.toString(), "--admin-token-env",
        "TOKEN");

    assertThat(shortToken.exit()).isEqualTo(2);
    assertThat(shortToken.err()).startsWith("alertbridge: --admin-token-env: the token in SHORT must have at least "
        + "16 characters").doesNotContain("tiny");
    assertThat(twoTokens.exit()).isEqualTo(2);
    assertThat(twoTokens.err()).startsWith("alertbridge: --admin-token-env: the configuration already has an "
        + "adminToken");
  }

  @Test
  void reportsEveryConfigurationProblemAtOnce(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"sources\": [{\"id\": \"a\", \"integration\": \"nosuch\"},"
        + " {\"integration\": \"example\", \"reopen\": \"maybe\"}]}");

    Run run = run(example(), "serve", "--port", "0", "--config", config.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown integration \"nosuch\" at /sources/0/integration",
        "expected a non-blank string at /sources/1/id", "expected \"new\" or \"ignore\" at /sources/1/reopen");
  }
}
