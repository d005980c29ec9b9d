package dev.kat.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed command line: positional arguments and option values. {@code --} ends the options.
 */
public final class Args {
  private final List<String> positional;
  private final Map<String, List<String>> options;

  private Args(List<String> positional, Map<String, List<String>> options) {
    this.positional = List.copyOf(positional);
    this.options = options;
  }

  /**
   * Parses {@code raw} against {@code known} options.
   *
   * @throws UsageException for an unknown option, a missing value, a value given to a flag or a
   *     non-repeatable option given twice
   */
  public static Args parse(List<String> raw, List<Option> known) throws UsageException {
    List<String> pos = new ArrayList<>();
    Map<String, List<String>> opts = new TreeMap<>();
    boolean rest = false;
    for (int i = 0; i < raw.size(); i++) {
      String a = raw.get(i);
      if (rest || !a.startsWith("--") || a.equals("-")) {
        if (!rest && a.startsWith("-") && a.length() > 1 && !a.equals("-")) {
          throw new UsageException("unknown option " + a + " (options start with --)");
        }
        pos.add(a);
        continue;
      }
      if (a.equals("--")) {
        rest = true;
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option o = find(known, name);
      if (o == null) {
        throw new UsageException("unknown option --" + name);
      }
      if (o.value() == null) {
        if (value != null) {
          throw new UsageException("option --" + name + " takes no value");
        }
        value = "true";
      } else if (value == null) {
        if (i + 1 >= raw.size()) {
          throw new UsageException("option --" + name + " needs a value " + o.value());
        }
        value = raw.get(++i);
      }
      List<String> vs = opts.computeIfAbsent(name, k -> new ArrayList<>());
      if (!vs.isEmpty() && !o.repeatable()) {
        throw new UsageException("option --" + name + " may be given only once");
      }
      vs.add(value);
    }
    return new Args(pos, opts);
  }

  private static Option find(List<Option> known, String name) {
    for (Option o : known) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }

  /** The positional arguments. */
  public List<String> positional() {
    return positional;
  }

  /**
   * The positional argument at {@code index}.
   *
   * @throws UsageException naming {@code what} when it is missing
   */
  public String positional(int index, String what) throws UsageException {
    if (index >= positional.size()) {
      throw new UsageException("missing argument " + what);
    }
    return positional.get(index);
  }

  /** Whether the option was given. */
  public boolean has(String name) {
    return options.containsKey(name);
  }

  /** The option's value, or {@code fallback} when it was not given. */
  public String value(String name, String fallback) {
    List<String> vs = options.get(name);
    return vs == null ? fallback : vs.get(vs.size() - 1);
  }

  /** Every value given to a repeatable option, in order. */
  public List<String> values(String name) {
    return List.copyOf(options.getOrDefault(name, List.of()));
  }

  /**
   * Fails when more positional arguments than {@code max} were given.
   *
   * @throws UsageException naming the first extra argument
   */
  public void atMost(int max) throws UsageException {
    if (positional.size() > max) {
      throw new UsageException("unexpected argument " + positional.get(max));
    }
  }
}
