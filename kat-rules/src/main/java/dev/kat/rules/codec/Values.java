package dev.kat.rules.codec;

import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Parsing of the text forms of field values shared by the readers (see docs/formats.md). */
final class Values {
  private Values() {}

  /**
   * An instant: {@code 2026-10-05T14:30:00Z}, an offset date-time ({@code 2026-10-05T16:30:00+02:00})
   * or a date ({@code 2026-10-05}, the start of that day in UTC).
   */
  static Instant instant(String field, String text) throws BadValue {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new BadValue(field, "is empty; expected a time such as 2026-10-05T14:30:00Z");
    }
    try {
      Instant fast = canonical(t);
      if (fast != null) {
        return fast;
      }
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (t.endsWith("Z") || t.endsWith("z")) {
        return Instant.parse(t.substring(0, t.length() - 1) + "Z");
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      throw new BadValue(field, "'" + clip(t) + "' is not a time; expected ISO-8601 such as "
          + "2026-10-05T14:30:00Z, 2026-10-05T16:30:00+02:00 or 2026-10-05");
    }
  }

  /**
   * The two most common forms, {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ssZ}, parsed without the
   * general formatter (it dominates the cost of reading a row); null for any other form.
   *
   * @throws DateTimeException for a form that matches but names no real date or time
   */
  private static Instant canonical(String t) {
    int n = t.length();
    if (n != 10 && n != 20) {
      return null;
    }
    if (t.charAt(4) != '-' || t.charAt(7) != '-') {
      return null;
    }
    if (n == 20 && (t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z')) {
      return null;
    }
    int y = digits(t, 0, 4);
    int mo = digits(t, 5, 2);
    int d = digits(t, 8, 2);
    int h = n == 20 ? digits(t, 11, 2) : 0;
    int mi = n == 20 ? digits(t, 14, 2) : 0;
    int sec = n == 20 ? digits(t, 17, 2) : 0;
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) {
      return null;
    }
    long day = LocalDate.of(y, mo, d).toEpochDay();
    LocalTime.of(h, mi, sec);
    return Instant.ofEpochSecond(day * 86_400L + h * 3600L + mi * 60L + sec);
  }

  private static int digits(String t, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** A decimal number such as {@code 90}, {@code -1.5} or {@code 2.5e3}; nothing else. */
  static double number(String field, String text) throws BadValue {
    String t = text.trim();
    if (!isDecimal(t)) {
      throw new BadValue(field, "'" + clip(t) + "' is not a decimal number");
    }
    return Double.parseDouble(t);
  }

  private static boolean isDecimal(String t) {
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Splits a list cell on {@code ;}; an empty cell is an empty list; empty items are errors. */
  static List<String> list(String field, String text) throws BadValue {
    String t = text.trim();
    List<String> out = new ArrayList<>();
    if (t.isEmpty()) {
      return out;
    }
    int from = 0;
    int k = 1;
    while (true) {
      int semi = t.indexOf(';', from);
      String item = (semi < 0 ? t.substring(from) : t.substring(from, semi)).trim();
      if (item.isEmpty()) {
        throw new BadValue(field, "item " + k + " of '" + clip(t) + "' is empty (items are separated by ';')");
      }
      out.add(item);
      if (semi < 0) {
        return out;
      }
      from = semi + 1;
      k++;
    }
  }

  /** Evidence items: {@code uri} or {@code uri|contentHash}. */
  static List<Evidence> evidence(String field, String text) throws BadValue {
    List<Evidence> out = new ArrayList<>();
    for (String item : list(field, text)) {
      int bar = item.indexOf('|');
      if (bar < 0) {
        out.add(Evidence.of(item));
      } else {
        String uri = item.substring(0, bar).trim();
        String hash = item.substring(bar + 1).trim();
        if (uri.isEmpty() || hash.isEmpty() || hash.indexOf('|') >= 0) {
          throw new BadValue(field, "'" + clip(item) + "' is not 'uri' or 'uri|contentHash'");
        }
        out.add(new Evidence(uri, hash));
      }
    }
    return out;
  }

  /**
   * Review items: {@code reviewer:verdict}, {@code reviewer:approve:quality} (quality in [0, 1]) or
   * {@code reviewer:duplicate:originalId}.
   */
  static List<Review> reviews(String field, String text) throws BadValue {
    List<Review> out = new ArrayList<>();
    for (String item : list(field, text)) {
      String[] parts = item.split(":", -1);
      if (parts.length < 2 || parts.length > 3) {
        throw new BadValue(field, "'" + clip(item) + "' is not reviewer:verdict[:quality or original id]");
      }
      String reviewer = parts[0].trim();
      Verdict verdict = verdict(field, parts[1]);
      String extra = parts.length == 3 ? parts[2].trim() : null;
      out.add(review(field, reviewer, verdict, extra, verdict == Verdict.DUPLICATE ? extra : null));
    }
    return out;
  }

  /** Builds a review, turning the constructor's argument errors into a bad value of {@code field}. */
  static Review review(String field, String reviewer, Verdict verdict, String quality, String duplicateOf)
      throws BadValue {
    OptionalDouble q = OptionalDouble.empty();
    if (verdict != Verdict.DUPLICATE && quality != null) {
      double v = number(field, quality);
      if (!(v >= 0 && v <= 1)) {
        throw new BadValue(field, "quality " + quality.trim() + " of reviewer '" + reviewer + "' must be in [0, 1]");
      }
      q = OptionalDouble.of(v);
    }
    if (reviewer == null || reviewer.isBlank()) {
      throw new BadValue(field, "a review has no reviewer");
    }
    if (verdict == Verdict.DUPLICATE && (duplicateOf == null || duplicateOf.isBlank())) {
      throw new BadValue(field, "a duplicate verdict by '" + reviewer + "' must name the original record id");
    }
    return new Review(reviewer, verdict, q, duplicateOf);
  }

  /** A verdict word: approve, reject, dismiss or duplicate (any case). */
  static Verdict verdict(String field, String word) throws BadValue {
    switch (word.trim().toLowerCase(Locale.ROOT)) {
      case "approve":
        return Verdict.APPROVE;
      case "reject":
        return Verdict.REJECT;
      case "dismiss":
        return Verdict.DISMISS;
      case "duplicate":
        return Verdict.DUPLICATE;
      default:
        throw new BadValue(field, "verdict '" + clip(word.trim()) + "' is not approve, reject, dismiss or duplicate");
    }
  }

  /** Whether {@code name} is an attribute or column name: a letter, then letters, digits or '_'. */
  static boolean isName(String name) {
    if (name.isEmpty() || !isLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetter(c) && !isDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Text shortened for messages. */
  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
