package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.internal.EncodedAdmission;
import dev.kat.core.internal.Interner;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Records admitted from their canonical bytes ({@link EncodedAdmission}, what the CSV reader uses) give
 * exactly the batch of admitting the records themselves one at a time: same rows, columns, people,
 * canonical bytes and rejections, whatever the person hints.
 */
class EncodedAdmissionTest {
  private static final Policy HOSTING = Policy.builder("encoded-admission")
      .dao("dao-1")
      .category(CategorySpec.of("hosting", 10, Unit.PER_HOUR))
      .category(CategorySpec.of("docs", 8, Unit.PER_RECORD))
      .role(Roles.DAO_MEMBER, 1.0, false)
      .build();

  private static Policy xy() {
    return Fixtures.xy().modifier(new AttributeModifier("cx", "complexity", new TreeSet<>(), Curve.of(0, 1, 10, 2), 0))
        .build();
  }

  /** Records with every kind of rejection, identical copies, id conflicts and corrections, shuffled. */
  private static List<Contribution> records(int n, long seed) {
    Random rnd = new Random(seed);
    Instant t = Instant.parse("2026-10-02T09:00:00Z");
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(24);
      String category = kind == 0 ? "painting" : rnd.nextBoolean() ? "hosting" : "docs";
      Instant at = kind == 1 ? Instant.parse("2026-12-02T09:00:00Z") : t.plusSeconds(rnd.nextInt(20 * 86_400));
      if (kind == 14) {
        at = at.plusNanos(1 + rnd.nextInt(999_999_999));
      }
      Contribution.Builder b = Contribution.builder("r" + i, "p" + rnd.nextInt(40), category, Roles.DAO_MEMBER, at)
          .dao(kind == 8 ? "dao-2" : rnd.nextBoolean() ? "dao-1" : "")
          .workingGroup("wg" + rnd.nextInt(4))
          .attribute(kind == 9 ? "duration" : "durationMinutes", kind == 2 ? -5 : 15 + rnd.nextInt(200))
          .counterpart("p" + rnd.nextInt(40))
          .evidence("https://evidence.example/e/" + rnd.nextInt(500));
      if (kind == 10) {
        b.attribute("note", 3);
      }
      if (kind == 11) {
        b.evidence("ipfs://bafy" + i).evidence("https://evidence.example/e/x" + i);
      }
      if (kind == 3) {
        b.review(Review.approve(b.build().contributor()));
      } else if (kind == 4) {
        b.review(Review.reject("v1"));
      } else if (kind == 12) {
        b.review(Review.approve("v" + rnd.nextInt(9))).review(Review.approve("v" + rnd.nextInt(9), 0.25));
      } else if (kind == 13) {
        b.review(Review.approve("vé" + rnd.nextInt(3)));
      } else {
        b.review(Review.approve("v" + rnd.nextInt(9)));
      }
      if (kind == 5 && i > 0) {
        b.supersedes("r" + rnd.nextInt(i));
      }
      Contribution c = b.build();
      out.add(c);
      if (kind == 6) {
        out.add(c);
      } else if (kind == 7) {
        out.add(Contribution.builder(c.id(), c.contributor(), "docs", Roles.DAO_MEMBER, t).build());
      }
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  private static ContributionBatch oneByOne(Policy policy, Cycle cycle, List<Contribution> records) {
    ContributionBatch.Builder b = KatEngine.of(policy).newBatch(cycle);
    for (Contribution c : records) {
      b.add(c);
    }
    return b.build();
  }

  /** How {@link #encoded} gives person codes. */
  enum Codes {
    /** The codes of the batch's own table, as the CSV reader gives them (-1 for ids it does not hold). */
    TABLE,
    /** The table's codes for every other person, -1 for the rest. */
    SOME,
    /** -1 for everyone. */
    NONE,
    /** No code array. */
    ABSENT
  }

  /** Admits {@code records} from their canonical bytes in chunks of {@code chunk}, with person codes as {@code codes} says. */
  private static ContributionBatch encoded(Policy policy, Cycle cycle, List<Contribution> records, int chunk,
      Codes codes) {
    ContributionBatch.Builder b = KatEngine.of(policy).newBatch(cycle);
    Interner table = new Interner(1 << 17, EncodedAdmission.get().strings(b));
    int[] n = new int[1];
    ToIntFunction<String> code = p -> {
      byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
      boolean ascii = bytes.length == p.length();
      if (!ascii || codes == Codes.NONE || codes == Codes.SOME && n[0]++ % 2 == 0) {
        return -1;
      }
      table.intern(bytes, 0, bytes.length);
      return table.lastCode();
    };
    for (int from = 0; from < records.size(); from += chunk) {
      List<Contribution> part = records.subList(from, Math.min(records.size(), from + chunk));
      RecordCodec codec = new RecordCodec();
      int[] offsets = new int[part.size() + 1];
      List<Integer> people = new ArrayList<>();
      for (int i = 0; i < part.size(); i++) {
        Contribution c = part.get(i);
        codec.append(c);
        offsets[i + 1] = codec.length();
        people.add(code.applyAsInt(c.contributor()));
        c.counterparts().forEach(p -> people.add(code.applyAsInt(p)));
        c.reviews().forEach(r -> people.add(code.applyAsInt(r.reviewer())));
      }
      int[] h = codes == Codes.ABSENT ? null : people.stream().mapToInt(Integer::intValue).toArray();
      b.add(EncodedAdmission.get().prepare(b, codec.bytes(), offsets, part.size(), h));
    }
    return b.build();
  }

  static void assertSameBatch(ContributionBatch expected, ContributionBatch actual, String what) {
    assertEquals(expected.inputCount(), actual.inputCount(), what);
    assertEquals(expected.rows(), actual.rows(), what);
    assertEquals(expected.people(), actual.people(), what);
    for (int p = 0; p < expected.people(); p++) {
      assertEquals(expected.personId(p), actual.personId(p), what + ", person " + p);
    }
    assertEquals(expected.workingGroups(), actual.workingGroups(), what);
    for (int row = 0; row < expected.rows(); row++) {
      String at = what + ", row " + row;
      assertArrayEquals(expected.canonicalBytes(row), actual.canonicalBytes(row), at);
      assertEquals(expected.contentHash(row), actual.contentHash(row), at);
      assertEquals(expected.contributor(row), actual.contributor(row), at);
      assertEquals(expected.category(row), actual.category(row), at);
      assertEquals(expected.role(row), actual.role(row), at);
      assertEquals(expected.workingGroup(row), actual.workingGroup(row), at);
      assertEquals(expected.epochSecond(row), actual.epochSecond(row), at);
      for (String a : List.of("amount", "complexity", "durationMinutes")) {
        assertEquals(expected.attribute(row, a, -1), actual.attribute(row, a, -1), at + ", " + a);
      }
      assertEquals(expected.counterpartCount(row), actual.counterpartCount(row), at);
      for (int k = 0; k < expected.counterpartCount(row); k++) {
        assertEquals(expected.counterpart(row, k), actual.counterpart(row, k), at);
      }
      assertEquals(expected.reviewCount(row), actual.reviewCount(row), at);
      for (int k = 0; k < expected.reviewCount(row); k++) {
        assertEquals(expected.reviewer(row, k), actual.reviewer(row, k), at);
        assertEquals(expected.verdict(row, k), actual.verdict(row, k), at);
        assertEquals(Double.doubleToLongBits(expected.quality(row, k)), Double.doubleToLongBits(actual.quality(row, k)),
            at);
      }
      assertEquals(expected.evidenceCount(row), actual.evidenceCount(row), at);
      for (int k = 0; k < expected.evidenceCount(row); k++) {
        assertEquals(expected.evidenceHash(row, k), actual.evidenceHash(row, k), at);
      }
    }
    assertEquals(expected.rejections(), actual.rejections(), what);
    assertEquals(expected.bytesPerRow(), actual.bytesPerRow(), what);
  }

  @Test
  void encodedRecords_sameBatchAsRecords_whateverTheCodes() {
    List<Contribution> records = records(3_000, 5);
    ContributionBatch expected = oneByOne(HOSTING, Fixtures.OCTOBER, records);
    assertTrue(expected.rejections().size() > 100, "the data exercises rejections");
    for (Codes codes : Codes.values()) {
      assertSameBatch(expected, encoded(HOSTING, Fixtures.OCTOBER, records, 257, codes), codes.name());
      assertSameBatch(expected, encoded(HOSTING, Fixtures.OCTOBER, records, 1000, codes), codes.name());
    }
  }

  @Test
  void encodedRecords_mixedWithRecords_sameBatch() {
    List<Contribution> records = records(1_500, 6);
    ContributionBatch expected = oneByOne(HOSTING, Fixtures.OCTOBER, records);
    ContributionBatch.Builder b = KatEngine.of(HOSTING).newBatch(Fixtures.OCTOBER);
    for (int from = 0; from < records.size(); from += 100) {
      List<Contribution> part = records.subList(from, Math.min(records.size(), from + 100));
      if (from % 300 == 0) {
        part.forEach(b::add);
      } else if (from % 300 == 100) {
        b.add(b.prepare(part));
      } else {
        RecordCodec codec = new RecordCodec();
        int[] offsets = new int[part.size() + 1];
        for (int i = 0; i < part.size(); i++) {
          codec.append(part.get(i));
          offsets[i + 1] = codec.length();
        }
        b.add(EncodedAdmission.get().prepare(b, codec.bytes(), offsets, part.size(), null));
      }
    }
    assertSameBatch(expected, b.build(), "mixed");
  }

  /**
   * Records prepared from bytes and added twice are admitted as the records added twice (the second time
   * every admitted one is an identical copy), also when a later chunk, prepared in between, reuses what
   * preparing the first one found.
   */
  @Test
  void encodedRecords_addedTwice_asRecordsAddedTwice() {
    List<Contribution> first = records(400, 8);
    List<Contribution> second = records(400, 9).stream().map(c -> c.withId("b-" + c.id())).toList();
    List<Contribution> all = new ArrayList<>(first);
    all.addAll(first);
    all.addAll(second);
    ContributionBatch expected = oneByOne(HOSTING, Fixtures.OCTOBER, all);
    ContributionBatch.Builder b = KatEngine.of(HOSTING).newBatch(Fixtures.OCTOBER);
    ContributionBatch.Prepared p1 = prepared(b, first);
    b.add(p1);
    ContributionBatch.Prepared p2 = prepared(b, second);
    b.add(p1);
    b.add(p2);
    assertSameBatch(expected, b.build(), "added twice");
  }

  /** {@code records} prepared from their canonical bytes, without person codes. */
  private static ContributionBatch.Prepared prepared(ContributionBatch.Builder b, List<Contribution> records) {
    RecordCodec codec = new RecordCodec();
    int[] offsets = new int[records.size() + 1];
    for (int i = 0; i < records.size(); i++) {
      codec.append(records.get(i));
      offsets[i + 1] = codec.length();
    }
    return EncodedAdmission.get().prepare(b, codec.bytes(), offsets, records.size(), null);
  }

  @Provide
  Arbitrary<List<Contribution>> varied() {
    return RowStoreProperties.contribution().list().ofMinSize(1).ofMaxSize(60)
        .map(l -> {
          List<Contribution> out = new ArrayList<>(l);
          // repeats: identical copies and conflicting versions of some ids
          for (int i = 0; i < l.size(); i += 7) {
            out.add(l.get(i));
            out.add(l.get(i).withContributor("p3"));
          }
          return out;
        });
  }

  @Property(tries = 200)
  void encodedRecords_ofAnyShape_sameBatchAsRecords(@ForAll("varied") List<Contribution> records,
      @ForAll @IntRange(min = 1, max = 20) int chunk) {
    ContributionBatch expected = oneByOne(xy(), Fixtures.OCTOBER, records);
    assertSameBatch(expected, encoded(xy(), Fixtures.OCTOBER, records, chunk, Codes.TABLE), "table codes");
    assertSameBatch(expected, encoded(xy(), Fixtures.OCTOBER, records, chunk, Codes.SOME), "some codes");
  }

  @Test
  void prepare_badArguments_failNamingThem() {
    ContributionBatch.Builder b = KatEngine.of(HOSTING).newBatch(Fixtures.OCTOBER);
    byte[] one = RecordCodec.encode(records(1, 1).get(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EncodedAdmission.get().prepare(b, one, new int[] {0, one.length}, 2, null));
    assertTrue(e.getMessage().startsWith("count (2)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EncodedAdmission.get().prepare(b, one, new int[] {0, one.length}, 1, new int[] {-1, -1, -1, -1, -1}));
    assertTrue(e.getMessage().contains("personCodes has 5 codes"), e.getMessage());
    // a code the batch's table never gave is an error, found before anything is admitted
    EncodedAdmission.get().strings(b);
    byte[] good = RecordCodec.encode(Contribution.builder("r1", "p1", "docs", Roles.DAO_MEMBER,
        Instant.parse("2026-10-02T09:00:00Z")).review(Review.approve("v1")).build());
    e = assertThrows(IllegalArgumentException.class,
        () -> EncodedAdmission.get().prepare(b, good, new int[] {0, good.length}, 1, new int[] {99, -1}));
    assertEquals("personCodes[0] (99) is not a code of this batch's string table (0 strings) nor -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EncodedAdmission.get().prepare(b, good, new int[] {0, good.length}, 1, new int[] {-1, -2}));
    assertTrue(e.getMessage().startsWith("personCodes[1] (-2)"), e.getMessage());
    b.add(EncodedAdmission.get().prepare(b, good, new int[] {0, good.length}, 1, new int[] {-1, -1}));
    assertEquals(1, b.build().rows(), "nothing half-admitted before");
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> EncodedAdmission.register(EncodedAdmission.get()));
    assertEquals("encoded admission is registered already", twice.getMessage());
    ContributionBatch.Builder other = KatEngine.of(HOSTING).newBatch(Fixtures.OCTOBER);
    ContributionBatch.Prepared p = EncodedAdmission.get().prepare(other, one, new int[] {0, one.length}, 1, null);
    assertThrows(IllegalArgumentException.class, () -> b.add(p));
  }
}
