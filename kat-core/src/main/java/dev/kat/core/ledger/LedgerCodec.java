package dev.kat.core.ledger;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The canonical text form of a ledger: UTF-8, one line per item, {@code key=value} fields separated by
 * single spaces. It is both the durable file format and the text the entry hashes are taken over.
 *
 * <pre>
 * KAT-LEDGER 1
 * entry 0
 * cycle id=2026-10 sequence=0 start=2026-10-01T00:00:00Z end=2026-11-01T00:00:00Z
 * policy id=exchange-dao hash=9f2c…
 * record id=r1 contributor=alice dao=exchange wg=wg-a category=session role=dao_member at=2026-10-03T10:00:00Z attrs=durationMinutes:90.0 counterparts=bob evidence=https%3A//x|~ reviews=carol|APPROVE|~|~ supersedes=~
 * correction record=r9 supersedes=r1 contributor=alice credit=1500000 cycle=0
 * dispute record=r3 by=dave reason=no%20evidence
 * adjustment kind=GRANT subject=bob beneficiary=bob credit=2000000 approver=carol justification=…
 * result hash=4be1… unallocated=0
 * kat contributor=alice amount=600
 * previous hash=none
 * hash 0d3a…
 * </pre>
 *
 * <p>Values are percent-escaped: {@code %}, space, {@code = , : | ~}, and control characters become
 * {@code %XX}; {@code ~} alone stands for "absent". Numbers are written with {@link Long#toString} and
 * {@link Double#toString} (exact round trip, no locale). Lists appear in the entry's canonical order, so
 * encoding the same entry always gives the same bytes. An entry's hash is the SHA-256 of its lines from
 * {@code entry} to {@code previous}, each ending in a line feed.
 */
public final class LedgerCodec {
  /** The first line of a ledger file. */
  public static final String HEADER = "KAT-LEDGER 1";

  private static final String ABSENT = "~";

  private LedgerCodec() {}

  /** The canonical text of {@code entry} without its {@code hash} line (what the hash is taken over). */
  public static String body(LedgerEntry entry) {
    StringBuilder sb = new StringBuilder(256 + 256 * entry.inputs().records().size());
    sb.append("entry ").append(entry.index()).append('\n');
    Cycle c = entry.inputs().cycle();
    sb.append("cycle id=").append(esc(c.id())).append(" sequence=").append(c.sequence()).append(" start=")
        .append(c.start()).append(" end=").append(c.end()).append('\n');
    sb.append("policy id=").append(esc(entry.policyId())).append(" hash=").append(esc(entry.policyHash()))
        .append('\n');
    for (Contribution r : entry.inputs().records()) {
      record(sb, r);
    }
    for (Correction x : entry.inputs().corrections()) {
      sb.append("correction record=").append(esc(x.recordId())).append(" supersedes=").append(esc(x.supersedes()))
          .append(" contributor=").append(esc(x.contributor())).append(" credit=").append(x.reversedCredit())
          .append(" cycle=").append(x.supersededSequence()).append('\n');
    }
    for (Dispute d : entry.inputs().disputes()) {
      sb.append("dispute record=").append(esc(d.recordId())).append(" by=").append(esc(d.raisedBy()))
          .append(" reason=").append(esc(d.reason())).append('\n');
    }
    for (Adjustment a : entry.inputs().adjustments()) {
      sb.append("adjustment kind=").append(a.kind()).append(" subject=").append(esc(a.subject()))
          .append(" beneficiary=").append(esc(a.beneficiary())).append(" credit=").append(a.credit())
          .append(" approver=").append(esc(a.approver())).append(" justification=").append(esc(a.justification()))
          .append('\n');
    }
    sb.append("result hash=").append(esc(entry.resultHash())).append(" unallocated=").append(entry.unallocated())
        .append('\n');
    entry.allocations().forEach((who, kat) ->
        sb.append("kat contributor=").append(esc(who)).append(" amount=").append(kat).append('\n'));
    sb.append("previous hash=").append(esc(entry.previousHash())).append('\n');
    return sb.toString();
  }

  /** The full canonical text of {@code entry}, its recorded hash line included. */
  public static String encode(LedgerEntry entry) {
    return body(entry) + "hash " + esc(entry.hash()) + "\n";
  }

  /** A whole ledger: the header line, then every entry. */
  public static String encodeAll(List<LedgerEntry> entries) {
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    for (LedgerEntry e : entries) {
      sb.append(encode(e));
    }
    return sb.toString();
  }

  private static void record(StringBuilder sb, Contribution r) {
    sb.append("record id=").append(esc(r.id())).append(" contributor=").append(esc(r.contributor()))
        .append(" dao=").append(esc(r.dao())).append(" wg=").append(esc(r.workingGroup()))
        .append(" category=").append(esc(r.category())).append(" role=").append(esc(r.role()))
        .append(" at=").append(r.occurredAt()).append(" attrs=");
    boolean first = true;
    for (Map.Entry<String, Double> e : r.attributes().entrySet()) {
      sb.append(first ? "" : ",").append(esc(e.getKey())).append(':').append(e.getValue());
      first = false;
    }
    sb.append(" counterparts=");
    first = true;
    for (String p : r.counterparts()) {
      sb.append(first ? "" : ",").append(esc(p));
      first = false;
    }
    sb.append(" evidence=");
    first = true;
    for (Evidence e : r.evidence()) {
      sb.append(first ? "" : ",").append(esc(e.uri())).append('|').append(opt(e.contentHash()));
      first = false;
    }
    sb.append(" reviews=");
    first = true;
    for (Review v : r.reviews()) {
      sb.append(first ? "" : ",").append(esc(v.reviewer())).append('|').append(v.verdict()).append('|')
          .append(v.quality().isPresent() ? Double.toString(v.quality().getAsDouble()) : ABSENT).append('|')
          .append(opt(v.duplicateOf()));
      first = false;
    }
    sb.append(" supersedes=").append(opt(r.supersedes())).append('\n');
  }

  private static String opt(String s) {
    return s == null ? ABSENT : esc(s);
  }

  /** Percent-escapes {@code s} for a field value. */
  static String esc(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean special = ch < 0x20 || ch == 0x7f || ch == '%' || ch == ' ' || ch == '=' || ch == ',' || ch == ':'
          || ch == '|' || ch == '~';
      if (special) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        out.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
      } else if (out != null) {
        out.append(ch);
      }
    }
    return out == null ? s : out.toString();
  }

  private static String unesc(String s, int line) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '%') {
        if (i + 2 >= b.length) {
          throw new LedgerFormatException(line, "truncated escape in '" + s + "'");
        }
        int hi = Character.digit(b[i + 1], 16);
        int lo = Character.digit(b[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new LedgerFormatException(line, "bad escape in '" + s + "'");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(b[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads a whole ledger written by {@link #encodeAll}. Only the syntax is checked here; the hash chain is
   * checked by {@link Ledgers#verify}.
   *
   * @throws LedgerFormatException naming the line, if the text is not a ledger
   */
  public static List<LedgerEntry> decodeAll(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      throw new LedgerFormatException(1, "expected header '" + HEADER + "'");
    }
    Reader r = new Reader(lines);
    List<LedgerEntry> out = new ArrayList<>();
    r.at = 1;
    while (r.at < lines.length) {
      if (r.at == lines.length - 1 && lines[r.at].isEmpty()) {
        break;
      }
      out.add(r.entry());
    }
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new LedgerFormatException(lines.length, "ledger does not end with a line feed (truncated?)");
    }
    return out;
  }

  /** A line-by-line parser. */
  private static final class Reader {
    final String[] lines;
    int at;

    Reader(String[] lines) {
      this.lines = lines;
    }

    Map<String, String> fields(String kind) {
      if (at >= lines.length || lines[at].isEmpty()) {
        throw new LedgerFormatException(at + 1, "expected '" + kind + "' but the ledger ends");
      }
      String[] tokens = lines[at].split(" ", -1);
      if (!tokens[0].equals(kind)) {
        throw new LedgerFormatException(at + 1, "expected '" + kind + "' but found '" + tokens[0] + "'");
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 1; i < tokens.length; i++) {
        int eq = tokens[i].indexOf('=');
        if (eq <= 0) {
          throw new LedgerFormatException(at + 1, "field '" + tokens[i] + "' is not key=value");
        }
        if (m.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1)) != null) {
          throw new LedgerFormatException(at + 1, "field '" + tokens[i].substring(0, eq) + "' appears twice");
        }
      }
      at++;
      return m;
    }

    boolean next(String kind) {
      return at < lines.length && lines[at].startsWith(kind + " ");
    }

    String get(Map<String, String> m, String key) {
      String v = m.get(key);
      if (v == null) {
        throw new LedgerFormatException(at, "missing field '" + key + "'");
      }
      return unesc(v, at);
    }

    String opt(Map<String, String> m, String key) {
      String v = m.get(key);
      if (v == null) {
        throw new LedgerFormatException(at, "missing field '" + key + "'");
      }
      return v.equals(ABSENT) ? null : unesc(v, at);
    }

    long num(Map<String, String> m, String key) {
      String v = get(m, key);
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new LedgerFormatException(at, "field '" + key + "' (" + v + ") is not an integer");
      }
    }

    double real(String v) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new LedgerFormatException(at, "'" + v + "' is not a number");
      }
    }

    Instant time(Map<String, String> m, String key) {
      String v = get(m, key);
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new LedgerFormatException(at, "field '" + key + "' (" + v + ") is not an ISO-8601 instant");
      }
    }

    LedgerEntry entry() {
      String head = lines[at];
      if (!head.startsWith("entry ")) {
        throw new LedgerFormatException(at + 1, "expected 'entry' but found '" + head + "'");
      }
      long index;
      try {
        index = Long.parseLong(head.substring(6));
      } catch (NumberFormatException e) {
        throw new LedgerFormatException(at + 1, "bad entry index '" + head.substring(6) + "'");
      }
      at++;
      try {
        Map<String, String> cy = fields("cycle");
        Cycle cycle = new Cycle(get(cy, "id"), num(cy, "sequence"), time(cy, "start"), time(cy, "end"));
        Map<String, String> po = fields("policy");
        String policyId = get(po, "id");
        String policyHash = get(po, "hash");
        List<Contribution> records = new ArrayList<>();
        while (next("record")) {
          records.add(record(fields("record")));
        }
        List<Correction> corrections = new ArrayList<>();
        while (next("correction")) {
          Map<String, String> m = fields("correction");
          corrections.add(new Correction(get(m, "record"), get(m, "supersedes"), get(m, "contributor"),
              num(m, "credit"), num(m, "cycle")));
        }
        List<Dispute> disputes = new ArrayList<>();
        while (next("dispute")) {
          Map<String, String> m = fields("dispute");
          disputes.add(new Dispute(get(m, "record"), get(m, "by"), get(m, "reason")));
        }
        List<Adjustment> adjustments = new ArrayList<>();
        while (next("adjustment")) {
          Map<String, String> m = fields("adjustment");
          AdjustmentKind kind;
          try {
            kind = AdjustmentKind.valueOf(get(m, "kind"));
          } catch (IllegalArgumentException e) {
            throw new LedgerFormatException(at, "unknown adjustment kind '" + get(m, "kind") + "'");
          }
          adjustments.add(new Adjustment(kind, get(m, "subject"), get(m, "beneficiary"), num(m, "credit"),
              get(m, "approver"), get(m, "justification")));
        }
        Map<String, String> re = fields("result");
        String resultHash = get(re, "hash");
        long unallocated = num(re, "unallocated");
        TreeMap<String, Long> kat = new TreeMap<>();
        while (next("kat")) {
          Map<String, String> m = fields("kat");
          kat.put(get(m, "contributor"), num(m, "amount"));
        }
        String previous = get(fields("previous"), "hash");
        if (at >= lines.length || !lines[at].startsWith("hash ")) {
          throw new LedgerFormatException(at + 1, "expected 'hash' line");
        }
        String hash = unesc(lines[at].substring(5), at + 1);
        at++;
        CycleInputs inputs = new CycleInputs(cycle, records, corrections, disputes, adjustments);
        return new LedgerEntry(index, inputs, policyId, policyHash, resultHash, kat, unallocated, previous, hash);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new LedgerFormatException(at, "invalid value: " + e.getMessage());
      }
    }

    Contribution record(Map<String, String> m) {
      Contribution.Builder b = Contribution.builder(get(m, "id"), get(m, "contributor"), get(m, "category"),
          get(m, "role"), time(m, "at")).dao(get(m, "dao")).workingGroup(get(m, "wg"));
      for (String a : items(m.get("attrs"))) {
        int colon = a.indexOf(':');
        if (colon <= 0) {
          throw new LedgerFormatException(at, "attribute '" + a + "' is not name:value");
        }
        b.attribute(unesc(a.substring(0, colon), at), real(a.substring(colon + 1)));
      }
      for (String p : items(m.get("counterparts"))) {
        b.counterpart(unesc(p, at));
      }
      for (String e : items(m.get("evidence"))) {
        String[] parts = e.split("\\|", -1);
        if (parts.length != 2) {
          throw new LedgerFormatException(at, "evidence '" + e + "' is not uri|hash");
        }
        b.evidence(new Evidence(unesc(parts[0], at), parts[1].equals(ABSENT) ? null : unesc(parts[1], at)));
      }
      for (String v : items(m.get("reviews"))) {
        String[] parts = v.split("\\|", -1);
        if (parts.length != 4) {
          throw new LedgerFormatException(at, "review '" + v + "' is not reviewer|verdict|quality|duplicateOf");
        }
        Verdict verdict;
        try {
          verdict = Verdict.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
          throw new LedgerFormatException(at, "unknown verdict '" + parts[1] + "'");
        }
        OptionalDouble q = parts[2].equals(ABSENT) ? OptionalDouble.empty() : OptionalDouble.of(real(parts[2]));
        b.review(new Review(unesc(parts[0], at), verdict, q, parts[3].equals(ABSENT) ? null : unesc(parts[3], at)));
      }
      String sup = opt(m, "supersedes");
      if (sup != null) {
        b.supersedes(sup);
      }
      return b.build();
    }

    List<String> items(String v) {
      if (v == null) {
        throw new LedgerFormatException(at, "missing list field");
      }
      return v.isEmpty() ? List.of() : List.of(v.split(",", -1));
    }
  }
}
