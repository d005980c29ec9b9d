package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Checks}, {@link Hashing}, {@link LongIntMap} and {@link Dictionary}. */
class InternalHelpersTest {

  @Test
  void checks_messagesNameParameterAndValue() {
    assertEquals("x must not be null", assertThrows(NullPointerException.class, () -> Checks.notNull(null, "x"))
        .getMessage());
    assertEquals("x (\"  \") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> Checks.notBlank("  ", "x")).getMessage());
    assertEquals("x (-0.5) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(-0.5, "x")).getMessage());
    assertEquals("x (Infinity) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(Double.POSITIVE_INFINITY, "x"))
            .getMessage());
    assertEquals("x (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> Checks.positive(0.0, "x")).getMessage());
    assertEquals("x (NaN) must be finite",
        assertThrows(IllegalArgumentException.class, () -> Checks.finite(Double.NaN, "x")).getMessage());
    assertEquals("x (-3) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative(-3L, "x")).getMessage());
    assertEquals("x (2.0) must be in [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange(2, 0, 1, "x")).getMessage());
    assertEquals("m", assertThrows(IllegalArgumentException.class, () -> Checks.argument(false, "m")).getMessage());
    assertEquals("m", assertThrows(IllegalStateException.class, () -> Checks.state(false, "m")).getMessage());
  }

  @Test
  void checks_wellFormed_rejectsOnlyUnpairedSurrogates() {
    assertEquals("", Checks.wellFormed("", "x"));
    assertEquals("a\uD83D\uDE00b", Checks.wellFormed("a\uD83D\uDE00b", "x"));
    assertEquals("x has an unpaired surrogate U+D83D at index 1",
        assertThrows(IllegalArgumentException.class, () -> Checks.wellFormed("a\uD83D", "x")).getMessage());
    assertEquals("x has an unpaired surrogate U+DE00 at index 0",
        assertThrows(IllegalArgumentException.class, () -> Checks.wellFormed("\uDE00\uD83D", "x")).getMessage());
    assertEquals("x (\" \") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> Checks.text(" ", "x")).getMessage());
  }

  @Test
  void checks_validValuesPassThrough() {
    String s = "ok";
    assertSame(s, Checks.notBlank(s, "s"));
    assertEquals(0.0, Checks.nonNegative(0.0, "x"));
    assertEquals(1.0, Checks.inRange(1, 0, 1, "x"));
    Checks.argument(true, "never");
    Checks.state(true, "never");
  }

  @Test
  void sha256Hex_knownVector() {
    byte[] digest = Hashing.sha256().digest("abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.hex(digest));
    assertEquals("00ff10", Hashing.hex(new byte[] {0, (byte) 0xff, 0x10}));
  }

  @Test
  void hash64_deterministicAndSpreading() {
    assertEquals(Hashing.hash64("record-1"), Hashing.hash64("record-1"));
    assertNotEquals(Hashing.hash64("record-1"), Hashing.hash64("record-2"));
    byte[] b = "xrecord-1y".getBytes(StandardCharsets.UTF_8);
    assertEquals(Hashing.hash64("record-1"), Hashing.hash64(b, 1, b.length - 1));
    assertEquals(0L, Hashing.mix(0L));
  }

  @Test
  void hash64_matchesXxHash64ReferenceValues() {
    // XXH64 with seed 0 of bytes (31 * i + 7) mod 256, i = 0 .. n-1, from the reference C library; the
    // lengths cover the 1-, 4- and 8-byte tails and the four-lane loop of 32-byte stripes
    int[] lengths = {0, 1, 3, 4, 7, 8, 12, 31, 32, 33, 63, 64, 100, 190, 257};
    long[] expected = {0xef46db3751d8e999L, 0xa96c7f0ce858bbb7L, 0x56e6957632a487f9L, 0xc60d15b1e3ff8f04L,
        0xafbefc3d6c6f9a8eL, 0x3da5c7aa269683e0L, 0x8fe8ab1c1fd0666eL, 0x4a74f3a1a39ad4a1L, 0x8d57d6a4671cc43dL,
        0x62c9fd21ed857664L, 0x5c320a0d2707057fL, 0x7bbabbc45729d17eL, 0xefa0ad2d3e70c151L, 0x06006914ebf189bcL,
        0x6ff15897658784e0L};
    for (int k = 0; k < lengths.length; k++) {
      byte[] b = new byte[lengths[k] + 3];
      for (int i = 0; i < lengths[k]; i++) {
        b[i + 2] = (byte) (31 * i + 7);
      }
      assertEquals(expected[k], Hashing.hash64(b, 2, 2 + lengths[k]), "length " + lengths[k]);
    }
    assertEquals(0x44bc2cf5ad770999L, Hashing.hash64("abc"));
  }

  @Test
  void longIntMap_putGetReplaceAndGrow() {
    LongIntMap m = new LongIntMap(1);
    assertEquals(-1, m.get(42));
    Random rnd = new Random(7);
    long[] keys = new long[5000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rnd.nextLong();
      m.put(keys[i], i);
    }
    m.put(0L, 9);
    assertEquals(keys.length + 1, m.size());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, m.get(keys[i]));
    }
    assertEquals(9, m.get(0L));
    m.put(keys[3], 77);
    assertEquals(77, m.get(keys[3]));
    assertEquals(keys.length + 1, m.size());
  }

  @Test
  void dictionary_densCodesInFirstAppearanceOrder() {
    Dictionary d = new Dictionary();
    assertEquals(0, d.encode("b"));
    assertEquals(1, d.encode("a"));
    assertEquals(0, d.encode("b"));
    assertEquals(1, d.find("a"));
    assertEquals(-1, d.find("z"));
    assertEquals("a", d.decode(1));
    assertEquals(2, d.size());
    assertEquals(List.of("b", "a"), d.values());
  }

  @Test
  void dictionary_growsAndKeepsEqualHashCodesApart() {
    Dictionary d = new Dictionary();
    assertEquals("Aa".hashCode(), "BB".hashCode());
    assertEquals(0, d.encode("Aa"));
    assertEquals(1, d.encode("BB"));
    for (int i = 0; i < 5000; i++) {
      assertEquals(i + 2, d.encode("person-" + i));
    }
    for (int i = 0; i < 5000; i++) {
      assertEquals(i + 2, d.encode(new String("person-" + i)));
    }
    assertEquals(0, d.find("Aa"));
    assertEquals(1, d.find("BB"));
    assertEquals(5002, d.size());
    assertEquals("person-4999", d.decode(5001));
  }

  @Test
  void dictionary_findPrefix_findsTheCodeOfAPrefixWithoutMakingIt() {
    Dictionary d = new Dictionary();
    d.encode("r");
    d.encode("https://evidence.example/e/");
    d.encode("Aa");
    d.encode("");
    d.encode("caf\u00e9/\ud83d\ude00");
    assertEquals(0, d.findPrefix("r123456", 1));
    assertEquals(1, d.findPrefix("https://evidence.example/e/17", 27));
    assertEquals(-1, d.findPrefix("https://evidence.example/e/17", 26), "a shorter prefix is another string");
    assertEquals(-1, d.findPrefix("https://evidence.example/e/17", 28), "so is a longer one");
    assertEquals(2, d.findPrefix("Aa9", 2));
    assertEquals(-1, d.findPrefix("BB9", 2), "same hash code as Aa, different text");
    assertEquals(3, d.findPrefix("r1", 0));
    assertEquals(4, d.findPrefix("caf\u00e9/\ud83d\ude00/x", 7));
    assertEquals(3, d.findPrefix("x", 0), "the empty prefix is the empty string");
    assertThrows(IndexOutOfBoundsException.class, () -> d.findPrefix("ab", 3));
  }

  @Test
  void offsets_presized_holdTheSameOffsetsAsGrownOnesBeforeAndAfterCompaction() {
    Offsets grown = new Offsets();
    Offsets presized = new Offsets(3);
    int[] values = {0, 5, 5, 70_000, 70_010};
    for (int i = 1; i < values.length; i++) {
      grown.add(values[i]);
      presized.add(values[i]);
    }
    grown.compact();
    presized.compact();
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], grown.get(i));
      assertEquals(values[i], presized.get(i));
    }
    assertEquals(5, presized.size());
  }

  @Test
  void offsets_negativeCapacity_isRejectedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Offsets(-1));
    assertEquals("entries must be in [0, 2^31 - 17): -1", e.getMessage());
  }
}
