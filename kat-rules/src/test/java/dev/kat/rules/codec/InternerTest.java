package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
