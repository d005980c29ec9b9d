package dev.kat.rules.codec;

/**
 * A row that could not be read as a contribution record, with the place and the reason.
 *
 * @param location where the row is
 * @param column the 1-based column: the field's position in a CSV row, the character position in a
 *     JSON line; 0 when the problem concerns the whole row
 * @param field the column or JSON field at fault (e.g. {@code occurredAt}, {@code reviews[1].quality}),
 *     or empty when the problem concerns the whole row
 * @param reason what is wrong, in words an operator can act on, not blank
 */
public record MalformedRow(RowLocation location, int column, String field, String reason) {

  /** Validates the fields. */
  public MalformedRow {
    if (location == null) {
      throw new IllegalArgumentException("location must not be null");
    }
    if (column < 0) {
      throw new IllegalArgumentException("column (" + column + ") must be >= 0");
    }
    if (field == null) {
      throw new IllegalArgumentException("field must not be null");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason (" + reason + ") must not be blank");
    }
  }

  /** {@code source:line:column: field: reason}. */
  @Override
  public String toString() {
    return location.source() + ":" + location.line() + ":" + column + ": "
        + (field.isEmpty() ? "" : field + ": ") + reason;
  }
}
