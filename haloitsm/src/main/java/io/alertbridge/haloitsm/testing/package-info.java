/**
 * Test support for the tests of hosts (and of this integration): {@link io.alertbridge.haloitsm.testing.HaloDeliveries}, deliveries in each of Halo's shapes, and {@link io.alertbridge.haloitsm.testing.FakeHaloApi}, the Halo API on the loopback interface. Not used by the
 * integration itself; published with it so that a host's tests need nothing else. The class path
 * folder {@code fixtures/} next to these classes holds the recorded deliveries, one scenario each, listed in
 * scenario order in its {@code INDEX}; the test kit's {@code Fixtures} reads them. Non-null
 * unless documented otherwise.
 */
package io.alertbridge.haloitsm.testing;
