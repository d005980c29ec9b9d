package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.model.Verdict;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The batch's compact row store gives back exactly the canonical bytes of every record it was given. */
class RowStoreProperties {
  private static final Cycle CYCLE = Fixtures.OCTOBER;
  /** A cycle longer than an {@code int} of seconds, so times are kept as {@code long}s. */
  private static final Cycle LONG_CYCLE = new Cycle("century", 0, Instant.parse("1950-01-01T00:00:00Z"),
      Instant.parse("2100-01-01T00:00:00Z"));

  private static Policy policy() {
    return Fixtures.xy().modifier(new AttributeModifier("cx", "complexity", new TreeSet<>(), Curve.of(0, 1, 10, 2), 0))
        .build();
  }

  /** Text with digits, leading zeros, slashes and non-ASCII characters, to exercise the head/tail split. */
  static Arbitrary<String> text() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab/é").ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(22),
        Arbitraries.of("https://evidence.example/e/", "r", "0", "00", "/", "\uD83D\uDE00", "9223372036854775807"));
    return piece.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
  }

  static Arbitrary<Double> value() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(i -> (double) i),
        Arbitraries.doubles().between(0, 1e6), Arbitraries.of(-0.0, 0.5, 1e300, 4503599627370496.0, 9.007199254740993E15));
  }

  static Arbitrary<Review> review() {
    return Combinators.combine(Arbitraries.of("p1", "p2", "p3", "x9"), Arbitraries.of(Verdict.class),
        Arbitraries.of(0.5, 0.57, 0.5 + 0.07, 1.0, 0.0, -0.0).injectNull(0.4), text())
        .as((who, verdict, quality, dup) -> new Review(who, verdict,
            quality == null ? OptionalDouble.empty() : OptionalDouble.of(quality),
            verdict == Verdict.DUPLICATE ? dup : null));
  }

  @Provide
  static Arbitrary<Contribution> contribution() {
    Arbitrary<Map<String, Double>> attributes = Arbitraries.maps(
        Arbitraries.oneOf(Arbitraries.of("amount", "complexity", "zeta", "aaa", "durationMinutes"), text()), value())
        .ofMaxSize(5);
    Arbitrary<Instant> time = Combinators.combine(Arbitraries.longs().between(0, 30L * 86_400),
        Arbitraries.integers().between(0, 999_999_999).injectDuplicates(0.0).edgeCases(e -> e.add(0)))
        .as((s, n) -> CYCLE.start().plusSeconds(s).plusNanos(n % 3 == 0 ? 0 : n));
    Arbitrary<Evidence> evidence = Combinators.combine(text(), Arbitraries.of("abc0123", "ff").injectNull(0.6))
        .as(Evidence::new);
    // One id longer than 15 bytes: batches naming that person keep ids packed with offsets, not in slots.
    return Combinators.combine(text(), Arbitraries.of("p1", "p2", "c7", "p1", "p2", "c7", "person-id-longer-than-15-bytes-é"), Arbitraries.of("", "dao-1", "other"),
        Arbitraries.of("", "wg/1", "wg2"), Arbitraries.of("x", "y"), time, attributes,
        Combinators.combine(Arbitraries.of("p1", "p2", "p3", "q").list().ofMaxSize(3),
            evidence.list().ofMaxSize(5), review().list().ofMaxSize(4), text().injectNull(0.6))
            .as((a, b, c, d) -> Arrays.asList(a, b, c, d)))
        .as((id, who, dao, wg, cat, at, attrs, rest) -> {
          @SuppressWarnings("unchecked")
          List<String> cps = (List<String>) rest.get(0);
          @SuppressWarnings("unchecked")
          List<Evidence> ev = (List<Evidence>) rest.get(1);
          @SuppressWarnings("unchecked")
          List<Review> rv = (List<Review>) rest.get(2);
          String sup = (String) rest.get(3);
          return new Contribution(id, who, dao, wg, cat, Roles.DAO_MEMBER, at, new TreeMap<>(attrs), cps, ev, rv,
              id.equals(sup) ? null : sup);
        });
  }

  @Property(tries = 60)
  void canonicalBytes_equalTheRecordsEncoding(@ForAll("records") List<Contribution> records,
      @ForAll boolean concurrentFreeze) {
    check(CYCLE, records, concurrentFreeze);
  }

  @Property(tries = 20)
  void canonicalBytes_equalTheRecordsEncoding_inACycleLongerThanAnIntOfSeconds(
      @ForAll("records") List<Contribution> records) {
    check(LONG_CYCLE, records, false);
  }

  @Provide
  Arbitrary<List<Contribution>> records() {
    return contribution().list().ofMinSize(1).ofMaxSize(40);
  }

  /** Checks the rows of a store given {@code records}, frozen with the lists permuted on the pool or not. */
  private static void check(Cycle cycle, List<Contribution> records, boolean concurrentFreeze) {
    Policy policy = policy();
    RowStore store = new RowStore(cycle, policy);
    for (Contribution c : records) {
      store.append(c, hash(c), c.category().equals("x") ? 0 : 1, List.copyOf(policy.roles().keySet()).indexOf(c.role()));
    }
    assertRows(store, records);
    boolean[] live = new boolean[records.size()];
    List<Contribution> kept = new ArrayList<>();
    for (int i = 0; i < live.length; i++) {
      live[i] = i % 3 != 1;
      if (live[i]) {
        kept.add(records.get(i));
      }
    }
    store.retain(live);
    store.freeze(concurrentFreeze);
    // Frozen rows are in canonical order: content hash (signed), then canonical bytes, then arrival.
    kept.sort(Comparator.comparingLong(RowStoreProperties::hash)
        .thenComparing((x, y) -> Arrays.compare(RecordCodec.encode(x), RecordCodec.encode(y))));
    assertRows(store, kept);
    assertEquals(-1, store.people.find("nobody at all"));
    // Frozen, the content hash is computed again from the canonical bytes (not the stand-in given).
    for (int r = 0; r < kept.size(); r++) {
      byte[] bytes = RecordCodec.encode(kept.get(r));
      assertEquals(Hashing.hash64(bytes, 0, bytes.length), store.contentHash(r), "row " + r);
    }
  }

  /**
   * Stand-in content hashes with both signs, the extremes, many ties (so that the tie-break by bytes is
   * exercised), and pairs that differ only in their lowest bits (which the sort leaves to its tie-break).
   */
  private static final long[] HASHES = {-1, 0, 1, 2, 3, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE,
      Long.MAX_VALUE - 1, 0x1234_5678_0000_0000L, 0x1234_5678_0000_0003L, -64, -61, 1L << 40, (1L << 40) + 1};

  private static long hash(Contribution c) {
    return HASHES[Math.floorMod(c.id().hashCode(), HASHES.length)];
  }

  /** Thousands of rows with hashes drawn from few values and from all 64 bits sort as the property says. */
  @net.jqwik.api.Example
  void freeze_manyRows_sortByHashThenBytesThenArrival() {
    freezeManyRows(false);
    freezeManyRows(true);
  }

  /** The example above, the lists permuted on the pool while the columns are permuted, or not. */
  private static void freezeManyRows(boolean concurrentFreeze) {
    Policy policy = policy();
    RowStore store = new RowStore(CYCLE, policy);
    java.util.Random random = new java.util.Random(7);
    List<Contribution> records = new ArrayList<>();
    List<Long> hashes = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Contribution c = new Contribution("r" + (i % 4000), "p" + i % 7, "", "", i % 2 == 0 ? "x" : "y", Roles.DAO_MEMBER,
          CYCLE.start().plusSeconds(i), new TreeMap<>(), List.of(), List.of(), List.of(), null);
      long h = i % 5 == 0 ? HASHES[random.nextInt(HASHES.length)] : random.nextLong();
      records.add(c);
      hashes.add(h);
      store.append(c, h, i % 2, 0);
    }
    store.freeze(concurrentFreeze);
    Integer[] order = new Integer[records.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> hashes.get(i))
        .thenComparing((x, y) -> Arrays.compare(RecordCodec.encode(records.get(x)), RecordCodec.encode(records.get(y)))));
    for (int r = 0; r < order.length; r++) {
      assertEquals(records.get(order[r]), store.record(r), "row " + r);
    }
  }

  private static void assertRows(RowStore store, List<Contribution> records) {
    assertEquals(records.size(), store.rows());
    RecordCodec out = new RecordCodec();
    for (int r = 0; r < records.size(); r++) {
      Contribution c = records.get(r);
      out.reset();
      store.appendCanonical(r, out);
      assertArrayEquals(RecordCodec.encode(c), Arrays.copyOf(out.bytes(), out.length()), "row " + r);
      assertEquals(c, store.record(r));
      assertEquals(c.id(), store.recordId(r));
      assertEquals(c.occurredAt().getEpochSecond(), store.epochSecond(r));
      assertEquals(c.reviews().size(), store.reviewCount(r));
      for (int k = 0; k < c.evidence().size(); k++) {
        assertEquals(c.evidence().get(k).key(), store.evidenceKey(r, k));
      }
      for (int k = 0; k < c.reviews().size(); k++) {
        OptionalDouble q = c.reviews().get(k).quality();
        assertEquals(q.isPresent() ? q.getAsDouble() : Double.NaN, store.quality(r, k));
      }
      assertEquals(c.evidence().size(), store.evidenceCount(r));
      for (int k = 0; k < c.evidence().size(); k++) {
        assertEquals(Hashing.hash64(c.evidence().get(k).key()), store.evidenceHash(r, k), "row " + r + " evidence " + k);
      }
      assertEquals(c.contributor(), store.people.value(store.person(r)));
      assertEquals(store.person(r), store.people.find(c.contributor()));
      for (int k = 0; k < c.reviews().size(); k++) {
        assertEquals(c.reviews().get(k).reviewer(), store.people.value(store.reviewer(r, k)));
      }
      Double amount = c.attributes().get("amount");
      assertEquals(amount == null ? Double.NaN : amount, store.attributeColumn("amount").get(r));
    }
  }
}
