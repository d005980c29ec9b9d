package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import java.util.SplittableRandom;

/**
 * The built-in agent strategies: one honest contributor and six ways of gaming recognition. Each is an
 * immutable value (equal settings are equal strategies). Records are submitted in the categories of the
 * context's {@link WorkModel}; when it asks for evidence, session and documentation records carry a unique
 * evidence reference (review records carry none), while the volume farmer always reuses three.
 *
 * <table>
 *   <caption>Built-in strategies</caption>
 *   <tr><th>factory</th><th>identities</th><th>what it submits each cycle</th></tr>
 *   <tr><td>{@link #honest}</td><td>1</td><td>a Poisson number of records: hosted sessions of 30–180
 *       minutes with a random counterpart, or documentation of 1–4 hours; claims what it worked</td></tr>
 *   <tr><td>{@link #volumeFarmer}</td><td>1</td><td>many trivial documentation records (6 minutes of work
 *       each) whose evidence is reused from three templates</td></tr>
 *   <tr><td>{@link #sessionSwappingPair}</td><td>2</td><td>two-hour sessions hosted for each other, back and
 *       forth (15 minutes of real work each)</td></tr>
 *   <tr><td>{@link #collusionRing}</td><td>n</td><td>two-hour sessions hosted for fellow members, each
 *       approved by another member with top quality; no real work</td></tr>
 *   <tr><td>{@link #sybilSplitter}</td><td>n</td><td>honest work spread round-robin over n identities
 *       to slip under per-contributor caps</td></tr>
 *   <tr><td>{@link #rubberStampReviewer}</td><td>1</td><td>many review records of two minutes each,
 *       approving whatever it is shown</td></tr>
 *   <tr><td>{@link #lateBurstSubmitter}</td><td>1</td><td>three-hour session claims all in the cycle's
 *       last six hours, for one hour of real work each</td></tr>
 * </table>
 */
public final class Strategies {
  private Strategies() {}

  /** Label of {@link #honest}. */
  public static final String HONEST = "honest";
  /** Label of {@link #volumeFarmer}. */
  public static final String VOLUME_FARMER = "volume-farmer";
  /** Label of {@link #sessionSwappingPair}. */
  public static final String SESSION_SWAPPING_PAIR = "session-swapping-pair";
  /** Label of {@link #collusionRing}. */
  public static final String COLLUSION_RING = "collusion-ring";
  /** Label of {@link #sybilSplitter}. */
  public static final String SYBIL_SPLITTER = "sybil-splitter";
  /** Label of {@link #rubberStampReviewer}. */
  public static final String RUBBER_STAMP_REVIEWER = "rubber-stamp-reviewer";
  /** Label of {@link #lateBurstSubmitter}. */
  public static final String LATE_BURST_SUBMITTER = "late-burst-submitter";

  /**
   * An honest contributor submitting on average {@code recordsPerCycle} records.
   *
   * @param recordsPerCycle mean records per cycle, finite and &gt;= 0
   */
  public static Strategy honest(double recordsPerCycle) {
    return new Honest(Checks.nonNegative(recordsPerCycle, "recordsPerCycle"));
  }

  /** An honest contributor with three records per cycle on average. */
  public static Strategy honest() {
    return honest(3);
  }

  /**
   * A volume farmer submitting {@code recordsPerCycle} trivial records.
   *
   * @param recordsPerCycle &gt;= 0
   */
  public static Strategy volumeFarmer(int recordsPerCycle) {
    return new VolumeFarmer(count(recordsPerCycle, "recordsPerCycle"));
  }

  /** A volume farmer with 40 records per cycle. */
  public static Strategy volumeFarmer() {
    return volumeFarmer(40);
  }

  /**
   * A pair hosting {@code sessionsEach} sessions for each other per cycle.
   *
   * @param sessionsEach &gt;= 0
   */
  public static Strategy sessionSwappingPair(int sessionsEach) {
    return new SessionSwappingPair(count(sessionsEach, "sessionsEach"));
  }

  /** A session-swapping pair with eight sessions each per cycle. */
  public static Strategy sessionSwappingPair() {
    return sessionSwappingPair(8);
  }

  /**
   * A collusion ring of {@code size} members, each hosting {@code sessionsPerMember} sessions for the
   * others per cycle.
   *
   * @param size members, &gt;= 2
   * @param sessionsPerMember &gt;= 0
   */
  public static Strategy collusionRing(int size, int sessionsPerMember) {
    Checks.argument(size >= 2, "size (" + size + ") must be >= 2");
    return new CollusionRing(size, count(sessionsPerMember, "sessionsPerMember"));
  }

