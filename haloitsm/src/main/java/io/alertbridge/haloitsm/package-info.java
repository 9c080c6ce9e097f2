/**
 * The HaloITSM integration: reads the JSON that a Halo Custom Integration method (run by a runbook on
 * "New Ticket Logged" and "Ticket Status Changed") or a native Halo webhook posts, and turns the
 * ticket's status into alert lifecycle events. Register
 * {@link io.alertbridge.haloitsm.HaloItsmIntegration} (found by {@link java.util.ServiceLoader}).
 *
 * <p>Everything here is non-null unless its documentation says otherwise.
 */
package io.alertbridge.haloitsm;
