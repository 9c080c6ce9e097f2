package io.alertbridge.cli;

import io.alertbridge.core.Authentication;
import io.alertbridge.core.Integration;
import io.alertbridge.core.Secret;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a secret means for each integration: Zendesk (and any integration that signs) checks the
 * signature; Autotask can only send HTTP Basic, so its secret is {@code user:password}; every other
 * integration takes the secret in the {@value #SECRET_HEADER} header.
 */
final class AlertSources {
  /** The header that carries a shared secret unless a configuration names another. */
  static final String SECRET_HEADER = "X-AlertBridge-Secret";

  private AlertSources() {}

  /**
   * @param integration the alert source's integration
   * @param secrets the accepted secrets; none means no authentication
   * @param header the shared-secret header to use instead of the integration's own check, if any
   * @param clock the clock signature checks run against
   * @return the authentication
   * @throws IllegalArgumentException when a secret does not fit the integration (said without the secret)
   */
  static Authentication authentication(Integration integration, List<String> secrets, Optional<String> header,
      Clock clock) {
    for (String secret : secrets) {
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("a secret must not be empty");
      }
    }
    if (secrets.isEmpty()) {
      return Authentication.none();
    }
    Secret[] values = secrets.stream().map(Secret::of).toArray(Secret[]::new);
    if (header.isPresent()) {
      return Authentication.sharedSecretHeader(header.get(), values);
    }
    if (integration.name().equals("autotask")) {
      List<Authentication.Credentials> credentials = new ArrayList<>();
      for (String secret : secrets) {
        int colon = secret.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("the autotask secret is HTTP Basic: expected user:password");
        }
        credentials.add(Authentication.Credentials.of(secret.substring(0, colon), secret.substring(colon + 1)));
      }
      return Authentication.basic(credentials.toArray(Authentication.Credentials[]::new));
    }
    Authentication.Signature signature = (Authentication.Signature) Authentication.signature(values);
    if (integration.signatureVerifier(signature, clock).isPresent()) {
      return signature;
    }
    return Authentication.sharedSecretHeader(SECRET_HEADER, values);
  }

  /** @param authentication an authentication @return how it is described to users, without secrets */
  static String describe(Authentication authentication) {
    if (authentication instanceof Authentication.SharedSecretHeader header) {
      return "shared secret in " + header.headerName();
    }
    if (authentication instanceof Authentication.Basic) {
      return "HTTP Basic";
    }
    if (authentication instanceof Authentication.Signature) {
      return "signature";
    }
    return "none";
  }
}
