package com.example.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every JUnit artifact on the test path is of the version the build imports with the JUnit BOM: the
 * test kit brings no JUnit of its own.
 */
class OneJUnitVersionTest {

  private static String versionOf(String className) throws ClassNotFoundException {
    Class<?> type = Class.forName(className);
    if (type.getModule().isNamed()) {
      return type.getModule().getDescriptor().rawVersion().orElse("unknown");
    }
    return type.getPackage().getImplementationVersion();
  }

  @Test
  void jupiterAndThePlatformAreEachOfOneVersion() throws Exception {
    String jupiter = System.getProperty("expected.jupiter.version");
    String platform = System.getProperty("expected.platform.version");

    assertThat(versionOf("org.junit.jupiter.api.Test")).isEqualTo(jupiter);
    assertThat(versionOf("org.junit.jupiter.params.ParameterizedTest")).isEqualTo(jupiter);
    assertThat(versionOf("org.junit.jupiter.engine.JupiterTestEngine")).isEqualTo(jupiter);
    assertThat(versionOf("org.junit.platform.commons.util.ReflectionUtils")).isEqualTo(platform);
    assertThat(versionOf("org.junit.platform.engine.TestEngine")).isEqualTo(platform);
    assertThat(versionOf("org.junit.platform.launcher.Launcher")).isEqualTo(platform);
  }
}
