/**
 * The {@code alertbridge} command: replays recorded deliveries, explains one, or serves a loopback
 * receiver. Exports nothing; run it with {@code java -jar alertbridge.jar}.
 */
module io.alertbridge.cli {
  requires io.alertbridge.core;
  requires io.alertbridge.jdbc;

  uses io.alertbridge.core.Integration;
}
