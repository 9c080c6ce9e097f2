package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InvalidDeliveryException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The callout reader on untrusted input. */
class CalloutReaderProperties {

  @Property
  void anyBytesGiveACalloutOrADocumentedRefusal(@ForAll byte[] body, @ForAll String query) {
    Delivery delivery = Delivery.builder(body).query(query).build();
    try {
      assertThat(CalloutReader.read(delivery).id()).isPositive();
    } catch (InvalidDeliveryException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void everyPositiveIdIsReadBack(@ForAll @LongRange(min = 1) long id, @ForAll String number) {
    String body = "id=" + id + "&number=" + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8);
    Delivery delivery = Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"),
        body.getBytes(StandardCharsets.UTF_8));

    assertThat(CalloutReader.read(delivery)).isEqualTo(new CalloutReader.Callout(id,
        Optional.of(number.strip()).filter(n -> !n.isEmpty())));
  }
}
