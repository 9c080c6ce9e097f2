/**
 * The Zendesk integration: reads the JSON body that a Zendesk trigger's webhook posts when a ticket
 * is created or updated, checks Zendesk's webhook signature, and turns the ticket's status into
 * alert lifecycle events. Register {@link io.alertbridge.zendesk.ZendeskIntegration} (found by
 * {@link java.util.ServiceLoader}); build signed test deliveries with
 * {@link io.alertbridge.zendesk.ZendeskSigner}.
 *
 * <p>Everything here is non-null unless its documentation says otherwise.
 */
package io.alertbridge.zendesk;
