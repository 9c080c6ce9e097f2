/**
 * Reading JSON deliveries and API answers within {@link io.alertbridge.core.Limits}, for integration
 * authors: {@link io.alertbridge.core.json.Json} parses bytes into plain Java values (unmodifiable
 * maps and lists, {@code String}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, {@code
 * Boolean}, {@code null}), refusing duplicate keys, trailing content, deep nesting, huge numbers and
 * too many values with a {@link io.alertbridge.core.MalformedDeliveryException} that gives the line and
 * column but never the payload; {@link io.alertbridge.core.json.JsonObject} reads members with errors
 * ({@link io.alertbridge.core.InvalidFieldException}) that name the field by its JSON pointer and say
 * what was expected and what was seen; {@link io.alertbridge.core.json.IsoTimes} reads ISO-8601 times.
 * Both exceptions answer a delivery with 400 when the processor catches them. Non-null unless
 * documented otherwise.
 */
package io.alertbridge.core.json;
