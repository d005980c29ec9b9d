package dev.kat.core.sim;

import dev.kat.core.model.Cycle;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What a strategy sees of a cycle: the cycle itself, the work vocabulary, the identities of the
 * population (to pick counterparts and reviewers from), and helpers for record ids and times. One
 * context serves a whole cycle of a run; not thread-safe.
 */
public final class CycleContext {
  private final WorkModel work;
  private Cycle cycle;
  private int index;
  private String[] identities = new String[16];
  private int identityCount;
  private long cycleSeconds;

  CycleContext(WorkModel work) {
    this.work = work;
  }

  void start(Cycle c, int cycleIndex) {
    this.cycle = c;
    this.index = cycleIndex;
    this.cycleSeconds = c.end().getEpochSecond() - c.start().getEpochSecond();
  }

  void clearIdentities() {
    identityCount = 0;
  }

  void addIdentity(String id) {
    if (identityCount == identities.length) {
      identities = java.util.Arrays.copyOf(identities, identities.length * 2);
    }
    identities[identityCount++] = id;
  }

  /** The cycle being simulated. */
  public Cycle cycle() {
    return cycle;
  }

  /** The cycle's position in the run, 0-based. */
  public int cycleIndex() {
    return index;
  }

  /** The categories and role the built-in strategies use. */
  public WorkModel work() {
    return work;
  }

  /** The number of identities of active agents. */
  public int identityCount() {
    return identityCount;
  }

  /**
   * An identity of an active agent chosen uniformly with {@code random}, other than {@code self}, or null
   * when there is no other identity.
   */
  public String otherIdentity(SplittableRandom random, String self) {
    if (identityCount == 0 || (identityCount == 1 && identities[0].equals(self))) {
      return null;
    }
    while (true) {
      String id = identities[random.nextInt(identityCount)];
      if (!id.equals(self)) {
        return id;
      }
    }
  }

  /** A record id unique within the run: {@code identity/cycleId/n}, where n counts the agent's records. */
  public String recordId(Agent agent, String identity) {
    return identity + "/" + cycle.id() + "/" + (agent.recordSeq++);
  }

  /** An instant drawn uniformly inside the cycle. */
  public Instant anyTime(SplittableRandom random) {
    return cycle.start().plusSeconds(random.nextLong(cycleSeconds));
  }

  /** An instant drawn uniformly inside the last {@code hours} hours of the cycle (clamped to the cycle). */
  public Instant lateTime(SplittableRandom random, int hours) {
    long window = Math.max(1, Math.min(cycleSeconds, hours * 3600L));
    return cycle.end().minusSeconds(1 + random.nextLong(window));
  }
}
