/**
 * Helpers for the tests of the modules beside core: {@link io.alertbridge.testsupport.ExampleIntegration},
 * a minimal integration; {@link io.alertbridge.testsupport.RecordingSink}, a host's sink that can fail;
 * {@link io.alertbridge.testsupport.ForwardingAlertStateStore}, a store to override one call of; and
 * {@link io.alertbridge.testsupport.Deliveries}, JSON deliveries from text. A clock for tests is the
 * test kit's {@code TestClock}. Core's own tests keep helpers of their own, since core cannot depend on
 * this module.
 */
package io.alertbridge.testsupport;
