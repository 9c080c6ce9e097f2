package io.alertbridge.cli;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.autotask.testing.FakeAutotaskApi;
import io.alertbridge.testkit.Fixtures;
import java.util.Arrays;

/**
 * The Autotask module's {@link FakeAutotaskApi} with these tests' API user, answering each ticket's
 * requests in turn from recorded answers, so that one replay can walk a ticket through its statuses.
 */
final class AutotaskApiStub implements AutoCloseable {
  static final String USERNAME = "api-user@example.com";
  static final String SECRET = "api-secret";
  static final String INTEGRATION_CODE = "CODE123";

  private static final Fixtures FIXTURES = Fixtures.of(AutotaskDeliveries.class);

  private final FakeAutotaskApi fake = FakeAutotaskApi.start().credentials(USERNAME, SECRET, INTEGRATION_CODE);

  private AutotaskApiStub() {}

  static AutotaskApiStub start() {
    return new AutotaskApiStub();
  }

  /** @return the address to give as {@code --autotask-api} */
  String url() {
    return fake.baseUrl();
  }

  /** @param id a ticket id @param fixtures the {@code api-*.json} answers, in order @return this stub */
  AutotaskApiStub ticket(long id, String... fixtures) {
    fake.ticketInTurn(id, Arrays.stream(fixtures).map(f -> FIXTURES.text(f)).toArray(String[]::new));
    return this;
  }

  @Override
  public void close() {
    fake.close();
  }
}
