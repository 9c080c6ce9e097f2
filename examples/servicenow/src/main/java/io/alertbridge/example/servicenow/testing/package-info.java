/**
 * Test support for the tests of hosts (and of this integration): {@link
 * io.alertbridge.example.servicenow.testing.ServiceNowDeliveries}, incident bodies as a REST message
 * sends them. Not used by the integration itself. The class path folder {@code fixtures/} next to
 * these classes holds recorded bodies, one scenario each, listed in scenario order in its {@code
 * INDEX}; the test kit's {@code Fixtures} reads them. Non-null unless documented otherwise.
 */
package io.alertbridge.example.servicenow.testing;
