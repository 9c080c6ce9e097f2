/** The TOPdesk integration: alert lifecycle events from TOPdesk action sequences. */
module io.alertbridge.topdesk {
  requires transitive io.alertbridge.core;

  exports io.alertbridge.topdesk;
  exports io.alertbridge.topdesk.testing;
  opens io.alertbridge.topdesk.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.topdesk.TopdeskIntegration;
}
