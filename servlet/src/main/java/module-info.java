/** AlertBridge's Jakarta Servlet endpoint: webhook requests handed to a webhook processor. */
module io.alertbridge.servlet {
  requires transitive io.alertbridge.core;
  requires transitive jakarta.servlet;
  requires org.slf4j;

  exports io.alertbridge.servlet;
}
