/** The Zendesk integration: alert lifecycle events from Zendesk trigger webhooks, and changes written back. */
module io.alertbridge.zendesk {
  requires transitive io.alertbridge.core;
  requires jdk.httpserver;

  exports io.alertbridge.zendesk;
  exports io.alertbridge.zendesk.testing;
  opens io.alertbridge.zendesk.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.zendesk.ZendeskIntegration;
}
