package io.alertbridge.core;

/**
 * An integration's own settings for one alert source, such as the address and credentials of the
 * tool's API. Each integration defines its type: an immutable value, checked when it is built, whose
 * {@code toString()} never shows a secret. Core carries it in {@link AlertSource#settings()} without
 * knowing its type; the integration reads it back with {@link AlertSource#settings(Class)} and reads
 * it from JSON with {@link Integration#readSettings}.
 */
public interface IntegrationSettings {}
