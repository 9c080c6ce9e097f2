/**
 * AlertBridge's test kit, for the tests of hosts and of integrations: {@link
 * io.alertbridge.testkit.AlertBridgeAssertions}, {@link io.alertbridge.testkit.TestClock}, {@link
 * io.alertbridge.testkit.IntegrationCompatibilityKit}, for stores {@link
 * io.alertbridge.testkit.StoreCompatibilityKit}, and {@link io.alertbridge.testkit.CostMeter} to check
 * that hostile inputs cost no more than normal ones. {@link io.alertbridge.testkit.Fixtures} reads the
 * recorded deliveries that each integration keeps with its own test support; the kit knows no
 * particular tool. Add it in test scope. Non-null unless
 * documented otherwise.
 */
package io.alertbridge.testkit;
