/**
 * Test support for the tests of hosts (and of this integration): {@link io.alertbridge.autotask.testing.AutotaskDeliveries}, extension callouts and the tickets they fetch, and {@link io.alertbridge.autotask.testing.FakeAutotaskApi}, an in-process Autotask REST API on the loopback interface. Not used by the
 * integration itself; published with it so that a host's tests need nothing else. The class path
 * folder {@code fixtures/} next to these classes holds the recorded callouts, and the Autotask REST answers ({@code api-*.json}) the fake serves, one scenario each, listed in
 * scenario order in its {@code INDEX}; the test kit's {@code Fixtures} reads them. Non-null
 * unless documented otherwise.
 */
package io.alertbridge.autotask.testing;
