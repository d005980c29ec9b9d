package dev.kat.rules.compare;

import dev.kat.rules.internal.Checks;

/**
 * How one DAO recognised one category in one cycle.
 *
 * @param dao the DAO
 * @param category the category
 * @param unit the category's unit in the DAO's policy ({@code per_record}, {@code per_hour},
 *     {@code per_currency_unit})
 * @param baseCredit the configured base credit per unit
 * @param records accepted records in the category
 * @param hours their hours ({@code durationMinutes} / 60, where given)
 * @param credit their final credit, in micro-units
 * @param creditPerRecord credit per record, in credit units (0 without records)
 * @param creditPerHour credit per hour, in credit units, or NaN when no record gives a duration
 */
public record CategoryRate(String dao, String category, String unit, double baseCredit, long records,
    double hours, long credit, double creditPerRecord, double creditPerHour) {

  /** Validates the fields. */
  public CategoryRate {
    Checks.notBlank(dao, "dao");
    Checks.notBlank(category, "category");
    Checks.notBlank(unit, "unit");
    Checks.argument(records >= 0, "records (" + records + ") must be >= 0");
  }
}
