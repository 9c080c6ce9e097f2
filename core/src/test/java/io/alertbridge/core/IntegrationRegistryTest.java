package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationRegistryTest {

  /** A second provider that claims the example integration's name. */
  public static final class Impostor extends ExampleIntegration {}

  @TempDir
  Path services;

  private ClassLoader loaderProviding(String... providers) throws IOException {
    Path file = services.resolve("META-INF/services/" + Integration.class.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", providers) + "\n", StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void findsProvidersThroughTheGivenClassLoader() throws IOException {
    IntegrationRegistry registry = IntegrationRegistry.load(loaderProviding(ExampleIntegration.class.getName()));

    assertThat(registry.names()).containsExactly("example");
    assertThat(registry.find("example")).get().isInstanceOf(ExampleIntegration.class);
    assertThat(registry.find("zendesk")).isEmpty();
  }

  @Test
  void failsFastWhenTwoProvidersShareAName() throws IOException {
    ClassLoader loader = loaderProviding(ExampleIntegration.class.getName(), Impostor.class.getName());

    assertThatThrownBy(() -> IntegrationRegistry.load(loader))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("\"example\" is provided by both " + ExampleIntegration.class.getName() + " and "
            + Impostor.class.getName());
  }

  @Test
  void reportsAProviderThatCannotBeLoaded() throws IOException {
    ClassLoader loader = loaderProviding("io.alertbridge.NoSuchIntegration");

    assertThatThrownBy(() -> IntegrationRegistry.load(loader))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("a provider could not be loaded");
  }

  @Test
  void integrationsBuiltByHandAreCheckedTheSameWay() {
    assertThatThrownBy(() -> IntegrationRegistry.of(new ExampleIntegration(), new Impostor()))
        .isInstanceOf(ConfigurationException.class);
    assertThat(IntegrationRegistry.of(new ExampleIntegration()).require("example")).isNotNull();
  }
}
