package io.alertbridge.autotask;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.autotask.testing.FakeAutotaskApi;
import io.alertbridge.core.AlertSource;
import io.alertbridge.testkit.Fixtures;
import java.nio.charset.StandardCharsets;

/**
 * The {@link FakeAutotaskApi} with this module's test credentials and recorded answers,
 * and alert sources pointing at it. Close it after each test.
 */
final class LoopbackAutotaskApi implements AutoCloseable {
  static final String USERNAME = "alerts-api@contoso.example";
  static final String SECRET = "Zq7!secret-Hx92";
  static final String INTEGRATION_CODE = "INTCODE-5Y7K2M";
  static final String WEB_URL = "https://ww14.autotask.net/";

  private final FakeAutotaskApi fake;

  private LoopbackAutotaskApi(FakeAutotaskApi fake) {
    this.fake = fake;
  }

  /** @return a started fake on 127.0.0.1 and a free port, with the recorded picklists and no tickets */
  static LoopbackAutotaskApi start() {
    return new LoopbackAutotaskApi(FakeAutotaskApi.start().credentials(USERNAME, SECRET, INTEGRATION_CODE).webUrl(WEB_URL));
  }

  static byte[] fixture(String name) {
    return Fixtures.of(AutotaskDeliveries.class).bytes(name);
  }

  /** @return e.g. {@code http://127.0.0.1:41234/}, where the zone lookup is, as on Autotask */
  String rootUrl() {
    return fake.baseUrl();
  }

  /** @return the zone's API address the lookup answers */
  String zoneUrl() {
    return fake.zoneUrl();
  }

  /** @return an alert source with the right credentials, finding the zone by lookup */
  AlertSource source(String id) {
    return builder(id).build();
  }

  /** @return a builder for such a source, to add settings */
  SettingsMembers builder(String id) {
    return new SettingsMembers(id)
        .setting("username", USERNAME)
        .setting("secret", SECRET)
        .setting("integrationCode", INTEGRATION_CODE)
        .setting("apiUrl", rootUrl());
  }

  /** @param id a ticket id @param fixture the recorded answer to serve for it @return this fake */
  LoopbackAutotaskApi ticket(long id, String fixture) {
    return ticketJson(id, new String(fixture(fixture), StandardCharsets.UTF_8));
  }

  /** @param id a ticket id @param json the answer to serve for it @return this fake */
  LoopbackAutotaskApi ticketJson(long id, String json) {
    fake.ticket(id, json);
    return this;
  }

  /** @param json the answer to serve for the picklists @return this fake */
  LoopbackAutotaskApi picklists(String json) {
    fake.picklists(json);
    return this;
  }

  /** @param status the status every authenticated call answers from now on @return this fake */
  LoopbackAutotaskApi failWith(int status) {
    fake.failNext(status, Integer.MAX_VALUE);
    return this;
  }

  /** Ticket calls wait until the fake is closed before answering. @return this fake */
  LoopbackAutotaskApi stallTickets() {
    fake.stallTickets();
    return this;
  }

  /** @return the fake itself, for what this wrapper does not offer (writes, failures, its clock) */
  FakeAutotaskApi fake() {
    return fake;
  }

  /** @param pathPart a part of a path, e.g. {@code entityInformation/fields} @return calls to such paths */
  int requests(String pathPart) {
    return fake.requestCount(pathPart);
  }

  @Override
  public void close() {
    fake.close();
  }
}
