package dev.kat.core.policy;

/** What one unit of a category's base credit is paid for. */
public enum Unit {
  /** Base credit once per record. */
  PER_RECORD,
  /** Base credit per hour; the quantity is the record's {@code durationMinutes} / 60. */
  PER_HOUR,
  /** Base credit per currency unit; the quantity is the record's {@code amount}. */
  PER_CURRENCY_UNIT;

  /** The attribute that carries the quantity, or null for {@link #PER_RECORD}. */
  public String quantityAttribute() {
    switch (this) {
      case PER_HOUR:
        return "durationMinutes";
      case PER_CURRENCY_UNIT:
        return "amount";
      default:
        return null;
    }
  }

  /** Converts the quantity attribute's value into units. */
  public double quantity(double attributeValue) {
    switch (this) {
      case PER_HOUR:
        return attributeValue / 60.0;
      case PER_CURRENCY_UNIT:
        return attributeValue;
      default:
        return 1.0;
    }
  }
}
