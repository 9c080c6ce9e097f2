/**
 * AlertBridge's test kit, for the tests of hosts and of integrations: {@link
 * io.alertbridge.testkit.AlertBridgeAssertions}, {@link io.alertbridge.testkit.TestClock}, {@link
 * io.alertbridge.testkit.IntegrationCompatibilityKit} and, for stores, {@link
 * io.alertbridge.testkit.StoreCompatibilityKit}. Add it in test scope. Non-null unless
 * documented otherwise.
 */
package io.alertbridge.testkit;
