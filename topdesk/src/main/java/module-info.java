/** The TOPdesk integration: alert lifecycle events from TOPdesk action sequences, and the way back. */
module io.alertbridge.topdesk {
  requires transitive io.alertbridge.core;
  requires java.net.http;
  requires jdk.httpserver;
  requires org.slf4j;

  exports io.alertbridge.topdesk;
  exports io.alertbridge.topdesk.testing;
  opens io.alertbridge.topdesk.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.topdesk.TopdeskIntegration;
}
