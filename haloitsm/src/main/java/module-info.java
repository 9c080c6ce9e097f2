/** The HaloITSM (and HaloPSA) integration: alert lifecycle events from Halo runbooks and webhooks. */
module io.alertbridge.haloitsm {
  requires transitive io.alertbridge.core;
  requires java.net.http;
  requires jdk.httpserver;

  exports io.alertbridge.haloitsm;
  exports io.alertbridge.haloitsm.testing;
  opens io.alertbridge.haloitsm.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.haloitsm.HaloItsmIntegration;
}
