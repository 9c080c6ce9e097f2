package io.alertbridge.zendesk;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Secret;
import io.alertbridge.core.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds deliveries as a Zendesk trigger sends them, in the documented body template. */
final class Trigger {
  /** The secret the recorded fixtures are signed with; its UTF-8 bytes are the key. */
  static final Secret FIXTURE_SECRET = Secret.of("dGhpc2lzYXRlc3RzZWNyZXQ=");

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private String invocationId;

  private Trigger(String id, String status) {
    fields.put("id", id);
    fields.put("title", "Checkout API returns 502 for EU customers");
    fields.put("description", "Every checkout in the EU shop fails with HTTP 502.");
    fields.put("via", "Web form");
    fields.put("status", status);
    fields.put("priority", "Urgent");
    fields.put("requester_name", "Dana Whitfield");
    fields.put("group_name", "");
    fields.put("assignee_name", "");
    fields.put("account", "Acme Retail");
    fields.put("link", "https://acmeretail.zendesk.com/agent/tickets/" + id);
    fields.put("latest_comment", "");
  }

  static Trigger ticket(String id, String status) {
    return new Trigger(id, status);
  }

  Trigger with(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  Trigger without(String name) {
    fields.remove(name);
    return this;
  }

  Trigger invocation(String id) {
    this.invocationId = id;
    return this;
  }

  byte[] body() {
    return Json.write(fields).getBytes(StandardCharsets.UTF_8);
  }

  Delivery unsigned() {
    return Delivery.of(headers(Map.of()), body());
  }

  Delivery signed(Secret secret, Instant at) {
    byte[] body = body();
    return Delivery.of(headers(ZendeskSigner.headers(secret, at, body)), body);
  }

  private Headers headers(Map<String, String> extra) {
    List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json",
        "X-Zendesk-Webhook-Id", "01J9ZK3Q7W5X2A8B4C6D0E1F2G", "X-Zendesk-Account-Id", "24681357"));
    if (invocationId != null) {
      headers.addAll(List.of(ZendeskIntegration.INVOCATION_ID_HEADER, invocationId));
    }
    extra.forEach((name, value) -> headers.addAll(List.of(name, value)));
    return Headers.of(headers.toArray(String[]::new));
  }
}
