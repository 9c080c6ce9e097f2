/**
 * An example integration for ServiceNow: reads the JSON that a Business Rule or Flow REST message
 * posts for an incident ({@code sys_id}, {@code number}, {@code short_description}, {@code state},
 * {@code priority}, {@code sys_updated_on}, ...) and turns the incident's state into alert lifecycle
 * events. Register {@link io.alertbridge.example.servicenow.ServiceNowIntegration} (found by
 * {@link java.util.ServiceLoader}). It uses only core's exported API.
 *
 * <p>Everything here is non-null unless its documentation says otherwise.
 */
package io.alertbridge.example.servicenow;
