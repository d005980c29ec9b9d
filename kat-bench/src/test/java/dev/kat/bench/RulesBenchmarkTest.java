package dev.kat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesBenchmarkTest {

  @Test
  void firingWholePolicyPerRecord_benchRecords_equalsCompiledCreditRowForRow() {
    RulesBenchmark bench = new RulesBenchmark();
    bench.records = 20_000;
    bench.setUp();

    long[] compiled = bench.compiledCredit();
    double[] drools = bench.firingWholePolicyPerRecord();

    assertEquals(compiled.length, drools.length);
    List<String> differ = new ArrayList<>();
    for (int row = 0; row < compiled.length; row++) {
      // Rounded to micro-units as the engine rounds (Fixed.toMicros): half-even.
      long micros = (long) Math.rint(drools[row] * 1_000_000.0);
      if (micros != compiled[row]) {
        differ.add("row " + row + ": engine " + compiled[row] + ", Drools " + micros);
      }
    }
    assertEquals(List.of(), differ);
  }
}
