package io.alertbridge.autotask;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** An Autotask alert source built from settings members, as a configuration file gives them. */
final class SettingsMembers {
  private final String id;
  private final Map<String, Object> members = new LinkedHashMap<>();

  SettingsMembers(String id) {
    this.id = id;
  }

  /** @param name a settings member @param value its value @return this */
  SettingsMembers setting(String name, Object value) {
    members.put(name, value);
    return this;
  }

  /** @return the source, its settings read by {@link AutotaskSettings#fromJson} */
  AlertSource build() {
    return AlertSource.builder(id, AutotaskIntegration.NAME)
        .settings(AutotaskSettings.fromJson(JsonObject.of(members, "/settings"))).build();
  }
}
