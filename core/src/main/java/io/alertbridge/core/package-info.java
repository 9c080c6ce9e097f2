/**
 * AlertBridge core: turns webhook deliveries from ITSM tools into alert lifecycle events.
 *
 * <p>Start with {@link io.alertbridge.core.WebhookProcessor}: give it an {@link
 * io.alertbridge.core.AlertSource} and a {@link io.alertbridge.core.Delivery}, get back a {@link
 * io.alertbridge.core.ProcessingResult} with the HTTP status to answer and the {@link
 * io.alertbridge.core.AlertEvent} to apply. Integrations plug in through {@link
 * io.alertbridge.core.Integration}; stores through {@link io.alertbridge.core.AlertStateStore} and
 * {@link io.alertbridge.core.DeliveryLog}.
 *
 * <p>Everything here is non-null unless its documentation says otherwise; absent values are {@link
 * java.util.Optional}. Public entry points reject null with a {@link NullPointerException} naming the
 * argument.
 */
package io.alertbridge.core;
