/** The Zendesk integration: alert lifecycle events from Zendesk trigger webhooks. */
module io.alertbridge.zendesk {
  requires transitive io.alertbridge.core;

  exports io.alertbridge.zendesk;

  provides io.alertbridge.core.Integration with io.alertbridge.zendesk.ZendeskIntegration;
}
