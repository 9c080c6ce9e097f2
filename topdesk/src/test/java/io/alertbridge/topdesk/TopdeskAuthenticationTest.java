package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication.Credentials;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** TOPdesk does not sign: a shared-secret header or HTTP Basic, configured per alert source. */
class TopdeskAuthenticationTest {
  private static final byte[] BODY =
      "{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 117\"}".getBytes(StandardCharsets.UTF_8);
  private static final AlertSource BY_HEADER = AlertSource.builder("topdesk-header", TopdeskIntegration.NAME)
      .authentication(Authentication.sharedSecretHeader("X-AlertBridge-Secret", Secret.of("old-secret"),
          Secret.of("new-secret")))
      .build();
  private static final AlertSource BY_BASIC = AlertSource.builder("topdesk-basic", TopdeskIntegration.NAME)
      .authentication(Authentication.basic(Credentials.of("topdesk", "w8woord")))
      .build();

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new TopdeskIntegration()))
      .clock(TestClock.at("2025-04-14T06:32:36Z")).build();

  private Outcome send(AlertSource source, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return processor.process(source, Delivery.of(Headers.of(all), BODY)).outcome();
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsEitherConfiguredSharedSecret() {
    assertThat(send(BY_HEADER, "X-AlertBridge-Secret", "new-secret")).isEqualTo(Outcome.CREATED);
    assertThat(send(BY_HEADER, "x-alertbridge-secret", "old-secret")).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void refusesAWrongOrMissingSharedSecret() {
    assertThat(send(BY_HEADER, "X-AlertBridge-Secret", "guess")).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(BY_HEADER)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(BY_HEADER, "Authorization", basic("topdesk:new-secret"))).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void acceptsTheConfiguredBasicCredentials() {
    assertThat(send(BY_BASIC, "Authorization", basic("topdesk:w8woord"))).isEqualTo(Outcome.CREATED);
  }

  @Test
  void refusesWrongOrMissingBasicCredentials() {
    assertThat(send(BY_BASIC, "Authorization", basic("topdesk:wachtwoord"))).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(BY_BASIC, "Authorization", basic("operator:w8woord"))).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(BY_BASIC)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void refusesASourceThatAsksForASignatureTopdeskCannotSend() {
    AlertSource signed = AlertSource.builder("topdesk-signed", TopdeskIntegration.NAME)
        .authentication(Authentication.signature(Secret.of("s"))).build();

    assertThatThrownBy(() -> send(signed))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the topdesk integration has no signature check");
  }
}
