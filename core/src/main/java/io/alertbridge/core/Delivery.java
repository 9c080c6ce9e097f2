package io.alertbridge.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One inbound webhook request: headers, raw body bytes, and for tools that can send by GET, the
 * query string. The body array is not copied (bodies can be large): hand it over and do not modify it.
 */
public final class Delivery {
  private final Headers headers;
  private final byte[] body;
  private final String query;
  private final Instant receivedAt;

  private Delivery(Headers headers, byte[] body, String query, Instant receivedAt) {
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
    this.query = Objects.requireNonNull(query, "query");
    this.receivedAt = receivedAt;
  }

  /**
   * @param headers the request headers
   * @param body the raw body bytes, not copied
   * @return a delivery
   */
  public static Delivery of(Headers headers, byte[] body) {
    return new Delivery(headers, body, "", null);
  }

  /**
   * @param body the raw body bytes, not copied
   * @return a builder
   */
  public static Builder builder(byte[] body) {
    return new Builder(body);
  }

  /** @return the headers */
  public Headers headers() {
    return headers;
  }

  /** @return the raw body bytes; the array itself, which must not be modified */
  public byte[] body() {
    return body;
  }

  /** @return the raw query string, without {@code ?}; empty when there is none */
  public String query() {
    return query;
  }

  /** @return when the host received the request, if it said; otherwise the processor's clock is used */
  public Optional<Instant> receivedAt() {
    return Optional.ofNullable(receivedAt);
  }

  /** @return the Content-Type header's media type, lower case and without parameters */
  public Optional<String> mediaType() {
    return headers.first("Content-Type").map(value -> {
      int semicolon = value.indexOf(';');
      return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }).filter(type -> !type.isEmpty());
  }

  @Override
  public String toString() {
    return "Delivery[" + body.length + " bytes, " + headers + "]";
  }

  /** Builds a {@link Delivery}. */
  public static final class Builder {
    private final byte[] body;
    private Headers headers = Headers.empty();
    private String query = "";
    private Instant receivedAt;

    private Builder(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * @param headers the request headers
     * @return this builder
     */
    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /**
     * @param query the raw query string, without {@code ?}
     * @return this builder
     */
    public Builder query(String query) {
      this.query = Objects.requireNonNull(query, "query");
      return this;
    }

    /**
     * @param receivedAt when the host received the request
     * @return this builder
     */
    public Builder receivedAt(Instant receivedAt) {
      this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
      return this;
    }

    /** @return the delivery */
    public Delivery build() {
      return new Delivery(headers, body, query, receivedAt);
    }
  }
}
