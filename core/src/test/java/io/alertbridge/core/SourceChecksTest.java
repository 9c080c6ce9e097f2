package io.alertbridge.core;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ExampleIntegration.ExampleSettings;
import io.alertbridge.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alert sources are checked before their first delivery; a 401 says why to the operator only. */
class SourceChecksTest {
  private static final IntegrationRegistry REGISTRY = IntegrationRegistry.of(new ExampleIntegration());
  private static final String BODY = "{\"id\": \"1\", \"status\": \"New\"}";

  private final WebhookProcessor processor = WebhookProcessor.builder(REGISTRY).build();

  /** Settings of a type no integration here takes. */
  record Foreign() implements IntegrationSettings {}

  @Test
  void validateListsEveryProblemOfASource() {
    AlertSource signedWithForeignSettings = AlertSource.builder("y", ExampleIntegration.NAME)
        .authentication(Authentication.signature(Secret.of("k"))).settings(new Foreign()).build();

    assertThat(processor.validate(signedWithForeignSettings)).containsExactly(
        "the example integration has no signature check; use a shared-secret header or HTTP Basic",
        "the example integration takes ExampleSettings");
    assertThat(processor.validate(AlertSource.of("x", "nosuchtool")))
        .containsExactly("no integration named \"nosuchtool\"; known: [example]");
    assertThat(processor.validate(AlertSource.builder("z", ExampleIntegration.NAME)
        .settings(new ExampleSettings("eu")).build())).isEmpty();
  }

  @Test
  void theBuilderRefusesToStartWithAnyProblemAndNamesTheSources() {
    List<AlertSource> sources = List.of(AlertSource.of("fine", ExampleIntegration.NAME),
        AlertSource.of("typo", "exmaple"), AlertSource.builder("foreign", ExampleIntegration.NAME)
            .settings(new Foreign()).build());

    assertThatThrownBy(() -> WebhookProcessor.builder(REGISTRY).sources(sources).build())
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "typo: no integration named \"exmaple\"; known: [example]",
            "foreign: the example integration takes ExampleSettings"));
    assertThat(WebhookProcessor.builder(REGISTRY).sources(sources.subList(0, 1)).build()).isNotNull();
  }

  @Test
  void aSourceWithAProblemIsRefusedAtItsFirstDeliveryAndNothingIsStored() {
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    WebhookProcessor withStore = WebhookProcessor.builder(REGISTRY).stateStore(store).build();
    AlertSource foreign = AlertSource.builder("foreign", ExampleIntegration.NAME).settings(new Foreign()).build();

    assertThatThrownBy(() -> withStore.process(foreign, json(BODY)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("alert source foreign: the example integration takes ExampleSettings");
    assertThat(store.read(new AlertKey("foreign", "1"))).isEmpty();
  }

  @Test
  void integrationsReadTheirOwnSettingsWithPointers() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("regoin", "eu");

    assertThatThrownBy(() -> new ExampleIntegration().readSettings(JsonObject.of(members, "/sources/2/settings")))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "unknown member at /sources/2/settings/regoin", "expected a string at /sources/2/settings/region"));
  }

  @Test
  void anIntegrationWithoutSettingsRefusesAnyMember() {
    ExampleIntegration example = new ExampleIntegration();
    Integration plain = new Integration() {
      @Override
      public String name() {
        return "plain";
      }

      @Override
      public DeliveryParser parser() {
        return example.parser();
      }

      @Override
      public StatusMappingTable defaultTable() {
        return example.defaultTable();
      }

      @Override
      public PriorityMapping priorityMapping() {
        return example.priorityMapping();
      }
    };

    assertThat(plain.readSettings(JsonObject.of(Map.of(), "/settings"))).isEmpty();
    assertThatThrownBy(() -> plain.readSettings(JsonObject.of(Map.of("apiUrl", "x"), "/settings")))
        .hasMessage("settings: unknown member at /settings/apiUrl: the plain integration takes no settings");
    assertThat(plain.validate(AlertSource.builder("p", "plain").settings(new Foreign()).build()))
        .containsExactly("the plain integration takes no settings, but the source has Foreign");
    assertThat(plain.preferredAuthentication()).isEqualTo(Authentication.Kind.SHARED_SECRET_HEADER);
  }

  @Test
  void aSharedSecretFailureSaysWhyToTheOperatorAndNothingToTheSender() {
    AlertSource source = AlertSource.builder("desk", ExampleIntegration.NAME)
        .authentication(Authentication.sharedSecretHeader("X-Secret", Secret.of("one"), Secret.of("two"))).build();

    ProcessingResult missing = processor.process(source, json(BODY));
    ProcessingResult wrong = processor.process(source, withHeader("X-Secret", "three"));

    assertThat(missing.explanation().notes()).containsExactly("authentication failed: the X-Secret header is missing");
    assertThat(wrong.explanation().notes())
        .containsExactly("authentication failed: the X-Secret header matches none of the 2 secret(s)");
    for (ProcessingResult result : List.of(missing, wrong)) {
      assertThat(result.httpStatus()).isEqualTo(401);
      assertThat(result.message()).isEqualTo("authentication failed");
      assertThat(result.responseBody()).doesNotContain("X-Secret", "three", "secret(s)");
    }
  }

  @Test
  void aBasicFailureSaysWhichPartFailedWithoutTheCredentials() {
    AlertSource source = AlertSource.builder("desk", ExampleIntegration.NAME)
        .authentication(Authentication.basic(Authentication.Credentials.of("autotask", "hunter2"))).build();

    assertThat(reason(source, json(BODY))).isEqualTo("the Authorization header is missing");
    assertThat(reason(source, withHeader("Authorization", "Bearer abc")))
        .isEqualTo("the Authorization header is not HTTP Basic with base64 credentials");
    assertThat(reason(source, withHeader("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString("autotask:hunter3".getBytes(StandardCharsets.UTF_8)))))
        .isEqualTo("the HTTP Basic user name and password match none of the 1 credential(s)");
  }

  private String reason(AlertSource source, Delivery delivery) {
    ProcessingResult result = processor.explain(source, delivery);
    assertThat(result.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
    return result.explanation().notes().get(0).substring("authentication failed: ".length());
  }

  private static Delivery withHeader(String name, String value) {
    return Delivery.of(Headers.of("Content-Type", "application/json", name, value),
        BODY.getBytes(StandardCharsets.UTF_8));
  }
}
