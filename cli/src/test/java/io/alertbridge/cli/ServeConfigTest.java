package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ReopenPolicy;
import io.alertbridge.core.example.ExampleIntegration;
import org.junit.jupiter.api.Test;

class ServeConfigTest {

  @Test
  void readsSourcesWithTheirSecretsTablesAndPolicies() {
    ServeConfig config = ServeConfig.read("""
        {"maxBodyBytes": 4096,
         "sources": [
           {"id": "desk-a", "integration": "example", "secrets": ["one", "two"], "reopen": "ignore",
            "defaultPriority": "low",
            "table": {"rows": [{"statuses": ["Closed"], "whenAbsent": "CREATE", "whenOpen": "RESOLVE"}],
                      "otherwise": {"whenAbsent": "IGNORE", "whenOpen": "KEEP"}},
            "settings": {"region": "eu"}},
           {"id": "desk-b", "integration": "example"}
         ]}
        """, CliRunner.example(), CliRunner.CLOCK);

    assertThat(config.limits().maxBodyBytes()).isEqualTo(4096);
    assertThat(config.sources()).containsOnlyKeys("desk-a", "desk-b");
    AlertSource a = config.sources().get("desk-a");
    assertThat(a.integration()).isEqualTo("example");
    assertThat(a.authentication()).isInstanceOfSatisfying(Authentication.SharedSecretHeader.class,
        header -> assertThat(header.headerName()).isEqualTo("X-AlertBridge-Secret"));
    assertThat(a.reopenPolicy()).isEqualTo(ReopenPolicy.IGNORE);
    assertThat(a.defaultPriority()).isEqualTo(Priority.LOW);
    assertThat(a.table().orElseThrow().match(CodedValue.of("closed")).rule())
        .isEqualTo(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.RESOLVE));
    assertThat(a.settings(ExampleIntegration.ExampleSettings.class).map(ExampleIntegration.ExampleSettings::region))
        .hasValue("eu");
    AlertSource b = config.sources().get("desk-b");
    assertThat(b.authentication()).isEqualTo(Authentication.none());
    assertThat(b.table()).isEmpty();
  }

  @Test
  void namesOneSourcePerIntegrationWithoutAConfiguration() {
    ServeConfig config = ServeConfig.defaults(CliRunner.example());

    assertThat(config.sources()).containsOnlyKeys("example");
    assertThat(config.sources().get("example").authentication()).isEqualTo(Authentication.none());
  }

  @Test
  void listsEveryProblemWithItsPointer() {
    assertThatThrownBy(() -> ServeConfig.read("""
        {"sources": [
           {"id": "a", "integration": "example", "table": {"rows": [{"statuses": ["New"], "whenAbsent": "OPEN",
             "whenOpen": "KEEP"}]}, "autotask": {"api": "http://127.0.0.1:1/"}},
           {"id": "a", "integration": "example", "secrets": ["", 7], "colour": "red"}
         ], "port": 8080}
        """, CliRunner.example(), CliRunner.CLOCK))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "unknown member at /port",
            "unknown member at /sources/0/autotask",
            "expected one of CREATE, REJECT, IGNORE at /sources/0/table/rows/0/whenAbsent, got \"OPEN\"",
            "the \"any other\" rule is missing at /sources/0/table",
            "unknown member at /sources/1/colour",
            "expected a non-empty string at /sources/1/secrets/0",
            "expected a non-empty string at /sources/1/secrets/1"));
  }

  @Test
  void readsTheAdminTokenAndTheConnectionLimits() {
    ServeConfig config = ServeConfig.read("""
        {"adminToken": "0123456789abcdef", "maxConnections": 4, "headerTimeoutMillis": 250,
         "bodyTimeoutMillis": 1500, "sources": [{"id": "a", "integration": "example"}]}
        """, CliRunner.example(), CliRunner.CLOCK);
    ServeConfig defaults = ServeConfig.read("{\"sources\": [{\"id\": \"a\", \"integration\": \"example\"}]}",
        CliRunner.example(), CliRunner.CLOCK);

    assertThat(config.adminToken()).hasValue(io.alertbridge.core.Secret.of("0123456789abcdef"));
    assertThat(config.toString()).doesNotContain("0123456789abcdef");
    assertThat(config.connectionLimits()).isEqualTo(new HttpConnections.Limits(4, java.time.Duration.ofMillis(250),
        java.time.Duration.ofMillis(1500), 1 << 20));
    assertThat(defaults.adminToken()).isEmpty();
    assertThat(defaults.connectionLimits()).isEqualTo(new HttpConnections.Limits(64, java.time.Duration.ofSeconds(10),
        java.time.Duration.ofSeconds(30), 1 << 20));
  }

  @Test
  void refusesAShortAdminTokenAndUnboundedConnectionLimits() {
    assertThatThrownBy(() -> ServeConfig.read("""
        {"adminToken": "short", "maxConnections": 0, "headerTimeoutMillis": "10s", "bodyTimeoutMillis": -1,
         "sources": [{"id": "a", "integration": "example"}]}
        """, CliRunner.example(), CliRunner.CLOCK))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "expected a string of at least 16 characters, without spaces around it, at /adminToken",
            "expected an integer from 1 to 10000 at /maxConnections",
            "expected an integer from 1 to 3600000 at /headerTimeoutMillis",
            "expected an integer from 1 to 3600000 at /bodyTimeoutMillis"))
        .hasMessageNotContaining("short");
  }

  @Test
  void refusesDuplicateIdsAndMalformedJson() {
    assertThatThrownBy(() -> ServeConfig.read("{\"sources\": [{\"id\": \"a\", \"integration\": \"example\"},"
        + " {\"id\": \"a\", \"integration\": \"example\"}]}", CliRunner.example(), CliRunner.CLOCK))
        .hasMessageContaining("the id \"a\" is used twice, again at /sources/1/id");
    assertThatThrownBy(() -> ServeConfig.read("{\"sources\": [", CliRunner.example(), CliRunner.CLOCK))
        .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("configuration: ");
  }
}
