/**
 * Small pieces for integrations that call their tool's HTTP API: {@link io.alertbridge.core.http.BoundedBody}
 * reads an answer's body within a bound on its bytes. Non-null unless documented otherwise.
 */
package io.alertbridge.core.http;
