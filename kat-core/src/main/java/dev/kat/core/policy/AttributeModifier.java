package dev.kat.core.policy;

import dev.kat.core.internal.Checks;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Multiplies a record's credit by a bounded curve of one of its attributes, e.g. complexity 1–5
 * mapped to 1.0–1.5.
 *
 * @param id a rule id shown in statements, not blank
 * @param attribute the attribute the curve reads, not blank
 * @param categories the categories it applies to; empty means all
 * @param curve the factor as a function of the attribute's value
 * @param defaultValue the attribute value assumed when a record does not carry it
 */
public record AttributeModifier(
    String id, String attribute, SortedSet<String> categories, Curve curve, double defaultValue) {

  /** Validates the fields. */
  public AttributeModifier {
    Checks.notBlank(id, "id");
    Checks.notBlank(attribute, "attribute");
    categories = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.notNull(categories, "categories")));
    Checks.notNull(curve, "curve");
    Checks.finite(defaultValue, "modifiers." + id + ".defaultValue");
  }

  /** Whether the modifier applies to {@code category}. */
  public boolean appliesTo(String category) {
    return categories.isEmpty() || categories.contains(category);
  }
}
