package dev.kat.rules.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

/** Whatever is done to a valid document, the reader answers with a value or located problems, never a throw. */
class PolicyReaderProperties {
  static final String EXAMPLE;

  static {
    try {
      EXAMPLE = Files.readString(PolicyReaderTest.EXAMPLES.resolve("exchange-dao/policy.json"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Property(tries = 300)
  void mutatedDocument_givesValueOrLocatedProblems(
      @ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll @IntRange(min = 0, max = 3) int kind,
      @ForAll @CharRange(from = ' ', to = '~') char c) {
    int i = at % EXAMPLE.length();
    String text;
    switch (kind) {
      case 0:
        text = EXAMPLE.substring(0, i) + EXAMPLE.substring(i + 1);
        break;
      case 1:
        text = EXAMPLE.substring(0, i) + c + EXAMPLE.substring(i);
        break;
      case 2:
        text = EXAMPLE.substring(0, i) + c + EXAMPLE.substring(i + 1);
        break;
      default:
        text = EXAMPLE.substring(0, i);
        break;
    }
    ReadResult<PolicyDocument> r = PolicyReader.defaults().withFramework(PolicyReaderTest.cohort()).read(text, "p.json");
    if (!r.ok()) {
      for (Problem p : r.problems()) {
        assertTrue(p.line() >= 1 && p.line() <= text.lines().count() + 1, p::toString);
      }
    }
  }
}
