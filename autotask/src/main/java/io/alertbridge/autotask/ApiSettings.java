package io.alertbridge.autotask;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The REST API settings of one alert source. Equal settings share one client. {@code toString()}
 * shows addresses only, never the API user.
 */
record ApiSettings(
    Secret username,
    Secret secret,
    Secret integrationCode,
    URI apiUrl,
    Optional<URI> zoneUrl,
    Optional<URI> webUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration picklistRefresh) {

  static final String USERNAME = "username";
  static final String SECRET = "secret";
  static final String INTEGRATION_CODE = "integrationCode";
  static final String API_URL = "apiUrl";
  static final String ZONE_URL = "zoneUrl";
  static final String WEB_URL = "webUrl";
  static final String CONNECT_TIMEOUT = "connectTimeout";
  static final String REQUEST_TIMEOUT = "requestTimeout";
  static final String PICKLIST_REFRESH = "picklistRefresh";

  static final URI DEFAULT_API_URL = URI.create("https://webservices.autotask.net/");

  /**
   * @param source an alert source of the autotask integration
   * @return its settings
   * @throws AutotaskApiException ({@link AutotaskApiException.Reason#NOT_CONFIGURED}) listing every
   *     missing or invalid setting, without values
   */
  static ApiSettings of(AlertSource source) {
    List<String> problems = new ArrayList<>();
    Secret username = secret(source, USERNAME, problems);
    Secret secret = secret(source, SECRET, problems);
    Secret integrationCode = secret(source, INTEGRATION_CODE, problems);
    URI apiUrl = url(source, API_URL, problems).orElse(DEFAULT_API_URL);
    Optional<URI> zoneUrl = url(source, ZONE_URL, problems);
    Optional<URI> webUrl = url(source, WEB_URL, problems);
    Duration connect = duration(source, CONNECT_TIMEOUT, Duration.ofSeconds(5), problems);
    Duration request = duration(source, REQUEST_TIMEOUT, Duration.ofSeconds(10), problems);
    Duration refresh = duration(source, PICKLIST_REFRESH, Duration.ofHours(1), problems);
    if (!problems.isEmpty()) {
      throw new AutotaskApiException(AutotaskApiException.Reason.NOT_CONFIGURED,
          "alert source " + source.id() + " cannot call the Autotask API: " + String.join("; ", problems));
    }
    return new ApiSettings(username, secret, integrationCode, apiUrl, zoneUrl, webUrl, connect, request, refresh);
  }

  private static Secret secret(AlertSource source, String name, List<String> problems) {
    Optional<String> value = source.setting(name).filter(v -> !v.isBlank());
    if (value.isEmpty()) {
      problems.add("setting " + name + " is missing");
      return null;
    }
    return Secret.of(value.get().strip());
  }

  private static Optional<URI> url(AlertSource source, String name, List<String> problems) {
    Optional<String> value = source.setting(name).map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get().endsWith("/") ? value.get() : value.get() + '/');
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawQuery() == null
          && uri.getRawUserInfo() == null) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add("setting " + name + " must be an http(s) address without query, such as https://webservices14.autotask.net/atservicesrest/");
    return Optional.empty();
  }

  private static Duration duration(AlertSource source, String name, Duration fallback, List<String> problems) {
    Optional<String> value = source.setting(name).map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      Duration duration = Duration.parse(value.get());
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add("setting " + name + " must be a positive ISO-8601 duration such as PT10S, got \"" + value.get() + '"');
    return fallback;
  }

  @Override
  public String toString() {
    return "ApiSettings[apiUrl=" + apiUrl + ", zoneUrl=" + zoneUrl.map(URI::toString).orElse("(lookup)")
        + ", webUrl=" + webUrl.map(URI::toString).orElse("(lookup)") + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", picklistRefresh=" + picklistRefresh + "]";
  }
}
