package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertState;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Secret;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write-back members of {@link HaloSettings}: {@code writeBack} and {@code outcome}. */
class HaloWriteBackSettingsTest {
  private static final String BASE = "\"apiUrl\": \"https://example.halopsa.com\", \"clientId\": \"app\","
      + " \"clientSecret\": \"s3cr3t-value\"";

  private static HaloSettings read(String members) {
    return HaloSettings.fromJson(JsonObject.root(Json.parse("{" + BASE + members + "}", 20)));
  }

  @Test
  void readsTheTableAndTheOutcome() {
    HaloSettings settings = read(", \"writeBack\": {\"ACCEPTED\": \"With Engineer\"}, \"outcome\": \"Private Note\"");

    assertThat(settings.writeBack().statuses()).isEqualTo(Map.of(AlertState.ACCEPTED, "With Engineer"));
    assertThat(settings.outcome()).isEqualTo("Private Note");
    assertThat(settings.toString()).contains("writeBack={ACCEPTED=With Engineer}", "outcome=Private Note")
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void defaultsToInProgressAndClosed() {
    HaloSettings settings = read("");

    assertThat(settings.writeBack().statuses())
        .isEqualTo(Map.of(AlertState.ACCEPTED, "In Progress", AlertState.RESOLVED, "Closed"));
    assertThat(settings.outcome()).isEqualTo("AlertBridge");
    assertThat(settings).isEqualTo(HaloSettings.builder().apiUrl("https://example.halopsa.com").clientId("app")
        .clientSecret(Secret.of("s3cr3t-value")).build());
    assertThat(settings).isNotEqualTo(HaloSettings.builder().apiUrl("https://example.halopsa.com").clientId("app")
        .clientSecret(Secret.of("s3cr3t-value")).outcome("Note").build());
  }

  @Test
  void reportsEveryProblemByPointer() {
    assertThatThrownBy(() -> read(", \"writeBack\": {\"ACCEPTED\": \" \", \"DONE\": \"Closed\"}, \"outcome\": \""
        + "x".repeat(101) + "\""))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactlyInAnyOrder(
            "the status name at /writeBack/ACCEPTED is blank",
            "unknown member at /writeBack/DONE: expected ACCEPTED or RESOLVED",
            "the outcome at /outcome is 101 characters long; the limit is 100"));
    assertThatThrownBy(() -> read(", \"writeBack\": [\"In Progress\"]"))
        .hasMessageEndingWith("expected an object from ACCEPTED and RESOLVED to Halo status names at /writeBack, got"
            + " array");
  }
}
