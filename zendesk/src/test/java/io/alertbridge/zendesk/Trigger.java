package io.alertbridge.zendesk;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Secret;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.time.Instant;

/** {@link ZendeskDeliveries}, in this module's test vocabulary. */
final class Trigger {
  /** The secret the recorded fixtures are signed with; its UTF-8 bytes are the key. */
  static final Secret FIXTURE_SECRET = Secret.of(ZendeskDeliveries.FIXTURE_SECRET);

  private final ZendeskDeliveries.Builder delivery;

  private Trigger(String id, String status) {
    delivery = ZendeskDeliveries.ticket(id, status);
  }

  static Trigger ticket(String id, String status) {
    return new Trigger(id, status);
  }

  Trigger with(String name, Object value) {
    delivery.field(name, value);
    return this;
  }

  Trigger without(String name) {
    delivery.without(name);
    return this;
  }

  Trigger invocation(String id) {
    delivery.invocationId(id);
    return this;
  }

  byte[] body() {
    return delivery.body();
  }

  Delivery unsigned() {
    return delivery.build();
  }

  Delivery signed(Secret secret, Instant at) {
    return delivery.signedWith(secret, at).build();
  }
}
