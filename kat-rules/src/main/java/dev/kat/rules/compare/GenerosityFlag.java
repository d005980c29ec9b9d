package dev.kat.rules.compare;

import dev.kat.rules.internal.Checks;

/**
 * One DAO recognising the same work far more generously than the cohort's median.
 *
 * @param dao the DAO
 * @param category the category
 * @param measure what is compared: {@code credit per record}, {@code credit per hour} or
 *     {@code base credit} (the configuration itself, among DAOs paying the category in the same unit)
 * @param value the DAO's value
 * @param cohortMedian the median over the DAOs that recognise the category
 * @param ratio value / median
 */
public record GenerosityFlag(String dao, String category, String measure, double value, double cohortMedian,
    double ratio) {

  /** Validates the fields. */
  public GenerosityFlag {
    Checks.notBlank(dao, "dao");
    Checks.notBlank(category, "category");
    Checks.notBlank(measure, "measure");
  }
}
