package io.alertbridge.zendesk.testing;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Secret;
import io.alertbridge.core.json.Json;
import io.alertbridge.zendesk.ZendeskSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Zendesk trigger deliveries in the documented body template, optionally signed:
 * {@code ZendeskDeliveries.ticket("4711", "Solved").signedWith(secret, now).build()}. The recorded
 * deliveries in {@code fixtures/} next to this class are signed with {@link #FIXTURE_SECRET}.
 */
public final class ZendeskDeliveries {
  /** The secret the recorded Zendesk deliveries are signed with (its UTF-8 bytes are the key). */
  public static final String FIXTURE_SECRET = "dGhpc2lzYXRlc3RzZWNyZXQ=";

  private ZendeskDeliveries() {}

  /**
   * @param id the ticket id
   * @param status the status label, e.g. {@code Pending}
   * @return a builder with the template's other fields filled realistically
   */
  public static Builder ticket(String id, String status) {
    return new Builder(id, status);
  }

  /**
   * Signs as Zendesk does, with {@link ZendeskSigner}: base64 of HMAC-SHA256 over the timestamp
   * followed by the body.
   *
   * @param secret the signing secret (its UTF-8 bytes are the key)
   * @param timestamp the {@code X-Zendesk-Webhook-Signature-Timestamp} value
   * @param body the raw body
   * @return the {@code X-Zendesk-Webhook-Signature} value
   */
  public static String signature(Secret secret, String timestamp, byte[] body) {
    return ZendeskSigner.sign(secret, timestamp, body);
  }

  /** Builds one Zendesk delivery. */
  public static final class Builder {
    private final Map<String, Object> body = new LinkedHashMap<>();
    private String invocationId;
    private Secret secret;
    private Instant signedAt;

    private Builder(String id, String status) {
      body.put("id", Objects.requireNonNull(id, "id"));
      body.put("title", "Checkout API returns 502 for EU customers");
      body.put("description", "Every checkout in the EU shop fails with HTTP 502.");
      body.put("via", "Web form");
      body.put("status", Objects.requireNonNull(status, "status"));
      body.put("priority", "Urgent");
      body.put("requester_name", "Dana Whitfield");
      body.put("group_name", "");
      body.put("assignee_name", "");
      body.put("account", "Acme Retail");
      body.put("link", "https://acmeretail.zendesk.com/agent/tickets/" + id);
      body.put("latest_comment", "");
    }

    /**
     * @param title the ticket title
     * @return this builder
     */
    public Builder title(String title) {
      return field("title", title);
    }

    /**
     * @param description the ticket description
     * @return this builder
     */
    public Builder description(String description) {
      return field("description", description);
    }

    /**
     * @param priority Urgent, High, Normal, Low or empty
     * @return this builder
     */
    public Builder priority(String priority) {
      return field("priority", priority);
    }

    /**
     * @param updatedAt the {@code updated_at} value, ISO-8601
     * @return this builder
     */
    public Builder updatedAt(String updatedAt) {
      return field("updated_at", updatedAt);
    }

    /**
     * @param name a body field, replacing the template's or adding one
     * @param value a plain Java value
     * @return this builder
     */
    public Builder field(String name, Object value) {
      body.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * @param name a body field to leave out, e.g. to send a delivery without a status
     * @return this builder
     */
    public Builder without(String name) {
      body.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * @param invocationId the {@code X-Zendesk-Webhook-Invocation-Id}
     * @return this builder
     */
    public Builder invocationId(String invocationId) {
      this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
      return this;
    }

    /**
     * @param secret the signing secret
     * @param at the signature timestamp
     * @return this builder
     */
    public Builder signedWith(Secret secret, Instant at) {
      this.secret = Objects.requireNonNull(secret, "secret");
      this.signedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** @return the body bytes as they will be sent */
    public byte[] body() {
      return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the delivery */
    public Delivery build() {
      byte[] bytes = body();
      List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json",
          "X-Zendesk-Webhook-Id", "01J9ZK3Q7W5X2A8B4C6D0E1F2G", "X-Zendesk-Account-Id", "24681357"));
      if (invocationId != null) {
        headers.addAll(List.of("X-Zendesk-Webhook-Invocation-Id", invocationId));
      }
      if (secret != null) {
        String timestamp = signedAt.toString();
        headers.addAll(List.of(ZendeskSigner.SIGNATURE_HEADER, signature(secret, timestamp, bytes),
            ZendeskSigner.TIMESTAMP_HEADER, timestamp));
      }
      return Delivery.of(Headers.of(headers.toArray(String[]::new)), bytes);
    }
  }
}
