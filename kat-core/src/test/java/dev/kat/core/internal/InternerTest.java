package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InternerTest {

  private static String intern(Interner in, String framed) {
    // the value sits between '[' and ']' so that the bytes around it differ from call to call
    byte[] b = framed.getBytes(StandardCharsets.US_ASCII);
    return in.intern(b, framed.indexOf('[') + 1, framed.indexOf(']'));
  }

  @Test
  void intern_sameBytes_sameInstance() {
    Interner in = new Interner(100);
    String a = intern(in, "xx[person-7]yyyyyyyyyyyyyyyyyyyy");
    assertEquals("person-7", a);
    assertSame(a, intern(in, "[person-7],zzzzzzzzzzzzzzzzzzzzzzzz"));
    assertSame(a, intern(in, "[person-7]"));
    assertEquals("person-", intern(in, "[person-]person-7"));
    assertEquals("person-70", intern(in, "[person-70]"));
    String sixteen = intern(in, "[0123456789abcdef]0123456789abcdef");
    assertSame(sixteen, intern(in, "-[0123456789abcdef]"));
    assertEquals("0123456789abcde", intern(in, "[0123456789abcde]f"));
  }

  @Test
  void sharedInterners_giveOneInstanceAndOneCodePerValue() {
    Interner.Shared shared = new Interner.Shared();
    Interner a = new Interner(100, shared);
    Interner b = new Interner(100, shared);
    String p7 = intern(a, "[p7]");
    int code7 = a.lastCode();
    String q = intern(b, "[q]");
    int codeQ = b.lastCode();
    assertSame(p7, intern(b, "[p7]"), "one instance in every interner of the read");
    assertEquals(code7, b.lastCode(), "one code in every interner of the read");
    assertSame(q, intern(a, "[q]"));
    assertEquals(codeQ, a.lastCode());
    assertTrue(code7 >= 0 && codeQ >= 0 && code7 != codeQ, code7 + ", " + codeQ);
    intern(a, "[0123456789abcdefg]");
    assertEquals(-1, a.lastCode(), "a value too long to intern has no code");
    intern(a, "[p7]");
    assertEquals(code7, a.lastCode(), "the code of a value seen before, after its first");
    assertEquals(-1, new Interner(100).lastCode(), "no code without shared strings");
    Interner alone = new Interner(100);
    intern(alone, "[p7]");
    assertEquals(-1, alone.lastCode());
  }

  @Test
  void sharedInterners_beyondTheBound_giveNoCode() {
    Interner.Shared shared = new Interner.Shared();
    Interner a = new Interner(10, shared);
    java.util.Set<Integer> codes = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      intern(a, "[p" + i + "]");
      if (a.lastCode() >= 0) {
        assertTrue(codes.add(a.lastCode()), "distinct values, distinct codes");
      }
    }
    assertEquals(10, codes.size());
    intern(a, "[p49]");
    assertEquals(-1, a.lastCode());
  }

  @Test
  void intern_longValues_areDecodedEachTime() {
    Interner in = new Interner(100);
    String a = intern(in, "[0123456789abcdefg]");
    assertEquals("0123456789abcdefg", a);
    assertNotSame(a, intern(in, "[0123456789abcdefg]"));
  }

  @Test
  void intern_beyondTheBound_stillGivesTheValue() {
    Interner in = new Interner(10);
    for (int i = 0; i < 5000; i++) {
      assertEquals("p" + i, intern(in, "[p" + i + "]"));
    }
    assertSame(intern(in, "[p3]"), intern(in, "[p3]"));
    assertEquals("p4999", intern(in, "[p4999]"));
  }

  @Test
  void internChars_trimsAndDeclinesNonAscii() {
    Interner in = new Interner(100);
    char[] c = "  mai \t".toCharArray();
    String a = in.intern(c, 0, c.length);
    assertEquals("mai", a);
    assertSame(a, intern(in, "[mai]"));
    assertEquals("", in.intern(c, 0, 2));
    char[] u = "Jos\u00e9".toCharArray();
    assertNull(in.intern(u, 0, u.length));
  }

  /**
   * Threads interning overlapping values through one shared table, while it grows from 256 slots to 64 k,
   * all get one instance and one code per value, and distinct values get distinct codes.
   */
  @Test
  void sharedTable_concurrentInterners_agreeOnInstancesAndCodes() throws Exception {
    int threads = 4;
    int values = 20_000;
    Interner.Shared shared = new Interner.Shared();
    String[][] seen = new String[threads][values];
    int[][] codes = new int[threads][values];
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int me = t;
        done.add(pool.submit(() -> {
          Interner in = new Interner(1 << 17, shared);
          start.await();
          for (int k = 0; k < values; k++) {
            // each thread walks the values from another starting point, so that adds race with lookups
            int v = (k + me * values / threads) % values;
            seen[me][v] = intern(in, "[person-" + v + "]");
            codes[me][v] = in.lastCode();
            // a code just given is at once a code of the table, even while another thread grows it
            if (shared.string(codes[me][v]) != seen[me][v]) {
              throw new AssertionError("code " + codes[me][v] + " gives another string than " + seen[me][v]);
            }
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    java.util.Set<Integer> distinct = new java.util.HashSet<>();
    for (int v = 0; v < values; v++) {
      assertEquals("person-" + v, seen[0][v]);
      assertTrue(codes[0][v] >= 0, "value " + v + " has a code");
      assertTrue(distinct.add(codes[0][v]), "distinct values, distinct codes");
      for (int t = 1; t < threads; t++) {
        assertSame(seen[0][v], seen[t][v], "one instance of value " + v);
        assertEquals(codes[0][v], codes[t][v], "one code for value " + v);
      }
      assertSame(seen[0][v], shared.string(codes[0][v]), "the table gives the string of a code");
    }
    assertThrows(IndexOutOfBoundsException.class, () -> shared.string(values));
  }

  @Test
  void sharedTable_boundIsTheWholeReads() {
    Interner.Shared shared = new Interner.Shared();
    Interner a = new Interner(10, shared);
    Interner b = new Interner(10, shared);
    for (int i = 0; i < 6; i++) {
      intern(a, "[a" + i + "]");
      intern(b, "[b" + i + "]");
    }
    int coded = 0;
    for (int i = 0; i < 6; i++) {
      intern(a, "[a" + i + "]");
      coded += a.lastCode() >= 0 ? 1 : 0;
      intern(a, "[b" + i + "]");
      coded += a.lastCode() >= 0 ? 1 : 0;
    }
    assertEquals(10, coded, "ten values held in all, whichever interner added them");
  }

  private static int code(Interner in, String framed) {
    byte[] b = framed.getBytes(StandardCharsets.US_ASCII);
    int[] code = new int[1];
    in.codes(b, new int[] {framed.indexOf('[') + 1}, new int[] {framed.indexOf(']')}, 1, code);
    return code[0];
  }

  @Test
  void codes_areTheCodesInternGives_andAddLikeIt() {
    Interner.Shared shared = new Interner.Shared();
    Interner a = new Interner(4, shared);
    Interner b = new Interner(4, shared);
    int p7 = code(a, "[p7]xxxxxxxxxxxxxxxxxxxxxxxx");
    assertEquals(0, p7, "a new value is added, with the next code");
    assertSame(shared.string(p7), intern(b, "[p7]"), "the value code() added is the one intern gives");
    assertEquals(p7, b.lastCode());
    intern(b, "[q]");
    assertEquals(b.lastCode(), code(a, "-[q]-"), "the code of a value intern added");
    assertEquals("q", shared.string(b.lastCode()));
    assertEquals(-1, code(a, "[]"), "an empty value has no code");
    assertEquals(-1, code(a, "[0123456789abcdefg]"), "a value longer than 16 bytes has no code");
    assertEquals(-1, a.lastCode());
    assertEquals(2, code(a, "[0123456789abcdef]"), "16 bytes is not too long");
    assertEquals(3, code(b, "[r]"));
    assertEquals(-1, code(a, "[s]"), "a full table adds nothing");
    assertEquals(4, shared.size());
    assertEquals(3, code(a, "[r]"), "a full table still gives the codes it holds");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> code(new Interner(4), "[p]"));
    assertTrue(e.getMessage().contains("no codes"), e.getMessage());
  }

  @Test
  void codes_ofAChunk_sameAsInternOneByOne() {
    // the same keys looked up one by one and all at once, in tables that fill up midway
    java.util.Random rnd = new java.util.Random(5);
    StringBuilder text = new StringBuilder();
    int n = 3_000;
    int[] from = new int[n];
    int[] to = new int[n];
    for (int k = 0; k < n; k++) {
      from[k] = text.length();
      int kind = rnd.nextInt(20);
      // mostly repeated short ids; some empty, 16 and 17 bytes long
      text.append(kind == 0 ? "" : kind == 1 ? "0123456789abcdef" : kind == 2 ? "0123456789abcdefg" : "p" + rnd.nextInt(700));
      to[k] = text.length();
      text.append(',');
    }
    byte[] b = text.toString().getBytes(StandardCharsets.US_ASCII);
    for (int bound : new int[] {10_000, 300}) {
      Interner.Shared one = new Interner.Shared();
      Interner byOne = new Interner(bound, one);
      int[] expected = new int[n];
      for (int k = 0; k < n; k++) {
        byOne.intern(b, from[k], to[k]);
        expected[k] = byOne.lastCode();
      }
      Interner.Shared all = new Interner.Shared();
      Interner atOnce = new Interner(bound, all);
      int[] actual = new int[n + 5];
      java.util.Arrays.fill(actual, 99);
      atOnce.codes(b, from, to, n, actual);
      assertEquals(-1, atOnce.lastCode());
      for (int k = 0; k < n; k++) {
        assertEquals(expected[k], actual[k], "key " + k + " with a bound of " + bound);
      }
      assertEquals(99, actual[n], "only n codes are written");
      assertEquals(one.size(), all.size());
      // the keys the table now holds are found again, all at once
      int[] again = new int[n];
      atOnce.codes(b, from, to, n, again);
      assertTrue(java.util.Arrays.equals(actual, 0, n, again, 0, n));
    }
    assertThrows(IllegalStateException.class, () -> new Interner(4).codes(b, from, to, 1, new int[1]));
  }
}
