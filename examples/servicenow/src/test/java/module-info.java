/**
 * The example's module as its tests see it: the main module's descriptor, plus the test kit (a named
 * module here), JUnit and AssertJ, and the test packages opened to JUnit. Keep the first part in
 * step with src/main/java/module-info.java.
 */
module io.alertbridge.example.servicenow {
  requires transitive io.alertbridge.core;

  exports io.alertbridge.example.servicenow;
  exports io.alertbridge.example.servicenow.testing;
  opens io.alertbridge.example.servicenow.testing.fixtures;

  provides io.alertbridge.core.Integration with io.alertbridge.example.servicenow.ServiceNowIntegration;

  // Tests only.
  requires io.alertbridge.testkit;
  requires org.junit.jupiter.api;
  requires org.junit.jupiter.params;
  requires org.assertj.core;

  opens io.alertbridge.example.servicenow to org.junit.platform.commons;
  opens io.alertbridge.example.servicenow.testing to org.junit.platform.commons;
}
