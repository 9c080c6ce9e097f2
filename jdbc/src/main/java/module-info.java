/** AlertBridge's JDBC stores: alert state, outbox and delivery log in a database shared by several nodes. */
module io.alertbridge.jdbc {
  requires transitive io.alertbridge.core;
  requires transitive java.sql;

  exports io.alertbridge.jdbc;
}
