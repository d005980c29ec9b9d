package dev.kat.rules.codec;

/** A value in a row that cannot be read; carries the field and the reason. Internal, stackless. */
final class BadValue extends Exception {
  private static final long serialVersionUID = 1L;

  /** The field at fault. */
  final String field;

  BadValue(String field, String reason) {
    super(reason, null, false, false);
    this.field = field;
  }
}
