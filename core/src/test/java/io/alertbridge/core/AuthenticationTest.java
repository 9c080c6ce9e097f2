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
    AlertSource source = AlertSource.builder("s", "example").authentication(auth).setting("api.secret", "hunter3").build();

    assertThat(auth.toString()).doesNotContain("hunter2");
    assertThat(Authentication.Credentials.of("u", "hunter2").toString()).doesNotContain("hunter2");
    assertThat(source.toString()).doesNotContain("hunter2").doesNotContain("hunter3").contains("api.secret");
  }

  @Test
  void hmacMatchesPublishedTestVectors() {
    // RFC 4231, test case 2
    byte[] mac = Hmac.sha256("Jefe".getBytes(StandardCharsets.UTF_8),
        "what do ya want ".getBytes(StandardCharsets.UTF_8), "for nothing?".getBytes(StandardCharsets.UTF_8));
    // RFC 2202, test case 2
    byte[] sha1 = Hmac.sha1("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

    assertThat(HexFormat.of().formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(HexFormat.of().formatHex(sha1)).isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    assertThat(Hmac.constantTimeEquals(mac, mac.clone())).isTrue();
    assertThat(Hmac.constantTimeEquals(mac, sha1)).isFalse();
  }

  @Test
  void aPreparedKeySignsAsTheOneShotHmacDoesFromManyThreads() throws Exception {
    byte[] key = "Jefe".getBytes(StandardCharsets.UTF_8);
    Hmac.Key prepared = Hmac.sha256Key(key);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
      same.add(pool.submit(() -> java.util.Arrays.equals(prepared.sign(message), Hmac.sha256(key, message))));
    }
    pool.shutdown();

    for (java.util.concurrent.Future<Boolean> result : same) {
      assertThat(result.get()).isTrue();
    }
    assertThat(prepared.toString()).doesNotContain("Jefe");
  }

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
