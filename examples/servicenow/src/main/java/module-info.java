/** An example integration: ServiceNow incidents posted by a Business Rule or Flow REST message. */
module io.alertbridge.example.servicenow {
  requires transitive io.alertbridge.core;

  exports io.alertbridge.example.servicenow;
  exports io.alertbridge.example.servicenow.testing;
  opens io.alertbridge.example.servicenow.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.example.servicenow.ServiceNowIntegration;
}
