package io.alertbridge.zendesk;

import io.alertbridge.core.Authenticator;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Hmac;
import io.alertbridge.core.Secret;
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
 * configured secrets. Every secret is compared, in constant time; a missing or unreadable header is
 * simply not authentic, and nothing says which part failed.
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
    Optional<String> timestamp = delivery.headers().first(ZendeskSigner.TIMESTAMP_HEADER).map(String::strip);
    Optional<byte[]> presented = delivery.headers().first(ZendeskSigner.SIGNATURE_HEADER)
        .flatMap(SignatureVerifier::decode);
    if (timestamp.isEmpty() || presented.isEmpty()) {
      return false;
    }
    Optional<Instant> signedAt = IsoInstants.parse(timestamp.get());
    if (signedAt.isEmpty() || Duration.between(signedAt.get(), clock.instant()).abs().compareTo(tolerance) > 0) {
      return false;
    }
    byte[] signedTimestamp = timestamp.get().getBytes(StandardCharsets.UTF_8);
    boolean any = false;
    for (Hmac.Key key : keys) {
      any |= Hmac.constantTimeEquals(key.sign(signedTimestamp, delivery.body()), presented.get());
    }
    return any;
  }

  private static Optional<byte[]> decode(String signature) {
    try {
      return Optional.of(Base64.getDecoder().decode(signature.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
