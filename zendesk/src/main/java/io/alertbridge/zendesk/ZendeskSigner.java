package io.alertbridge.zendesk;

import io.alertbridge.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a body as Zendesk signs its webhook requests, so that tests can build deliveries the
 * signature check accepts: {@value #SIGNATURE_HEADER} is the base64 of HMAC-SHA256, keyed with the
 * signing secret's UTF-8 bytes, over the {@value #TIMESTAMP_HEADER} value followed directly by the
 * raw body.
 */
public final class ZendeskSigner {
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";

  /** The header carrying the signed timestamp, ISO-8601 UTC such as {@code 2025-03-04T09:15:02Z}. */
  public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

  private ZendeskSigner() {}

  /**
   * @param secret the webhook's signing secret (its UTF-8 bytes are the key, as Zendesk uses it)
   * @param timestamp the {@value #TIMESTAMP_HEADER} value, exactly as it will be sent
   * @param body the raw body bytes
   * @return the {@value #SIGNATURE_HEADER} value
   */
  public static String sign(Secret secret, String timestamp, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(body, "body");
    return Base64.getEncoder().encodeToString(
        Hmac.sha256(secret.utf8Bytes(), timestamp.getBytes(StandardCharsets.UTF_8), body));
  }

  /**
   * @param secret the webhook's signing secret
   * @param at when the request is signed; sent to the second, as Zendesk does
   * @param body the raw body bytes
   * @return the two headers to send with the body: {@value #SIGNATURE_HEADER}, then
   *     {@value #TIMESTAMP_HEADER}
   */
  public static Map<String, String> headers(Secret secret, Instant at, byte[] body) {
    String timestamp = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SIGNATURE_HEADER, sign(secret, timestamp, body));
    headers.put(TIMESTAMP_HEADER, timestamp);
    return Collections.unmodifiableMap(headers);
  }
}
