/** The Autotask integration: alert lifecycle events from Autotask extension callouts. */
module io.alertbridge.autotask {
  requires transitive io.alertbridge.core;
  requires java.net.http;
  requires org.slf4j;

  exports io.alertbridge.autotask;

  provides io.alertbridge.core.Integration with io.alertbridge.autotask.AutotaskIntegration;
}
