package dev.kat.core.engine;

import dev.kat.core.guard.Flag;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One contributor's account of a cycle ("why did I get this?"): every record and every factor applied
 * to it, the flags that touched it, karma before and after, and the KAT received. All credit and karma
 * figures are in micro-units; KAT in base units. The figures recompute: the records' credits plus
 * {@link #creditAdjustment()} sum to {@link #credit()} (floored at zero) and each record's steps reproduce
 * its credit (see {@link RecordLine}).
 *
 * @param contributor the contributor
 * @param records the accepted records, by id
 * @param creditByCategory final credit per category
 * @param creditAdjustment credit granted (positive) or deducted (negative) by approved exceptions and
 *     corrections; {@code credit = max(0, Σ records + creditAdjustment)}
 * @param credit total final credit
 * @param karmaPrior karma carried from the prior state
 * @param karmaDecayed karma after decay, before this cycle's gain and penalty
 * @param karmaGain karma gained from this cycle's credit
 * @param karmaPenalty karma lost to confirmed flags
 * @param karmaAfter karma after the cycle, clamped to the policy's floor and ceiling
 * @param weight the allocation weight (credit raised by karma influence)
 * @param kat KAT received this cycle, in base units
 * @param flags the guardrail flags that name this contributor
 */
public record Statement(
    String contributor,
    List<RecordLine> records,
    SortedMap<String, Long> creditByCategory,
    long creditAdjustment,
    long credit,
    long karmaPrior,
    long karmaDecayed,
    long karmaGain,
    long karmaPenalty,
    long karmaAfter,
    long weight,
    long kat,
    List<Flag> flags) {

  /** Validates and copies the fields. */
  public Statement {
    Checks.notBlank(contributor, "contributor");
    records = List.copyOf(records);
    creditByCategory = Collections.unmodifiableSortedMap(new TreeMap<>(creditByCategory));
    flags = List.copyOf(flags);
  }

  /** The statement as plain text, the same in every locale. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Statement for ").append(contributor).append('\n');
    for (RecordLine r : records) {
      sb.append("  record ").append(r.recordId()).append(" [").append(r.category()).append("]\n");
      for (Step s : r.creditSteps()) {
        sb.append("    ").append(s).append('\n');
      }
      sb.append("    = ").append(Fixed.format(r.rawCredit())).append(" credit\n");
      for (Step s : r.laterSteps()) {
        sb.append("    ").append(s).append('\n');
      }
      if (!r.laterSteps().isEmpty()) {
        sb.append("    = ").append(Fixed.format(r.credit())).append(" credit\n");
      }
    }
    creditByCategory.forEach((k, v) ->
        sb.append("  category ").append(k).append(": ").append(Fixed.format(v)).append('\n'));
    if (creditAdjustment != 0) {
      sb.append("  adjustment: ").append(Fixed.format(creditAdjustment)).append('\n');
    }
    sb.append("  credit: ").append(Fixed.format(credit)).append('\n');
    sb.append("  karma: ").append(Fixed.format(karmaPrior)).append(" -> decayed ").append(Fixed.format(karmaDecayed))
        .append(" + gain ").append(Fixed.format(karmaGain)).append(" - penalty ").append(Fixed.format(karmaPenalty))
        .append(" = ").append(Fixed.format(karmaAfter)).append('\n');
    sb.append("  weight: ").append(Fixed.format(weight)).append('\n');
    sb.append("  KAT: ").append(kat).append('\n');
    for (Flag f : flags) {
      sb.append("  flag ").append(f.detector()).append(' ').append(f.severity()).append(' ').append(f.action())
          .append(": ").append(f.evidence()).append('\n');
    }
    return sb.toString();
  }
}
