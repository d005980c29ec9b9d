package dev.kat.cli.command;

/** Parsing of numeric option values. */
final class Numbers {
  private Numbers() {}

  /** The positive whole number given to {@code --name}, or {@code fallback}. */
  static int positive(Args args, String name, int fallback) throws UsageException {
    String v = args.value(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--" + name + " " + v + " is not a positive whole number");
  }
}
