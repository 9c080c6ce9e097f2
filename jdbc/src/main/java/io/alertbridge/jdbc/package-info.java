/**
 * Alert state, outbox and delivery log in a relational database (PostgreSQL, MySQL, MariaDB, H2),
 * shared by every node of a cluster. Start at {@link io.alertbridge.jdbc.JdbcStores}.
 */
package io.alertbridge.jdbc;
