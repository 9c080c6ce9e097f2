/** AlertBridge's Micrometer binding: every processed delivery recorded in a meter registry. */
module io.alertbridge.micrometer {
  requires transitive io.alertbridge.core;
  requires transitive micrometer.core;

  exports io.alertbridge.micrometer;
}
