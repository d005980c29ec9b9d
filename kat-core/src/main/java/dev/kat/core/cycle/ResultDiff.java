package dev.kat.core.cycle;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The contributors whose credit, karma or KAT differ between two results (credit and karma in
 * micro-units, KAT in base units), in id order. A contributor absent from one side counts as zero there.
 *
 * @param changes one entry per contributor whose figures differ
 */
public record ResultDiff(List<Change> changes) {

  /**
   * One contributor's figures before and after.
   *
   * @param contributor the contributor
   * @param creditBefore credit before
   * @param creditAfter credit after
   * @param karmaBefore karma before
   * @param karmaAfter karma after
   * @param katBefore KAT before
   * @param katAfter KAT after
   */
  public record Change(String contributor, long creditBefore, long creditAfter, long karmaBefore, long karmaAfter,
      long katBefore, long katAfter) {

    /** Validates the fields. */
    public Change {
      Checks.notBlank(contributor, "contributor");
    }

    /** KAT after minus KAT before. */
    public long katDelta() {
      return katAfter - katBefore;
    }
  }

  /** Validates and copies the fields. */
  public ResultDiff {
    changes = List.copyOf(changes);
  }

  /** No change. */
  public static ResultDiff none() {
    return new ResultDiff(List.of());
  }

  /**
   * The differences from {@code before} (null for "nothing before") to {@code after}.
   *
   * @throws NullPointerException if {@code after} is null
   */
  public static ResultDiff between(CycleResult before, CycleResult after) {
    Checks.notNull(after, "after");
    TreeSet<String> ids = new TreeSet<>(after.contributors());
    if (before != null) {
      ids.addAll(before.contributors());
    }
    List<Change> out = new ArrayList<>();
    for (String id : ids) {
      boolean b = before != null && before.has(id);
      boolean a = after.has(id);
      Change c = new Change(id, b ? before.credit(id) : 0, a ? after.credit(id) : 0, b ? before.karma(id) : 0,
          a ? after.karma(id) : 0, b ? before.kat(id) : 0, a ? after.kat(id) : 0);
      if (c.creditBefore() != c.creditAfter() || c.karmaBefore() != c.karmaAfter() || c.katBefore() != c.katAfter()) {
        out.add(c);
      }
    }
    return new ResultDiff(out);
  }

  /** Whether nothing differs. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** One line per change, the same in every locale. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Change c : changes) {
      sb.append(c.contributor()).append(": KAT ").append(c.katBefore()).append(" -> ").append(c.katAfter())
          .append(", credit ").append(Fixed.format(c.creditBefore(), 2)).append(" -> ")
          .append(Fixed.format(c.creditAfter(), 2)).append(", karma ").append(Fixed.format(c.karmaBefore(), 2))
          .append(" -> ").append(Fixed.format(c.karmaAfter(), 2)).append('\n');
    }
    return sb.toString();
  }
}
