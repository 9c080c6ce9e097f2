/**
 * The TOPdesk integration: reads the JSON that a TOPdesk action sequence posts when a card is
 * created or edited, and turns it into alert lifecycle events. Register {@link
 * io.alertbridge.topdesk.TopdeskIntegration} (found by {@link java.util.ServiceLoader}) and point an
 * action sequence's HTTP request step at the alert source's webhook URL. With {@link
 * io.alertbridge.topdesk.TopdeskSettings}, the host's accepts and resolves are written back to the incident
 * and the incidents changed lately can be polled through the TOPdesk API.
 *
 * <p>Everything here is non-null unless its documentation says otherwise.
 */
package io.alertbridge.topdesk;
