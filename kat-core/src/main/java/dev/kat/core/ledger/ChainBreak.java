package dev.kat.core.ledger;

import dev.kat.core.internal.Checks;

/**
 * The first broken link of a ledger's hash chain.
 *
 * @param index the position of the first entry that does not verify
 * @param cycleId that entry's cycle id
 * @param reason what is wrong, in words
 */
public record ChainBreak(long index, String cycleId, String reason) {

  /** Validates the fields. */
  public ChainBreak {
    Checks.nonNegative(index, "index");
    Checks.notNull(cycleId, "cycleId");
    Checks.notBlank(reason, "reason");
  }

  @Override
  public String toString() {
    return "ledger chain broken at entry " + index + " (cycle " + cycleId + "): " + reason;
  }
}
