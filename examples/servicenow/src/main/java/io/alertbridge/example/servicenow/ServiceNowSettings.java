package io.alertbridge.example.servicenow;

import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ServiceNow integration's settings for one alert source: the instance's address, from which each
 * alert links to its incident ({@code <instanceUrl>/nav_to.do?uri=incident.do?sys_id=<sys_id>}). In
 * JSON: {@code {"instanceUrl": "https://example.service-now.com"}}. Immutable; holds no secret.
 */
public final class ServiceNowSettings implements IntegrationSettings {
  private static final Set<String> MEMBERS = Set.of("instanceUrl");
  private static final int MAX_URL_CHARS = 2048;

  private final URI instanceUrl;

  private ServiceNowSettings(URI instanceUrl) {
    this.instanceUrl = instanceUrl;
  }

  /**
   * @param instanceUrl the instance's address: {@code https} (or {@code http}) with a host, and no
   *     path beyond {@code /}, query or fragment
   * @return the settings
   * @throws ConfigurationException when the address is not such a URL
   */
  public static ServiceNowSettings of(URI instanceUrl) {
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    List<String> problems = new ArrayList<>();
    URI checked = check(instanceUrl, "instanceUrl", problems);
    if (!problems.isEmpty()) {
      throw new ConfigurationException("servicenow settings", problems);
    }
    return new ServiceNowSettings(checked);
  }

  /**
   * Reads the settings from JSON, reporting every problem at once.
   *
   * @param json the settings object; {@link JsonObject#pointer()} is where it is in its document
   * @return the settings
   * @throws ConfigurationException listing every problem (unknown members, wrong types, a bad
   *     address, a missing {@code instanceUrl}), each with its JSON pointer
   */
  public static ServiceNowSettings fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    List<String> problems = new ArrayList<>();
    for (String member : json.values().keySet()) {
      if (!MEMBERS.contains(member)) {
        problems.add("unknown member at " + json.pointerOf(member) + "; the servicenow settings are " + MEMBERS);
      }
    }
    URI instanceUrl = null;
    String at = json.pointerOf("instanceUrl");
    Object value = json.get("instanceUrl");
    if (value instanceof String text) {
      instanceUrl = parse(text, at, problems);
    } else {
      problems.add("expected a URL (string) at " + at + ", got " + json.seen("instanceUrl"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("servicenow settings", problems);
    }
    return new ServiceNowSettings(instanceUrl);
  }

  private static URI parse(String text, String at, List<String> problems) {
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_URL_CHARS) {
      problems.add("expected a URL of 1 to " + MAX_URL_CHARS + " characters at " + at + ", got "
          + (stripped.isEmpty() ? "an empty string" : stripped.length() + " characters"));
      return null;
    }
    try {
      return check(new URI(stripped), at, problems);
    } catch (URISyntaxException e) {
      problems.add("expected a URL at " + at + ", got " + JsonObject.quote(stripped) + " (" + e.getReason() + ")");
      return null;
    }
  }

  private static URI check(URI url, String at, List<String> problems) {
    String scheme = url.getScheme();
    String path = url.getRawPath();
    if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      problems.add("expected an https URL at " + at + ", such as https://example.service-now.com");
      return null;
    }
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      problems.add("expected a URL with a host and no user at " + at + ", such as https://example.service-now.com");
      return null;
    }
    if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      problems.add("expected the instance's address without a path, query or fragment at " + at);
      return null;
    }
    String text = url.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  /** @return the instance's address, without a trailing slash */
  public URI instanceUrl() {
    return instanceUrl;
  }

  /**
   * @param sysId an incident's {@code sys_id}
   * @return the link to the incident in the instance's UI
   */
  String incidentLink(String sysId) {
    return instanceUrl + "/nav_to.do?uri=incident.do?sys_id="
        + java.net.URLEncoder.encode(sysId, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** @return the settings of a source, if it has ServiceNow settings */
  static Optional<ServiceNowSettings> of(io.alertbridge.core.AlertSource source) {
    return source.settings(ServiceNowSettings.class);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceNowSettings other && instanceUrl.equals(other.instanceUrl);
  }

  @Override
  public int hashCode() {
    return instanceUrl.hashCode();
  }

  @Override
  public String toString() {
    return "ServiceNowSettings[instanceUrl=" + instanceUrl + "]";
  }
}
