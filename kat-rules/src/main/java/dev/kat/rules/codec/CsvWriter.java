package dev.kat.rules.codec;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV: fields are quoted when they contain a comma, quote, CR or LF (quotes doubled);
 * lines end in LF. Not thread-safe; does not close the writer.
 */
public final class CsvWriter {
  private final Writer out;
  private boolean first = true;

  /** A CSV writer onto {@code out}. */
  public CsvWriter(Writer out) {
    if (out == null) {
      throw new IllegalArgumentException("out must not be null");
    }
    this.out = out;
  }

  /** Writes one field of the current row. */
  public CsvWriter field(String value) throws IOException {
    if (!first) {
      out.write(',');
    }
    first = false;
    String v = value == null ? "" : value;
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.write(v);
      return this;
    }
    out.write('"');
    out.write(v.replace("\"", "\"\""));
    out.write('"');
    return this;
  }

  /** Writes one numeric field. */
  public CsvWriter field(long value) throws IOException {
    return field(Long.toString(value));
  }

  /** Writes a whole row of fields and ends it. */
  public CsvWriter row(String... values) throws IOException {
    for (String v : values) {
      field(v);
    }
    return end();
  }

  /** Ends the current row. */
  public CsvWriter end() throws IOException {
    out.write('\n');
    first = true;
    return this;
  }
}
