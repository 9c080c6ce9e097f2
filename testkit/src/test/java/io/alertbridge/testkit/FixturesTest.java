package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.Delivery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reads the fixtures in {@code fixtures/} next to this class, as it reads any integration's. */
class FixturesTest {
  private static final Fixtures FIXTURES = Fixtures.of(FixturesTest.class);

  @Test
  void listsTheIndexedDeliveriesInScenarioOrder() {
    assertThat(FIXTURES.names()).containsExactly("01-recorded", "02-bare");
    assertThat(FIXTURES.deliveries()).containsOnlyKeys("01-recorded", "02-bare");
  }

  @Test
  void recordedRequestsKeepHeadersAndExactBodyBytes() {
    Delivery delivery = FIXTURES.delivery("01-recorded");

    assertThat(delivery.headers().first("x-delivery-id")).contains("d-1");
    assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"1\", \"status\": \"New\"}");
  }

  @Test
  void bareBodiesAreSentAsJson() {
    Delivery delivery = FIXTURES.delivery("02-bare");

    assertThat(delivery.mediaType()).contains("application/json");
    assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"1\", \"status\": \"Closed\"}\n");
  }

  @Test
  void otherFilesAreReadByTheirFullName() {
    assertThat(FIXTURES.text("api-answer.json")).isEqualTo("{\"answer\": 42}\n");
    assertThat(FIXTURES.bytes("api-answer.json")).hasSize(15);
  }

  @Test
  void unknownFixturesSayWhereTheyWereLookedForAndWhatIsKnown() {
    assertThatThrownBy(() -> FIXTURES.delivery("99-nothing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no fixture named 99-nothing in fixtures/ next to io.alertbridge.testkit.FixturesTest;"
            + " known: [01-recorded, 02-bare]");
    assertThatThrownBy(() -> FIXTURES.bytes("nothing.json"))
        .hasMessage("no fixture file nothing.json in fixtures/ next to io.alertbridge.testkit.FixturesTest");
  }
}
