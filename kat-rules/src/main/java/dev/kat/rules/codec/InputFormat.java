package dev.kat.rules.codec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A file format for contribution records. */
public enum InputFormat {
  /** Comma-separated values (RFC 4180) with a header line; file names ending in {@code .csv}. */
  CSV,
  /** One JSON object per line; file names ending in {@code .jsonl} or {@code .ndjson}. */
  JSON_LINES;

  /** The format a file's name implies, or empty when the extension is not one of ours. */
  public static Optional<InputFormat> of(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSON_LINES);
    }
    return Optional.empty();
  }
}
