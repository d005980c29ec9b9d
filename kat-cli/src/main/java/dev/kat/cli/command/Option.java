package dev.kat.cli.command;

/**
 * A command-line option: {@code --name} alone (a flag) or {@code --name VALUE} / {@code --name=VALUE}.
 *
 * @param name the name without dashes, not blank
 * @param value the placeholder shown in help for the value, or null for a flag
 * @param repeatable whether the option may be given several times
 * @param description one line for the help text
 */
public record Option(String name, String value, boolean repeatable, String description) {

  /** Validates the fields. */
  public Option {
    if (name == null || name.isBlank() || name.startsWith("-")) {
      throw new IllegalArgumentException("name (" + name + ") must be a bare option name");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("description of --" + name + " must not be blank");
    }
  }

  /** A flag. */
  public static Option flag(String name, String description) {
    return new Option(name, null, false, description);
  }

  /** An option with a value. */
  public static Option value(String name, String value, String description) {
    return new Option(name, value, false, description);
  }

  /** An option with a value that may be repeated. */
  public static Option values(String name, String value, String description) {
    return new Option(name, value, true, description);
  }
}
