package io.alertbridge.example.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings read from JSON with every problem at once, built in code, and checked per alert source. */
class ServiceNowSettingsTest {
  private final ServiceNowIntegration integration = new ServiceNowIntegration();

  private static JsonObject json(String text, String pointer) {
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) Json.parse(text.getBytes(StandardCharsets.UTF_8), 8);
    return JsonObject.of(values, pointer);
  }

  @Test
  void readsTheInstanceUrl() {
    assertThat(integration.readSettings(json("{\"instanceUrl\": \" https://example.service-now.com/ \"}", "")))
        .contains(ServiceNowSettings.of(URI.create("https://example.service-now.com")));
  }

  @Test
  void anEmptyObjectIsNoSettings() {
    assertThat(integration.readSettings(json("{}", "/sources/0/settings"))).isEmpty();
  }

  @Test
  void reportsEveryProblemAtOnceByPointer() {
    assertThatThrownBy(() -> integration.readSettings(json("{\"instanceURL\": \"x\", \"token\": 1}", "/sources/2/settings")))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "unknown member at /sources/2/settings/instanceURL; the servicenow settings are [instanceUrl]",
            "unknown member at /sources/2/settings/token; the servicenow settings are [instanceUrl]",
            "expected a URL (string) at /sources/2/settings/instanceUrl, got nothing"));
  }

  @Test
  void refusesAddressesThatAreNotAnInstance() {
    for (String url : new String[] {"example.service-now.com", "ftp://example.service-now.com",
        "https://example.service-now.com/now/nav/ui", "https://user@example.service-now.com", "https://", "http://a b"}) {
      assertThatThrownBy(() -> integration.readSettings(json("{\"instanceUrl\": \"" + url + "\"}", "")))
          .as(url).isInstanceOfSatisfying(ConfigurationException.class,
              e -> assertThat(e.problems()).singleElement().asString().contains("at /instanceUrl"));
    }
    assertThatThrownBy(() -> integration.readSettings(json("{\"instanceUrl\": 443}", "")))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
            .containsExactly("expected a URL (string) at /instanceUrl, got number"));
    assertThatThrownBy(() -> ServiceNowSettings.of(URI.create("mailto:ops@example.com")))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void validatesTheSourcesSettings() {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(integration)).build();
    IntegrationSettings foreign = new IntegrationSettings() {};

    assertThat(processor.validate(AlertSource.of("sn", "servicenow"))).isEmpty();
    assertThat(processor.validate(AlertSource.builder("sn", "servicenow")
        .settings(ServiceNowSettings.of(URI.create("https://example.service-now.com"))).build())).isEmpty();
    assertThat(integration.validate(AlertSource.builder("sn", "servicenow").settings(foreign).build()))
        .singleElement().asString().startsWith("the servicenow integration takes ServiceNowSettings, not ");
  }

  @Test
  void showsTheAddress() {
    assertThat(ServiceNowSettings.of(URI.create("https://example.service-now.com/")))
        .hasToString("ServiceNowSettings[instanceUrl=https://example.service-now.com]");
  }
}
