package io.alertbridge.cli;

import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationRegistry;
import java.time.Clock;

/** The {@code alertbridge} command: {@code java -jar alertbridge.jar replay|explain|serve ...}. */
public final class Main {

  private Main() {}

  /**
   * Runs a command with the integrations on the class path and exits with its status: 0 when every
   * delivery was processed, 1 when something could not be done, 2 on usage errors.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    IntegrationRegistry registry;
    try {
      registry = IntegrationRegistry.load(Main.class.getClassLoader());
    } catch (ConfigurationException e) {
      System.err.println("alertbridge: " + e.getMessage());
      System.exit(Cli.FAILED);
      return;
    }
    System.exit(new Cli(registry, Clock.systemUTC(), System.out, System.err).run(args));
  }
}
