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
    assertThat(a.setting("region")).hasValue("eu");
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
            "expected one of CREATE, REJECT, IGNORE at /sources/0/table/rows/0/whenAbsent, got \"OPEN\"",
            "the \"any other\" rule is missing at /sources/0/table",
            "the settings at /sources/0/autotask are for the autotask integration only",
            "unknown member at /sources/1/colour",
            "expected a non-empty string at /sources/1/secrets/0",
            "expected a non-empty string at /sources/1/secrets/1"));
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
