package dev.kat.testkit;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Rejection;
import dev.kat.core.engine.RejectionCode;
import dev.kat.core.engine.Statement;
import dev.kat.core.engine.Step;
import java.util.Map;

/**
 * Assertions about cycle results and statements, for tests of code built on KAT. Each throws an
 * {@link AssertionError} whose message says what was expected and what was found.
 */
public final class KatAssertions {
  private KatAssertions() {}

  /**
   * Asserts that KAT is conserved: the parts are non-negative, they sum to {@link CycleResult#allocated()},
   * and allocated plus unallocated equals the budget exactly.
   */
  public static void assertBudgetConserved(CycleResult result) {
    Checks.notNull(result, "result");
    long sum = 0;
    for (Map.Entry<String, Long> e : result.allocations().entrySet()) {
      if (e.getValue() < 0) {
        throw new AssertionError("contributor " + e.getKey() + " received negative KAT " + e.getValue());
      }
      sum += e.getValue();
    }
    if (sum != result.allocated()) {
      throw new AssertionError("allocations sum to " + sum + " but allocated() is " + result.allocated());
    }
    if (result.allocated() + result.unallocated() != result.budget()) {
      throw new AssertionError("allocated " + result.allocated() + " + unallocated " + result.unallocated()
          + " != budget " + result.budget());
    }
  }

  /** Asserts that {@code contributor} received exactly {@code expected} KAT base units. */
  public static void assertKat(CycleResult result, String contributor, long expected) {
    long actual = result.has(contributor) ? result.kat(contributor) : 0;
    if (actual != expected) {
      throw new AssertionError("expected " + contributor + " to receive " + expected + " KAT but got " + actual);
    }
  }

  /** Asserts that record {@code recordId} was rejected at admission with {@code code}. */
  public static void assertRejected(CycleResult result, String recordId, RejectionCode code) {
    for (Rejection x : result.rejections()) {
      if (x.record().id().equals(recordId)) {
        if (x.code() != code) {
          throw new AssertionError("record " + recordId + " was rejected with " + x.code() + ", not " + code
              + ": " + x.message());
        }
        return;
      }
    }
    throw new AssertionError("record " + recordId + " was not rejected (expected " + code + ")");
  }

  /**
   * Asserts that two results are the same outcome: equal content hashes and equal allocations (e.g. the
   * same records given in another order).
   */
  public static void assertSameOutcome(CycleResult expected, CycleResult actual) {
    if (!expected.allocations().equals(actual.allocations())) {
      throw new AssertionError("allocations differ: " + expected.allocations() + " vs " + actual.allocations());
    }
    if (!expected.contentHash().equals(actual.contentHash())) {
      throw new AssertionError("content hashes differ: " + expected.contentHash() + " vs " + actual.contentHash());
    }
  }

  /**
   * Asserts that a statement's figures recompute: each record's credit steps multiply (in order, in
   * {@code double}) and round half-even to micro-units to its raw credit; its later steps, each applied
   * and rounded in turn, give its final credit; the records' credits sum to the statement's credit per
   * category and in total.
   */
  public static void assertRecomputes(Statement statement) {
    Checks.notNull(statement, "statement");
    long total = 0;
    java.util.TreeMap<String, Long> byCategory = new java.util.TreeMap<>();
    for (RecordLine line : statement.records()) {
      double x = 1.0;
      for (Step s : line.creditSteps()) {
        x *= s.factor();
      }
      long raw = (long) Math.rint(x * 1_000_000.0);
      if (raw != line.rawCredit()) {
        throw new AssertionError("record " + line.recordId() + ": credit steps give " + raw
            + " micro-credit but the statement says " + line.rawCredit());
      }
      long v = raw;
      for (Step s : line.laterSteps()) {
        v = (long) Math.rint(v * s.factor());
      }
      if (v != line.credit()) {
        throw new AssertionError("record " + line.recordId() + ": later steps give " + v
            + " micro-credit but the statement says " + line.credit());
      }
      total += v;
      byCategory.merge(line.category(), v, Long::sum);
    }
    if (total != statement.credit()) {
      throw new AssertionError(statement.contributor() + ": records sum to " + total + " micro-credit but the "
          + "statement says " + statement.credit());
    }
    if (!byCategory.equals(statement.creditByCategory())) {
      throw new AssertionError(statement.contributor() + ": credit by category " + byCategory
          + " but the statement says " + statement.creditByCategory());
    }
  }

  /** Asserts {@link #assertRecomputes(Statement)} for every statement and that each names the result's KAT. */
  public static void assertStatementsRecompute(CycleResult result) {
    for (Statement s : result.statements()) {
      assertRecomputes(s);
      if (s.kat() != result.kat(s.contributor())) {
        throw new AssertionError(s.contributor() + ": statement says " + s.kat() + " KAT, result says "
            + result.kat(s.contributor()));
      }
    }
  }
}
