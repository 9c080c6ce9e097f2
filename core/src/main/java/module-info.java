/** AlertBridge core: the model, the lifecycle state machine, the stores and the webhook processor. */
module io.alertbridge.core {
  requires com.fasterxml.jackson.core;
  requires transitive java.net.http;
  requires org.slf4j;

  exports io.alertbridge.core;
  exports io.alertbridge.core.json;
  exports io.alertbridge.core.http;
  exports io.alertbridge.core.internal to io.alertbridge.cli;

  uses io.alertbridge.core.Integration;
}
