package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private static final byte[] BODY = "{\"id\": 1, \"status\": \"New\"}".getBytes(StandardCharsets.UTF_8);

  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
      .clock(MutableClock.at("2025-03-04T09:15:00Z")).build();

  private Outcome send(Authentication authentication, String... headers) {
    AlertSource source = AlertSource.builder("auth", ExampleIntegration.NAME).authentication(authentication).build();
    return processor.explain(source, Delivery.of(Headers.of(headers), BODY)).outcome();
  }

  @Test
  void sharedSecretHeaderAcceptsAnyConfiguredSecret() {
    Authentication auth = Authentication.sharedSecretHeader("X-Secret", Secret.of("old-one"), Secret.of("new-one"));

    assertThat(send(auth, "x-secret", "old-one")).isEqualTo(Outcome.CREATED);
    assertThat(send(auth, "X-SECRET", "new-one")).isEqualTo(Outcome.CREATED);
    assertThat(send(auth, "X-Secret", "new-on")).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(auth, "X-Secret", "new-one ")).isEqualTo(Outcome.CREATED);
    assertThat(send(auth)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void aNonAsciiSharedSecretMatchesOnItsUtf8BytesWhicheverWayTheHostDecodedTheHeader() {
    Authentication auth = Authentication.sharedSecretHeader("X-Secret", Secret.of("pässwört-秘密"));
    String sentAsUtf8ReadAsLatin1 = new String("pässwört-秘密".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    String sentAsLatin1 = new String("pässwört".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);

    assertThat(send(auth, "X-Secret", "pässwört-秘密")).isEqualTo(Outcome.CREATED);
    assertThat(send(auth, "X-Secret", sentAsUtf8ReadAsLatin1)).isEqualTo(Outcome.CREATED);
    assertThat(send(Authentication.sharedSecretHeader("X-Secret", Secret.of("pässwört")), "X-Secret", sentAsLatin1))
        .as("a host that decoded UTF-8 properly presents the same characters").isEqualTo(Outcome.CREATED);
    assertThat(send(auth, "X-Secret", "passwort-秘密")).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void basicAcceptsConfiguredCredentialsOnly() {
    Authentication auth = Authentication.basic(Authentication.Credentials.of("desk", "pa:ss"),
        Authentication.Credentials.of("desk2", "other"));

    assertThat(send(auth, "Authorization", basic("desk:pa:ss"))).isEqualTo(Outcome.CREATED);
    assertThat(send(auth, "Authorization", basic("desk2:other"))).isEqualTo(Outcome.CREATED);
    assertThat(send(auth, "Authorization", basic("desk:other"))).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(auth, "Authorization", "Basic !!!not-base64")).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(auth, "Authorization", "Bearer abc")).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(send(auth)).isEqualTo(Outcome.UNAUTHORIZED);
  }

  @Test
  void failuresSayNothingAboutWhichPartFailed() {
    AlertSource source = AlertSource.builder("auth", ExampleIntegration.NAME)
        .authentication(Authentication.basic(Authentication.Credentials.of("desk", "secret"))).build();

    ProcessingResult wrongUser = processor.process(source, Delivery.of(Headers.of("Authorization", basic("x:secret")), BODY));
    ProcessingResult wrongPassword = processor.process(source, Delivery.of(Headers.of("Authorization", basic("desk:x")), BODY));

    assertThat(wrongUser.message()).isEqualTo("authentication failed").isEqualTo(wrongPassword.message());
    assertThat(wrongUser.httpStatus()).isEqualTo(401);
  }

  @Test
  void secretsNeverShowInToString() {
    Authentication auth = Authentication.sharedSecretHeader("X-Secret", Secret.of("hunter2"));
    AlertSource source = AlertSource.builder("s", "example").authentication(auth)
        .settings(new ApiToken(Secret.of("hunter3"))).build();

    assertThat(auth.toString()).doesNotContain("hunter2");
    assertThat(Authentication.Credentials.of("u", "hunter2").toString()).doesNotContain("hunter2");
    assertThat(source.toString()).doesNotContain("hunter2").doesNotContain("hunter3").contains("ApiToken");
  }

  /** Settings holding a secret, as an integration's own settings would. */
  record ApiToken(Secret token) implements IntegrationSettings {}

  @Test
  void configurationWithoutSecretsIsRefused() {
    assertThatThrownBy(() -> Authentication.sharedSecretHeader("X-Secret")).hasMessage("secrets must not be empty");
    assertThatThrownBy(() -> Secret.of("")).hasMessage("a secret must not be empty");
    assertThatThrownBy(() -> new Authentication.Signature(List.of(Secret.of("k")), java.time.Duration.ZERO))
        .hasMessageContaining("tolerance must be positive");
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
