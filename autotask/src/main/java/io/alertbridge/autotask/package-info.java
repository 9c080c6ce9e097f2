/**
 * The Autotask integration. An Autotask extension callout carries only a ticket's id and number, so
 * {@link io.alertbridge.autotask.AutotaskIntegration} fetches the ticket through an {@link
 * io.alertbridge.autotask.AutotaskTicketSource}: by default the Autotask REST API, configured per alert
 * source.
 *
 * <p>Everything here is non-null unless its documentation says otherwise; absent values are {@link
 * java.util.Optional}. Public entry points reject null with a {@link NullPointerException} naming the
 * argument.
 */
package io.alertbridge.autotask;
