/**
 * Test support for the tests of hosts (and of this integration): {@link io.alertbridge.zendesk.testing.ZendeskDeliveries}, trigger deliveries signed as Zendesk signs them, and
 * {@link io.alertbridge.zendesk.testing.FakeZendeskApi}, a loopback Zendesk API that ticket writes go to. Not used by the
 * integration itself; published with it so that a host's tests need nothing else. The class path
 * folder {@code fixtures/} next to these classes holds the recorded deliveries, signed with {@link io.alertbridge.zendesk.testing.ZendeskDeliveries#FIXTURE_SECRET}, one scenario each, listed in
 * scenario order in its {@code INDEX}; the test kit's {@code Fixtures} reads them. Non-null
 * unless documented otherwise.
 */
package io.alertbridge.zendesk.testing;
