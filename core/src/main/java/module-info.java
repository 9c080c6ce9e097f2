/** AlertBridge core: the model, the lifecycle state machine, the stores and the webhook processor. */
module io.alertbridge.core {
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports io.alertbridge.core;
  exports io.alertbridge.core.internal to
      io.alertbridge.topdesk,
      io.alertbridge.zendesk,
      io.alertbridge.autotask,
      io.alertbridge.haloitsm,
      io.alertbridge.cli,
      io.alertbridge.testkit,
      io.alertbridge.jdbc;

  uses io.alertbridge.core.Integration;
}
