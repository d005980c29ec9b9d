package dev.kat.bench;

import dev.kat.core.engine.ContributorState;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Synthetic contribution records for the benchmarks: deterministic from a seed, about one contributor per
 * ten records, shaped for {@link BenchPolicy}.
 *
 * <p>Record {@code i} depends only on the seed and {@code i}, so a stream of ten million records can be
 * generated lazily ({@link #stream}) without holding the record objects, or materialised ({@link #list}).
 * About 0.5 % of the records are malformed on purpose (unknown category, self-review, negative
 * attribute) so that admission has rejections to keep; about 1 % reuse the evidence of an earlier record,
 * 0.5 % evidence already recognised in {@link #prior()}, and 2 % are reciprocal sessions between a fixed
 * pair, so that guardrails have something to find.
 */
public final class BenchData {
  /** The cycle every generated record falls in: October 2026, sequence 1. */
  public static final Cycle CYCLE = Cycle.ofMonth(YearMonth.of(2026, 10), 1);

  private static final long SECONDS = CYCLE.end().getEpochSecond() - CYCLE.start().getEpochSecond();
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final int records;
  private final int contributors;
  private final long seed;
  private final String[] people;

  private BenchData(int records, long seed) {
    if (records <= 0) {
      throw new IllegalArgumentException("records (" + records + ") must be > 0");
    }
    this.records = records;
    this.contributors = Math.max(2, records / 10);
    this.seed = seed;
    this.people = new String[contributors];
    for (int p = 0; p < contributors; p++) {
      people[p] = "c" + p;
    }
  }

  /**
   * A data set of {@code records} records with {@code records / 10} contributors (at least 2).
   *
   * @throws IllegalArgumentException if {@code records} is not positive
   */
  public static BenchData of(int records, long seed) {
    return new BenchData(records, seed);
  }

  /** The number of records. */
  public int records() {
    return records;
  }

  /** The number of distinct contributors the records draw from. */
  public int contributors() {
    return contributors;
  }

  /** Record {@code i} (0-based). */
  public Contribution record(int i) {
    if (i < 0 || i >= records) {
      throw new IndexOutOfBoundsException("record index " + i + " outside [0, " + records + ")");
    }
    SplittableRandom rnd = new SplittableRandom(seed ^ (i * GOLDEN));
    int who = rnd.nextInt(contributors);
    int kind = rnd.nextInt(1000);
    String category;
    String role = Roles.DAO_MEMBER;
    int c = rnd.nextInt(100);
    if (c < 25) {
      category = "session_hosting";
    } else if (c < 45) {
      category = "session_participation";
    } else if (c < 60) {
      category = "documentation";
    } else if (c < 70) {
      category = "regeneration";
    } else if (c < 80) {
      category = "governance";
    } else if (c < 85) {
      category = "cross_dao";
    } else if (c < 95) {
      category = "operations";
    } else {
      category = "impact";
    }
    if ((category.equals("session_participation") || category.equals("regeneration")) && rnd.nextInt(4) == 0) {
      role = EXTERNAL[rnd.nextInt(EXTERNAL.length)];
    } else if (category.equals("session_hosting") && rnd.nextInt(10) == 0) {
      role = Roles.AMBASSADOR;
    }
    if (kind < 20) {
      // Reciprocal sessions between two fixed people, for the reciprocity and collusion detectors.
      who = kind & 1;
      category = "session_hosting";
      role = Roles.DAO_MEMBER;
    }
    long at = CYCLE.start().getEpochSecond() + (long) (rnd.nextDouble() * SECONDS);
    Contribution.Builder b = Contribution.builder("r" + i, people[who], category, role, Instant.ofEpochSecond(at))
        .dao("bench-dao")
        .workingGroup(BenchPolicy.WORKING_GROUPS[rnd.nextInt(BenchPolicy.WORKING_GROUPS.length)])
        .attribute("complexity", 1 + rnd.nextInt(5));
    switch (category) {
      case "session_hosting":
      case "session_participation":
        b.attribute("durationMinutes", 15 + rnd.nextInt(166));
        b.attribute("crossCultural", rnd.nextInt(3) == 0 ? 1 : 0);
        b.attribute("preparationEffort", rnd.nextInt(121));
        b.counterpart(kind < 20 ? people[1 - who] : people[other(rnd, who)]);
        break;
      case "documentation":
        b.attribute("preparationEffort", rnd.nextInt(121));
        break;
      case "regeneration":
      case "operations":
        b.attribute("durationMinutes", 15 + rnd.nextInt(166));
        break;
      case "impact":
        b.attribute("amount", 100 + rnd.nextInt(20_000));
        break;
      default:
        break;
    }
    if (kind >= 20 && kind < 30 && i > 0) {
      b.evidence("https://evidence.example/e/" + rnd.nextInt(i));
    } else if (kind >= 30 && kind < 35) {
      b.evidence("https://evidence.example/prior/" + rnd.nextInt(priorEvidence()));
    } else {
      b.evidence("https://evidence.example/e/" + i);
    }
    int reviewer = kind < 20 ? 1 - who : other(rnd, who);
    b.review(Review.approve(people[reviewer], 0.5 + rnd.nextInt(51) / 100.0));
    if (rnd.nextInt(4) == 0 && contributors > 2) {
      int second = other(rnd, who);
      if (second != reviewer) {
        b.review(Review.approve(people[second], 0.5 + rnd.nextInt(51) / 100.0));
      }
    }
    if (kind >= 995) {
      switch (kind) {
        case 995:
          return Contribution.builder("r" + i, people[who], "unknown_category", role, Instant.ofEpochSecond(at))
              .build();
        case 996:
          b.review(Review.approve(people[who]));
          break;
        default:
          b.attribute("complexity", -1);
          break;
      }
    }
    return b.build();
  }

  private int priorEvidence() {
    return Math.max(1, contributors / 10);
  }

  /**
   * The state left by the previous cycle (sequence 0): every contributor with karma between 0 and 500,
   * lifetime credit and KAT, and evidence keys that about 0.5 % of the records reuse.
   */
  public PriorState prior() {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    TreeMap<String, ContributorState> states = new TreeMap<>();
    for (String p : people) {
      long karma = rnd.nextLong(500_000_000L);
      long lifetime = karma + rnd.nextLong(2_000_000_000L);
      states.put(p, new ContributorState(p, karma, lifetime, rnd.nextLong(100_000L), lifetime / 2));
    }
    TreeSet<String> evidence = new TreeSet<>();
    for (int k = 0; k < priorEvidence(); k++) {
      evidence.add(Evidence.of("https://evidence.example/prior/" + k).key());
    }
    return new PriorState(0, states, evidence);
  }

  private int other(SplittableRandom rnd, int who) {
    int o = rnd.nextInt(contributors - 1);
    return o >= who ? o + 1 : o;
  }

  private static final String[] EXTERNAL = {
    Roles.COMMUNITY_COLLABORATOR, Roles.PARTNER, Roles.VOLUNTEER, Roles.USER_CUSTOMER, Roles.KAT_HOLDER
  };

  /** The records generated lazily, one at a time: a single pass holds none of them. */
  public Iterable<Contribution> stream() {
    return () -> new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < records;
      }

      @Override
      public Contribution next() {
        if (next >= records) {
          throw new NoSuchElementException();
        }
        return record(next++);
      }
    };
  }

  /** The records materialised as an immutable list of objects. */
  public List<Contribution> list() {
    List<Contribution> out = new ArrayList<>(records);
    for (Contribution c : stream()) {
      out.add(c);
    }
    return Collections.unmodifiableList(out);
  }
}