  /** A collusion ring of {@code size} members with six sessions per member per cycle. */
  public static Strategy collusionRing(int size) {
    return collusionRing(size, 6);
  }

  /**
   * A contributor splitting honest work of {@code recordsPerCycle} records on average over {@code
   * identities} identities.
   *
   * @param identities &gt;= 2
   * @param recordsPerCycle finite and &gt;= 0
   */
  public static Strategy sybilSplitter(int identities, double recordsPerCycle) {
    Checks.argument(identities >= 2, "identities (" + identities + ") must be >= 2");
    return new SybilSplitter(identities, Checks.nonNegative(recordsPerCycle, "recordsPerCycle"));
  }

  /** A sybil splitter with four identities and twelve records per cycle. */
  public static Strategy sybilSplitter() {
    return sybilSplitter(4, 12);
  }

  /**
   * A reviewer claiming {@code reviewsPerCycle} two-minute reviews per cycle.
   *
   * @param reviewsPerCycle &gt;= 0
   */
  public static Strategy rubberStampReviewer(int reviewsPerCycle) {
    return new RubberStampReviewer(count(reviewsPerCycle, "reviewsPerCycle"));
  }

  /** A rubber-stamp reviewer with 60 reviews per cycle. */
  public static Strategy rubberStampReviewer() {
    return rubberStampReviewer(60);
  }

  /**
   * A contributor submitting {@code recordsPerCycle} inflated session records at the very end of each
   * cycle.
   *
   * @param recordsPerCycle &gt;= 0
   */
  public static Strategy lateBurstSubmitter(int recordsPerCycle) {
    return new LateBurstSubmitter(count(recordsPerCycle, "recordsPerCycle"));
  }

  /** A late-burst submitter with ten records per cycle. */
  public static Strategy lateBurstSubmitter() {
    return lateBurstSubmitter(10);
  }

  private static int count(int value, String name) {
    Checks.argument(value >= 0, name + " (" + value + ") must be >= 0");
    return value;
  }

