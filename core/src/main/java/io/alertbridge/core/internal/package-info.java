/**
 * Helpers shared by AlertBridge's own integration modules. Not API: exported only to those modules,
 * and free to change in any release. Non-null unless documented otherwise.
 */
package io.alertbridge.core.internal;
