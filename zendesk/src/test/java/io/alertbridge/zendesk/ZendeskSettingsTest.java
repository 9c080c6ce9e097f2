package io.alertbridge.zendesk;

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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ZendeskSettings} from JSON and from the builder: every problem at once, by pointer, never the token. */
class ZendeskSettingsTest {
  private static final String TOKEN = "zd-token-6wiIBWbGkBMo1mRD";

  private static JsonObject json(String text) {
    return JsonObject.root(Json.parse(text, 20));
  }

  @Test
  void readsEveryMember() {
    ZendeskSettings settings = ZendeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.zendesk.com", "email": " alertbridge@acme.com ", "apiToken": "%s",
         "apiUserId": "8447388090494", "writeBack": {"ACCEPTED": "Pending", "RESOLVED": "solved"},
         "connectTimeout": "PT2S", "requestTimeout": "PT20S"}""".formatted(TOKEN)));

    assertThat(settings.apiUrl()).hasToString("https://acme.zendesk.com/");
    assertThat(settings.email()).isEqualTo("alertbridge@acme.com");
    assertThat(settings.apiToken()).isEqualTo(Secret.of(TOKEN));
    assertThat(settings.apiUserId()).contains("8447388090494");
    assertThat(settings.writeBack().statuses())
        .isEqualTo(Map.of(AlertState.ACCEPTED, "pending", AlertState.RESOLVED, "solved"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.toString()).doesNotContain(TOKEN).contains("alertbridge@acme.com");
  }

  @Test
  void defaultsToOpenAndSolvedAndShortTimeouts() {
    ZendeskSettings settings = ZendeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.zendesk.com/", "email": "a@acme.com", "apiToken": "t"}"""));

    assertThat(settings.writeBack()).isEqualTo(ZendeskSettings.DEFAULT_WRITE_BACK);
    assertThat(settings.apiUserId()).isEmpty();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings).isEqualTo(ZendeskSettings.builder().apiUrl("https://acme.zendesk.com").email("a@acme.com")
        .apiToken(Secret.of("t")).build());
  }

  @Test
  void reportsEveryProblemByPointerWithoutTheToken() {
    assertThatThrownBy(() -> ZendeskSettings.fromJson(JsonObject.of(json("""
        {"apiUrl": "ftp://acme", "email": "not-an-address", "apiToken": "%s", "apiUserId": "me",
         "writeBack": {"ACCEPTED": "Escalated", "RESOLVED": 3, "PENDING": "new"}, "requestTimeout": "10s",
         "subdomain": "acme"}""".formatted(TOKEN)).values(), "/sources/0/settings")))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactlyInAnyOrder(
            "expected an http(s) address without user, query or fragment, such as https://acme.zendesk.com, at"
                + " /sources/0/settings/apiUrl",
            "expected the API user's email address, such as alertbridge@acme.com, at /sources/0/settings/email",
            "expected the API user's id, digits such as 8447388090494, at /sources/0/settings/apiUserId",
            "expected a status name (string) at /sources/0/settings/writeBack/RESOLVED, got number",
            "unknown member at /sources/0/settings/writeBack/PENDING: expected ACCEPTED or RESOLVED",
            "expected a positive ISO-8601 duration such as PT10S at /sources/0/settings/requestTimeout, got \"10s\"",
            "unknown member at /sources/0/settings/subdomain; the zendesk settings are [apiToken, apiUrl, apiUserId,"
                + " connectTimeout, email, requestTimeout, writeBack]"))
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void namesAStatusZendeskDoesNotHave() {
    assertThatThrownBy(() -> ZendeskSettings.fromJson(json("""
        {"apiUrl": "https://acme.zendesk.com", "email": "a@acme.com", "apiToken": "t",
         "writeBack": {"ACCEPTED": "In progress"}}""")))
        .hasMessage("zendesk settings: unknown Zendesk status \"In progress\" at /writeBack/ACCEPTED; expected one"
            + " of new, open, pending, hold, solved, closed");
    assertThatThrownBy(() -> ZendeskSettings.builder().apiUrl("https://acme.zendesk.com").email("a@acme.com")
        .apiToken(Secret.of("t")).writeBack(WriteBackTable.of(Map.of(AlertState.RESOLVED, "done"))).build())
        .hasMessage("zendesk settings: unknown Zendesk status \"done\" at writeBack RESOLVED; expected one of new,"
            + " open, pending, hold, solved, closed");
  }

  @Test
  void namesWhatIsMissingAndWhatHasTheWrongType() {
    assertThatThrownBy(() -> ZendeskSettings.fromJson(json("{\"apiToken\": 42, \"writeBack\": \"open\"}")))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactlyInAnyOrder(
            "expected a string at /apiToken, got number",
            "expected an object from ACCEPTED and RESOLVED to Zendesk statuses at /writeBack, got string",
            "the apiUrl is missing at /apiUrl",
            "the email is missing at /email"));
    assertThatThrownBy(() -> ZendeskSettings.builder().build())
        .hasMessage("zendesk settings: the apiUrl is missing; the email is missing; the apiToken is missing");
  }

  @Test
  void theIntegrationReadsAndValidatesThem() {
    ZendeskIntegration integration = new ZendeskIntegration();
    IntegrationSettings other = new IntegrationSettings() {};

    assertThat(integration.readSettings(json("{}"))).isEmpty();
    assertThat(integration.readSettings(json("{\"apiUrl\": \"https://acme.zendesk.com\", \"email\": \"a@acme.com\","
        + " \"apiToken\": \"t\"}"))).containsInstanceOf(ZendeskSettings.class);
    assertThat(integration.validate(AlertSource.of("z", "zendesk"))).isEmpty();
    assertThat(integration.validate(AlertSource.builder("z", "zendesk").settings(other).build()))
        .singleElement().asString().startsWith("the zendesk integration takes ZendeskSettings, not ");
    assertThat(integration.ticketWriter()).isPresent();
  }
}
