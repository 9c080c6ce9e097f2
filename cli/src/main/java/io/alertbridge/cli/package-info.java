/**
 * The {@code alertbridge} command-line tool. Everything is non-null unless documented otherwise.
 */
package io.alertbridge.cli;
