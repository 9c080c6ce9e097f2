package io.alertbridge.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed command line: {@code --name value} or {@code --name=value} options, {@code --flag}
 * switches, and the remaining arguments in order. {@code --} ends the options.
 */
final class Options {
  private final Map<String, String> values;
  private final Set<String> flags;
  private final List<String> arguments;

  private Options(Map<String, String> values, Set<String> flags, List<String> arguments) {
    this.values = values;
    this.flags = flags;
    this.arguments = arguments;
  }

  /**
   * @param args the arguments after the command name
   * @param valued the options that take a value
   * @param switches the options that take none
   * @throws UsageException on an unknown option, a repeated one, or a missing value
   */
  static Options parse(List<String> args, Set<String> valued, Set<String> switches) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> flags = new TreeSet<>();
    List<String> arguments = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("--")) {
        arguments.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (switches.contains(name)) {
        if (equals >= 0) {
          throw new UsageException("--" + name + " takes no value");
        }
        flags.add(name);
      } else if (valued.contains(name)) {
        String value;
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException("--" + name + " needs a value");
        }
        if (values.putIfAbsent(name, value) != null) {
          throw new UsageException("--" + name + " is given twice");
        }
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return new Options(values, flags, arguments);
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) {
    return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  List<String> arguments() {
    return arguments;
  }
}
