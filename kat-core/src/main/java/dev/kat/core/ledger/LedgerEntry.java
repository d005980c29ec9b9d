package dev.kat.core.ledger;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Hashing;
import dev.kat.core.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One finalized cycle in the ledger: its inputs, the policy it ran under (by id and hash), the result's
 * content hash and KAT allocations, and the hash chain. Entries never change once written.
 *
 * <p>{@link #hash()} is the SHA-256 of the entry's canonical text ({@link LedgerCodec#body}), which
 * includes {@link #previousHash()}; so changing any earlier entry breaks every later link. The record
 * itself does not check the hash (a tampered entry must be representable to be reported); use
 * {@link #hashIsValid()} or {@link Ledgers#verify}.
 *
 * @param index the entry's position in the ledger, from 0
 * @param inputs what the result was computed from
 * @param policyId the policy's id
 * @param policyHash SHA-256 (hex) of the policy's canonical form
 * @param resultHash the result's content hash
 * @param allocations KAT by contributor, in base units
 * @param unallocated KAT of the budget not allocated
 * @param previousHash the previous entry's hash, or {@link #GENESIS} for the first entry
 * @param hash this entry's hash
 */
public record LedgerEntry(long index, CycleInputs inputs, String policyId, String policyHash, String resultHash,
    SortedMap<String, Long> allocations, long unallocated, String previousHash, String hash) {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "none";

  /** Validates and copies the fields. */
  public LedgerEntry {
    Checks.nonNegative(index, "index");
    Checks.notNull(inputs, "inputs");
    Checks.notBlank(policyId, "policyId");
    Checks.notBlank(policyHash, "policyHash");
    Checks.notBlank(resultHash, "resultHash");
    TreeMap<String, Long> m = new TreeMap<>();
    for (Map.Entry<String, Long> e : Checks.notNull(allocations, "allocations").entrySet()) {
      Checks.notBlank(e.getKey(), "allocations key");
      m.put(e.getKey(), Checks.nonNegative(Checks.notNull(e.getValue(), "allocations." + e.getKey()),
          "allocations." + e.getKey()));
    }
    allocations = Collections.unmodifiableSortedMap(m);
    Checks.nonNegative(unallocated, "unallocated");
    Checks.notBlank(previousHash, "previousHash");
    Checks.notBlank(hash, "hash");
  }

  /**
   * Seals a finalized result into the entry that follows {@code previous}.
   *
   * @param previous the ledger's last entry, or null for the first
   * @param inputs the inputs the result was computed from
   * @param result the result
   */
  public static LedgerEntry seal(LedgerEntry previous, CycleInputs inputs, CycleResult result) {
    Checks.notNull(inputs, "inputs");
    Checks.notNull(result, "result");
    Checks.argument(inputs.cycle().equals(result.cycle()),
        "inputs.cycle (" + inputs.cycle().id() + ") must be the result's cycle (" + result.cycle().id() + ")");
    long index = previous == null ? 0 : previous.index() + 1;
    String prev = previous == null ? GENESIS : previous.hash();
    LedgerEntry draft = new LedgerEntry(index, inputs, result.policy().id(), policyHash(result.policy()),
        result.contentHash(), result.allocations(), result.unallocated(), prev, "pending");
    return draft.withHash(draft.computeHash());
  }

  /** SHA-256 (hex) of {@code policy}'s canonical form. */
  public static String policyHash(Policy policy) {
    return Hashing.hex(Hashing.sha256().digest(policy.canonicalForm().getBytes(StandardCharsets.UTF_8)));
  }

  /** The hash of this entry's canonical text, recomputed. */
  public String computeHash() {
    return Hashing.hex(Hashing.sha256().digest(LedgerCodec.body(this).getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@link #hash()} matches the entry's content. */
  public boolean hashIsValid() {
    return hash.equals(computeHash());
  }

  /** A copy with another recorded hash (used when reading entries back). */
  public LedgerEntry withHash(String value) {
    return new LedgerEntry(index, inputs, policyId, policyHash, resultHash, allocations, unallocated, previousHash,
        value);
  }

  /** The cycle's id. */
  public String cycleId() {
    return inputs.cycle().id();
  }
}
