/** The Autotask integration: alert lifecycle events from Autotask extension callouts. */
module io.alertbridge.autotask {
  requires transitive io.alertbridge.core;
  requires java.net.http;
  requires jdk.httpserver;
  requires org.slf4j;

  exports io.alertbridge.autotask;
  exports io.alertbridge.autotask.testing;
  opens io.alertbridge.autotask.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.autotask.AutotaskIntegration;
}
