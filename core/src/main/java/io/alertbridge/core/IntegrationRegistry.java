package io.alertbridge.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The integrations a processor knows, by name. Immutable. */
public final class IntegrationRegistry {
  private final Map<String, Integration> byName;

  private IntegrationRegistry(Map<String, Integration> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * Finds every {@link Integration} provider visible to a class loader.
   *
   * @param classLoader where to look, e.g. the host's application class loader
   * @return the registry
   * @throws ConfigurationException when two providers share a name, or a provider cannot be loaded
   */
  public static IntegrationRegistry load(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    List<Integration> found = new ArrayList<>();
    try {
      ServiceLoader.load(Integration.class, classLoader).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new ConfigurationException("integrations", List.of("a provider could not be loaded: " + e.getMessage()));
    }
    return of(found);
  }

  /**
   * @param integrations integrations built by hand
   * @return the registry
   * @throws ConfigurationException when two share a name
   */
  public static IntegrationRegistry of(Integration... integrations) {
    return of(List.of(integrations));
  }

  /**
   * @param integrations integrations built by hand
   * @return the registry
   * @throws ConfigurationException when two share a name
   */
  public static IntegrationRegistry of(List<? extends Integration> integrations) {
    Map<String, Integration> byName = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Integration integration : integrations) {
      String name = Objects.requireNonNull(integration.name(), "name");
      Integration earlier = byName.putIfAbsent(name, integration);
      if (earlier != null) {
        problems.add("\"" + name + "\" is provided by both " + earlier.getClass().getName() + " and "
            + integration.getClass().getName());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("integrations", problems);
    }
    return new IntegrationRegistry(byName);
  }

  /**
   * @param name an integration name
   * @return that integration
   */
  public Optional<Integration> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * @param name an integration name
   * @return that integration
   * @throws ConfigurationException when there is none by that name
   */
  public Integration require(String name) {
    Integration integration = byName.get(name);
    if (integration == null) {
      throw new ConfigurationException("integrations",
          List.of("no integration named \"" + name + "\"; known: " + byName.keySet()));
    }
    return integration;
  }

  /** @return the names, sorted */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