  /** A Poisson draw with the given mean (Knuth's method below 30, a rounded normal above). */
  static int poisson(SplittableRandom random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double g = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble()
          + random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble()
          + random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 6.0;
      return (int) Math.max(0, Math.round(mean + g * Math.sqrt(mean)));
    }
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }

  /** Adds the unique evidence reference {@code ev:<recordId>} when the work model asks for evidence. */
  static Contribution.Builder evidence(Contribution.Builder b, WorkModel w, String recordId) {
    return w.evidence() ? b.evidence("ev:" + recordId) : b;
  }

  /** One honest record by {@code identity}: a session or documentation; declares the hours worked. */
  static void honestRecord(Agent agent, String identity, CycleContext ctx, RecordSink sink) {
    SplittableRandom rnd = agent.random();
    WorkModel w = ctx.work();
    String id = ctx.recordId(agent, identity);
    if (rnd.nextInt(10) < 6) {
      int minutes = 30 + rnd.nextInt(151);
      Contribution.Builder b = evidence(Contribution.builder(id, identity, w.sessionCategory(), w.role(),
          ctx.anyTime(rnd)).attribute("durationMinutes", minutes), w, id);
      String counterpart = ctx.otherIdentity(rnd, identity);
      if (counterpart != null) {
        b.counterpart(counterpart);
      }
      sink.submit(b.build());
      sink.work(minutes / 60.0);
    } else {
      double hours = 1 + 3 * rnd.nextDouble();
      sink.submit(evidence(Contribution.builder(id, identity, w.documentationCategory(), w.role(), ctx.anyTime(rnd)),
          w, id).build());
      sink.work(hours);
    }
  }

  private record Honest(double recordsPerCycle) implements Strategy {
    @Override
    public String name() {
      return HONEST;
    }

    @Override
    public boolean gaming() {
      return false;
    }

    @Override
    public int identities() {
      return 1;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      int n = poisson(agent.random(), recordsPerCycle);
      for (int i = 0; i < n; i++) {
        honestRecord(agent, agent.identity(0), context, sink);
      }
    }
  }

  private record VolumeFarmer(int recordsPerCycle) implements Strategy {
    @Override
    public String name() {
      return VOLUME_FARMER;
    }

    @Override
    public boolean gaming() {
      return true;
    }

    @Override
    public int identities() {
      return 1;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      String me = agent.identity(0);
      WorkModel w = context.work();
      for (int i = 0; i < recordsPerCycle; i++) {
        String id = context.recordId(agent, me);
        sink.submit(Contribution.builder(id, me, w.documentationCategory(), w.role(), context.anyTime(agent.random()))
            .evidence("ev:" + me + "/template-" + (i % 3)).build());
        sink.work(0.1);
      }
    }
  }

  private record SessionSwappingPair(int sessionsEach) implements Strategy {
    @Override
    public String name() {
      return SESSION_SWAPPING_PAIR;
    }

    @Override
    public boolean gaming() {
      return true;
    }

    @Override
    public int identities() {
      return 2;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      WorkModel w = context.work();
      for (int i = 0; i < sessionsEach; i++) {
        for (int k = 0; k < 2; k++) {
          String host = agent.identity(k);
          String id = context.recordId(agent, host);
          sink.submit(evidence(Contribution.builder(id, host, w.sessionCategory(), w.role(),
              context.anyTime(agent.random())).attribute("durationMinutes", 120).counterpart(agent.identity(1 - k)),
              w, id).build());
          sink.work(0.25);
        }
      }
    }
  }

  private record CollusionRing(int size, int sessionsPerMember) implements Strategy {
    @Override
    public String name() {
      return COLLUSION_RING;
    }

    @Override
    public boolean gaming() {
      return true;
    }

    @Override
    public int identities() {
      return size;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      WorkModel w = context.work();
      for (int m = 0; m < size; m++) {
        String host = agent.identity(m);
        for (int s = 0; s < sessionsPerMember; s++) {
          String guest = agent.identity((m + 1 + s % (size - 1)) % size);
          String approver = agent.identity((m + size - 1) % size);
          String id = context.recordId(agent, host);
          sink.submit(evidence(Contribution.builder(id, host, w.sessionCategory(), w.role(),
              context.anyTime(agent.random())).attribute("durationMinutes", 120).counterpart(guest)
              .review(Review.approve(approver, 1.0)), w, id).build());
        }
      }
    }
  }

  private record SybilSplitter(int identities, double recordsPerCycle) implements Strategy {
    @Override
    public String name() {
      return SYBIL_SPLITTER;
    }

    @Override
    public boolean gaming() {
      return true;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      int n = poisson(agent.random(), recordsPerCycle);
      for (int i = 0; i < n; i++) {
        honestRecord(agent, agent.identity(i % identities), context, sink);
      }
    }
  }

  private record RubberStampReviewer(int reviewsPerCycle) implements Strategy {
    @Override
    public String name() {
      return RUBBER_STAMP_REVIEWER;
    }

    @Override
    public boolean gaming() {
      return true;
    }

    @Override
    public int identities() {
      return 1;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      String me = agent.identity(0);
      WorkModel w = context.work();
      SplittableRandom rnd = agent.random();
      for (int i = 0; i < reviewsPerCycle; i++) {
        String id = context.recordId(agent, me);
        Contribution.Builder b = Contribution.builder(id, me, w.reviewCategory(), w.role(), context.anyTime(rnd))
            .attribute("durationMinutes", 2).attribute("approved", 1);
        String author = context.otherIdentity(rnd, me);
        if (author != null) {
          b.counterpart(author);
        }
        sink.submit(b.build());
        sink.work(2 / 60.0);
      }
    }
  }

  private record LateBurstSubmitter(int recordsPerCycle) implements Strategy {
    @Override
    public String name() {
      return LATE_BURST_SUBMITTER;
    }

    @Override
    public boolean gaming() {
      return true;
    }

    @Override
    public int identities() {
      return 1;
    }

    @Override
    public void act(Agent agent, CycleContext context, RecordSink sink) {
      String me = agent.identity(0);
      WorkModel w = context.work();
      SplittableRandom rnd = agent.random();
      for (int i = 0; i < recordsPerCycle; i++) {
        String id = context.recordId(agent, me);
        Contribution.Builder b = Contribution.builder(id, me, w.sessionCategory(), w.role(), context.lateTime(rnd, 6))
            .attribute("durationMinutes", 180);
        evidence(b, w, id);
        String counterpart = context.otherIdentity(rnd, me);
        if (counterpart != null) {
          b.counterpart(counterpart);
        }
        sink.submit(b.build());
        sink.work(1.0);
      }
    }
  }
}
