/**
 * Test support for the tests of hosts (and of this integration): {@link
 * io.alertbridge.topdesk.testing.TopdeskDeliveries}, action-sequence deliveries, and {@link
 * io.alertbridge.topdesk.testing.FakeTopdeskApi}, a loopback TOPdesk API (incidents, processing statuses,
 * HTTP Basic, failures on demand) for the way back and for polling. Not used by the integration itself;
 * published with it so that a host's tests need nothing else. The class path folder {@code fixtures/} next
 * to these classes holds the recorded action-sequence bodies, and TOPdesk API answers ({@code api-*.json}),
 * one scenario each, listed in scenario order in its {@code INDEX}; the test kit's {@code Fixtures} reads
 * them. Non-null unless documented otherwise.
 */
package io.alertbridge.topdesk.testing;
