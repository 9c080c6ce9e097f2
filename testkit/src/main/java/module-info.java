/** AlertBridge's test kit: assertions, a test clock and the integration and store compatibility kits. */
module io.alertbridge.testkit {
  requires transitive io.alertbridge.core;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires java.management;
  requires jdk.management;

  exports io.alertbridge.testkit;
}
