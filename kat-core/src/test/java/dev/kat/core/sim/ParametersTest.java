package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void toString_declaredOrderAndCanonicalNumbers() {
    Parameters p = Parameters.none().with("ringSize", 5.0).with("guardrails", "on").with("rate", 0.250);
    assertEquals("ringSize=5;guardrails=on;rate=0.25", p.toString());
    assertEquals(5, p.integer("ringSize"));
    assertEquals(0.25, p.number("rate"));
    assertEquals("on", p.text("guardrails"));
  }

  @Test
  void with_existingName_replacesInPlace() {
    Parameters p = Parameters.none().with("a", 1).with("b", 2).with("a", 3);
    assertEquals("a=3;b=2", p.toString());
  }

  @Test
  void text_unknownName_namesIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameters.none().text("x"));
    assertEquals("parameter (x) is not set; set are []", e.getMessage());
  }

  @Test
  void integer_fraction_throws() {
    assertThrows(IllegalArgumentException.class, () -> Parameters.none().with("n", 1.5).integer("n"));
  }

  @Test
  void with_separatorInValue_throws() {
    assertThrows(IllegalArgumentException.class, () -> Parameters.none().with("n", "a;b"));
  }

  @Test
  void equals_sameNamesAndValues() {
    assertEquals(Parameters.none().with("a", 1), Parameters.none().with("a", "1"));
    assertEquals(Parameters.none().with("a", 1).hashCode(), Parameters.none().with("a", "1").hashCode());
  }
}
