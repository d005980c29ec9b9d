package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The canonical record encoding loses nothing and is canonical. */
class RecordCodecProperties {

  /** Text of well-formed Unicode: ASCII, Latin-1, CJK, emoji (surrogate pairs), separators. */
  static Arbitrary<String> text(int minLength) {
    Arbitrary<Integer> codePoint = Arbitraries.oneOf(
        Arbitraries.integers().between('a', 'z'),
        Arbitraries.integers().between(0xC0, 0xFF),
        Arbitraries.integers().between(0x4E00, 0x4E40),
        Arbitraries.integers().between(0x1F600, 0x1F64F),
        Arbitraries.of((int) ' ', (int) ';', (int) ',', (int) '"', 0));
    return codePoint.list().ofMinSize(minLength).ofMaxSize(8)
        .map(cps -> cps.stream().map(Character::toString).reduce("", String::concat))
        .filter(s -> minLength == 0 || !s.isBlank());
  }

  static Arbitrary<Double> anyDouble() {
    return Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, -1e-300));
  }

  static Arbitrary<Review> review() {
    return Combinators.combine(text(1), Arbitraries.of(Verdict.class),
        Arbitraries.doubles().between(0, 1).injectNull(0.5), text(1))
        .as((who, verdict, quality, dup) -> new Review(who, verdict,
            quality == null ? OptionalDouble.empty() : OptionalDouble.of(quality),
            verdict == Verdict.DUPLICATE ? dup : null));
  }

  static Arbitrary<Evidence> evidence() {
    return Combinators.combine(text(1), text(1).injectNull(0.5)).as(Evidence::new);
  }

  @Provide
  static Arbitrary<Contribution> contribution() {
    Arbitrary<List<String>> head = text(1).list().ofSize(6)
        .map(l -> List.of(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5)));
    Arbitrary<List<String>> optional = text(0).list().ofSize(2);
    Arbitrary<Instant> time = Combinators.combine(
        Arbitraries.longs().between(-50_000_000_000L, 50_000_000_000L), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<Map<String, Double>> attributes = Arbitraries.maps(text(1), anyDouble()).ofMaxSize(5);
    return Combinators.combine(head, optional, time, attributes, text(1).list().ofMaxSize(3),
        evidence().list().ofMaxSize(3), review().list().ofMaxSize(4), text(1).injectNull(0.5))
        .as((h, opt, t, attrs, cps, ev, rv, sup) -> new Contribution(h.get(0), h.get(1), opt.get(0), opt.get(1),
            h.get(2), h.get(3), t, new TreeMap<>(attrs), cps, ev, rv, h.get(0).equals(sup) ? null : sup));
  }

  @Property(tries = 300)
  void decode_ofEncode_isTheSameRecord(@ForAll("contribution") Contribution c) {
    byte[] bytes = RecordCodec.encode(c);
    Contribution back = RecordCodec.decode(bytes, 0);
    assertEquals(c, back);
    assertArrayEquals(bytes, RecordCodec.encode(back));
    assertEquals(bytes.length, RecordCodec.end(bytes, 0));
    assertEquals(c.id(), RecordCodec.decodeId(bytes, 0));
  }

  @Property(tries = 60)
  void arena_holdsManyRecordsBackToBack(@ForAll @Size(max = 8) List<@net.jqwik.api.From("contribution") Contribution> records) {
    RecordCodec arena = new RecordCodec();
    int[] starts = new int[records.size()];
    for (int i = 0; i < records.size(); i++) {
      starts[i] = arena.append(records.get(i));
    }
    for (int i = 0; i < records.size(); i++) {
      assertEquals(records.get(i), RecordCodec.decode(arena.bytes(), starts[i]));
      assertEquals(i + 1 < starts.length ? starts[i + 1] : arena.length(), RecordCodec.end(arena.bytes(), starts[i]));
      assertEquals(Boolean.TRUE, RecordCodec.idEquals(arena.bytes(), starts[i], records.get(i).id()));
    }
  }

  @Property(tries = 300)
  void encoding_ignoresTheOrderPartsWereGivenIn(@ForAll("contribution") Contribution c) {
    List<String> cps = new java.util.ArrayList<>(c.counterparts());
    List<Evidence> ev = new java.util.ArrayList<>(c.evidence());
    List<Review> rv = new java.util.ArrayList<>(c.reviews());
    Collections.reverse(cps);
    Collections.reverse(ev);
    Collections.reverse(rv);
    Contribution reordered = new Contribution(c.id(), c.contributor(), c.dao(), c.workingGroup(), c.category(),
        c.role(), c.occurredAt(), new TreeMap<>(Collections.reverseOrder()) {
          private static final long serialVersionUID = 1L;

          {
            putAll(c.attributes());
          }
        }, cps, ev, rv, c.supersedes());
    assertEquals(c, reordered);
    assertArrayEquals(RecordCodec.encode(c), RecordCodec.encode(reordered));
  }
  @Property(tries = 300)
  void putDecimal_writesLongToString(@ForAll long v) {
    RecordCodec out = new RecordCodec(16);
    out.putByte('x');
    out.putDecimal(v);
    out.putDecimal(Long.MIN_VALUE);
    out.putDecimal(0);
    byte[] expected = ("x" + v + Long.MIN_VALUE + 0).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertArrayEquals(expected, java.util.Arrays.copyOf(out.bytes(), out.length()));
  }

  /** Every length from 0 to 130 bytes, around the one-byte varint's limit (63 bytes) and the short copy's (16). */
  @net.jqwik.api.Example
  void putUtf8_everyShortLength_equalsPutString() {
    for (int n = 0; n <= 130; n++) {
      putUtf8_ofASlice_equalsPutStringOfThatText("x".repeat(n), n % 3);
    }
  }

  /** Lengths around the one-byte varint's limit (63 bytes) and the short copy's (16) included. */
  @Property(tries = 300)
  void putUtf8_ofASlice_equalsPutStringOfThatText(@ForAll @Size(max = 90) String s,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int before) {
    byte[] utf8 = ("ab" + s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    RecordCodec slice = new RecordCodec(16);
    for (int i = 0; i < before; i++) {
      slice.putVarlong(i);
    }
    slice.putUtf8(utf8, 2, utf8.length - 2);
    slice.putVarlong(7);
    RecordCodec whole = new RecordCodec(16);
    for (int i = 0; i < before; i++) {
      whole.putVarlong(i);
    }
    whole.putString(s);
    whole.putVarlong(7);
    assertArrayEquals(java.util.Arrays.copyOf(whole.bytes(), whole.length()),
        java.util.Arrays.copyOf(slice.bytes(), slice.length()));
  }
}
