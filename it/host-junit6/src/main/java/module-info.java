/** A modular host: its webhook endpoint, with AlertBridge's modules as named modules. */
module com.example.host {
  requires io.alertbridge.core;
  requires io.alertbridge.zendesk;
  requires io.alertbridge.topdesk;
  requires io.alertbridge.servlet;
  requires io.alertbridge.micrometer;

  exports com.example.host;
}
