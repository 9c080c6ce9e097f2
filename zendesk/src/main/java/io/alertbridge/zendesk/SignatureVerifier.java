package io.alertbridge.zendesk;

import io.alertbridge.core.Authenticator;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Secret;
import io.alertbridge.core.json.IsoTimes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks Zendesk's webhook signature on the raw delivery, before parsing: the signed timestamp must
 * be within the tolerance of the clock (either direction), and the signature must match one of the
 * configured secrets. Every secret is compared, in constant time. The reason a check fails (a header
 * missing, the timestamp outside the tolerance, no secret matching) is for the operator only.
 */
final class SignatureVerifier implements Authenticator {
  private final List<Hmac.Key> keys;
  private final Duration tolerance;
  private final Clock clock;

  SignatureVerifier(List<Secret> secrets, Duration tolerance, Clock clock) {
    this.keys = secrets.stream().map(secret -> Hmac.sha256Key(secret.utf8Bytes())).toList();
    this.tolerance = tolerance;
    this.clock = clock;
  }

  @Override
  public boolean authenticate(Delivery delivery) {
    return check(delivery).isEmpty();
  }

  @Override
  public Optional<String> check(Delivery delivery) {
    Optional<String> timestamp = delivery.headers().first(ZendeskSigner.TIMESTAMP_HEADER).map(String::strip);
    Optional<String> signature = delivery.headers().first(ZendeskSigner.SIGNATURE_HEADER);
    if (signature.isEmpty()) {
      return Authenticator.failed("the " + ZendeskSigner.SIGNATURE_HEADER + " header is missing");
    }
    if (timestamp.isEmpty()) {
      return Authenticator.failed("the " + ZendeskSigner.TIMESTAMP_HEADER + " header is missing");
    }
    Optional<byte[]> presented = decode(signature.get());
    if (presented.isEmpty()) {
      return Authenticator.failed("the " + ZendeskSigner.SIGNATURE_HEADER + " header is not base64");
    }
    Optional<Instant> signedAt = IsoTimes.parse(timestamp.get());
    if (signedAt.isEmpty()) {
      return Authenticator.failed("the " + ZendeskSigner.TIMESTAMP_HEADER
          + " header is not an ISO-8601 time such as 2025-06-12T09:30:00Z");
    }
    Duration off = Duration.between(signedAt.get(), clock.instant());
    if (off.abs().compareTo(tolerance) > 0) {
      return Authenticator.failed("the signed timestamp is " + off.abs().toSeconds() + " s "
          + (off.isNegative() ? "ahead of" : "behind") + " this server's clock; the tolerance is "
          + tolerance.toSeconds() + " s (check the clock, or a replayed delivery)");
    }
    byte[] signedTimestamp = timestamp.get().getBytes(StandardCharsets.UTF_8);
    boolean any = false;
    for (Hmac.Key key : keys) {
      any |= Hmac.constantTimeEquals(key.sign(signedTimestamp, delivery.body()), presented.get());
    }
    return any ? Optional.empty() : Authenticator.failed("the signature matches none of the " + keys.size()
        + " signing secret(s); check the webhook's signing secret, and that nothing changed the body on the way");
  }

  private static Optional<byte[]> decode(String signature) {
    try {
      return Optional.of(Base64.getDecoder().decode(signature.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
