package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Dictionary;
import dev.kat.core.internal.DoubleColumn;
import dev.kat.core.internal.Growth;
import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.Interner;
import dev.kat.core.internal.Offsets;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Attributes;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import dev.kat.core.policy.Policy;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The storage of a batch's accepted rows: primitive columns plus a compact arena from which each row's
 * canonical bytes ({@link RecordCodec}) are regenerated on demand, exactly.
 *
 * <p>Nothing a column already holds is stored twice. The columns hold the contributor, category, role,
 * working group, time (seconds from the cycle start), the attributes the policy reads, counterparts,
 * reviewers, verdicts and scores; the arena holds, per row, only the rest:
 *
 * <pre>
 *   header      varint: DAO code &lt;&lt; 5 | min(evidence count, 3) &lt;&lt; 3 | has extra attributes (4)
 *               | has nanoseconds (2) | supersedes (1)
 *   [evidence]  varint evidence count - 3, when the header says 3
 *   id          compact string
 *   [nanos]     varint
 *   [extras]    varint count, then per attribute the policy does not read: varint name code, value
 *   evidence    per evidence: compact string URI, raw content hash
 *   duplicateOf compact string, for each review whose verdict is DUPLICATE
 *   [supersedes] compact string
 * </pre>
 *
 * <p>Varints here are unsigned (7 bits a byte). A <em>compact string</em> is split into a head and a tail:
 * the tail is the trailing decimal number (up to 18 digits, no leading zero) or, failing that, what follows
 * the last {@code '/'}; the head is dictionary-coded ({@code r123456} is head {@code r} and the number
 * 123456; an evidence URI is its directory and file name). Written as varint {@code head code + 1}, then
 * varint {@code number << 1 | 1} or varint {@code tail length << 1} and the tail's UTF-8 bytes; varint 0
 * then varint length and UTF-8 bytes when the head dictionary is full. A raw string is a varint length and
 * UTF-8 bytes (empty for "absent"). Attribute values are varint {@code v << 1} for whole numbers below
 * 2⁵² whose double is exactly {@code v}, else varint 1 and the eight IEEE bytes.
 *
 * <p>Written by one thread while admitting ({@link #append}); after {@link #freeze} it is read-only and
 * safe to share.
 */
final class RowStore {
  private static final int MAX_HEADS = 1 << 16;
  private static final int DUPLICATE = Verdict.DUPLICATE.ordinal();
  private static final int APPROVE = Verdict.APPROVE.ordinal();
  private static final int VERDICT_SHIFT = 29;
  private static final int PERSON_MASK = (1 << VERDICT_SHIFT) - 1;

  static {
    if (Verdict.values().length > 1 << (Integer.SIZE - VERDICT_SHIFT)) {
      throw new AssertionError("verdict ordinals no longer fit above the reviewer code");
    }
  }

  final People people = new People();
  final Names workingGroups = new Names(true);
  private final Names daos = new Names(true);
  private final Names extraNames = new Names(true);
  private final Names heads = new Names(true);
  private final byte[][] categoryBytes;
  private final byte[][] roleBytes;
  private final String[] readNames;
  private final byte[][] readNameBytes;
  private final Map<String, Integer> readIndex = new HashMap<>();
  private final int[] readOrder;
  /** Attribute name instances seen while appending and their {@link #readIndex} slots (see {@link #readSlot}). */
  private final String[] seenName = new String[16];
  private final int[] seenSlot = new int[16];
  private int seenNames;
  /** Scratch: the values of the row being appended, by read slot. */
  private final double[] rowValues;
  private final long cycleStart;

  private int rows;
  private boolean frozen;
  private int[] person;
  private byte[] category;
  private short[] categoryWide;
  private byte[] role;
  private short[] workingGroup;
  private int[] second;
  private long[] secondWide;
  private long[] contentHash;
  private final DoubleColumn[] attributes;
  private Offsets recordStart = new Offsets();
  private byte[] arena = new byte[4096];
  private int arenaLength;
  private Offsets cpStart = new Offsets();
  private int[] cp = new int[16];
  private Offsets rvStart = new Offsets();
  /**
   * Per review, the reviewer's person code in the low {@link #VERDICT_SHIFT} bits and the verdict's
   * ordinal above them: one array instead of a second, byte-wide one for verdicts.
   */
  private int[] reviewer = new int[16];
  private final DoubleColumn quality = new DoubleColumn(16);
  /** The evidence hashes of the block of rows last asked for (see {@link #evidenceHash}); immutable. */
  private EvidenceHashes evidenceBlock;
  /** Every row's evidence hashes, while the collector keeps them (see {@link #evidenceHash}). */
  private volatile WeakReference<EvidenceHashes> allEvidence = new WeakReference<>(null);

  RowStore(Cycle cycle, Policy policy) {
    categoryBytes = utf8(policy.categories().keySet());
    roleBytes = utf8(policy.roles().keySet());
    readNames = policy.attributesRead().toArray(new String[0]);
    readNameBytes = utf8(Arrays.asList(readNames));
    rowValues = new double[readNames.length];
    for (int a = 0; a < readNames.length; a++) {
      readIndex.put(readNames[a], a);
    }
    Integer[] order = new Integer[readNames.length];
    for (int a = 0; a < order.length; a++) {
      order[a] = a;
    }
    Arrays.sort(order, (x, y) -> readNames[x].compareTo(readNames[y]));
    readOrder = new int[order.length];
    for (int a = 0; a < order.length; a++) {
      readOrder[a] = order[a];
    }
    cycleStart = cycle.start().getEpochSecond();
    boolean narrowTime = cycle.end().getEpochSecond() - cycleStart <= Integer.MAX_VALUE;
    int cap = 16;
    person = new int[cap];
    if (categoryBytes.length <= 256) {
      category = new byte[cap];
    } else {
      categoryWide = new short[cap];
    }
    role = new byte[cap];
    workingGroup = new short[cap];
    if (narrowTime) {
      second = new int[cap];
    } else {
      secondWide = new long[cap];
    }
    contentHash = new long[cap];
    attributes = new DoubleColumn[readNames.length];
    for (int a = 0; a < attributes.length; a++) {
      attributes[a] = new DoubleColumn(cap);
    }
  }

  private static byte[][] utf8(java.util.Collection<String> values) {
    byte[][] b = new byte[values.size()][];
    int i = 0;
    for (String v : values) {
      b[i++] = v.getBytes(StandardCharsets.UTF_8);
    }
    return b;
  }

  // ---------------------------------------------------------------- writing

  /** Appends an admitted record whose canonical bytes hash to {@code hash}; returns its row. */
  int append(Contribution c, long hash, int categoryIndex, int roleIndex) {
    return append(c, hash, categoryIndex, roleIndex, null, 0);
  }

  /**
   * {@link #append(Contribution, long, int, int)} with person hints (see
   * {@link ContributionBatch.Builder#prepare(java.util.List, int[])}): {@code hints[hintAt]} for the contributor,
   * then one per counterpart and one per reviewer, in the record's order; {@code hints} may be null.
   */
  int append(Contribution c, long hash, int categoryIndex, int roleIndex, int[] hints, int hintAt) {
    int row = rows;
    ensure(row + 1);
    int h = hintAt;
    person[row] = people.encode(c.contributor(), hints == null ? -1 : hints[h++]);
    if (category != null) {
      category[row] = (byte) categoryIndex;
    } else {
      categoryWide[row] = (short) categoryIndex;
    }
    role[row] = (byte) roleIndex;
    int wg = workingGroups.encode(c.workingGroup());
    if (wg > Short.MAX_VALUE) {
      throw new IllegalArgumentException("too many working groups in one batch: " + (wg + 1));
    }
    workingGroup[row] = (short) wg;
    long s = c.occurredAt().getEpochSecond();
    if (second != null) {
      second[row] = (int) (s - cycleStart);
    } else {
      secondWide[row] = s;
    }
    contentHash[row] = hash;
    Attributes at = (Attributes) c.attributes();
    int extras = at.size();
    // admission rejects a non-finite value, so NaN here means the record does not carry the attribute
    Arrays.fill(rowValues, Double.NaN);
    for (int i = 0; i < at.size(); i++) {
      int a = readSlot(at.name(i));
      if (a >= 0) {
        rowValues[a] = at.value(i);
        extras--;
      }
    }
    for (int a = 0; a < readNames.length; a++) {
      attributes[a].add(rowValues[a]);
    }
    List<String> cps = c.counterparts();
    int cpn = cpStart.last();
    cp = grow(cp, cpn + cps.size());
    for (int k = 0; k < cps.size(); k++) {
      cp[cpn++] = people.encode(cps.get(k), hints == null ? -1 : hints[h++]);
    }
    cpStart.add(cpn);
    List<Review> rvs = c.reviews();
    int rvn = rvStart.last();
    int need = rvn + rvs.size();
    reviewer = grow(reviewer, need);
    for (int k = 0; k < rvs.size(); k++) {
      Review r = rvs.get(k);
      reviewer[rvn] = people.encode(r.reviewer(), hints == null ? -1 : hints[h++]) | r.verdict().ordinal() << VERDICT_SHIFT;
      quality.add(r.quality().isPresent() ? r.quality().getAsDouble() : Double.NaN);
      rvn++;
    }
    rvStart.add(rvn);

    int nano = c.occurredAt().getNano();
    int ne = c.evidence().size();
    putVarint((long) daos.encode(c.dao()) << 5 | Math.min(ne, 3) << 3 | (extras > 0 ? 4 : 0) | (nano != 0 ? 2 : 0)
        | (c.supersedes() != null ? 1 : 0));
    if (ne >= 3) {
      putVarint(ne - 3L);
    }
    putCompact(c.id());
    if (nano != 0) {
      putVarint(nano);
    }
    if (extras > 0) {
      putVarint(extras);
      for (int i = 0; i < at.size(); i++) {
        if (readSlot(at.name(i)) < 0) {
          putVarint(extraNames.encode(at.name(i)));
          putValue(at.value(i));
        }
      }
    }
    List<Evidence> evidence = c.evidence();
    for (int k = 0; k < evidence.size(); k++) {
      Evidence e = evidence.get(k);
      putCompact(e.uri());
      putRaw(e.contentHash() == null ? "" : e.contentHash());
    }
    for (int k = 0; k < rvs.size(); k++) {
      Review r = rvs.get(k);
      if (r.verdict() == Verdict.DUPLICATE) {
        putCompact(r.duplicateOf());
      }
    }
    if (c.supersedes() != null) {
      putCompact(c.supersedes());
    }
    recordStart.add(arenaLength);
    rows++;
    return row;
  }

  /**
   * {@link #append(Contribution, long, int, int, int[], int)} of the record {@code row} reads in canonical
   * form, which must be {@link EncodedRow#simple}, with no attribute the policy does not read (its slots
   * set by {@link #readsAll}): the same columns and arena bytes as appending the decoded record, without
   * decoding it. People are coded through {@code table}'s codes in {@code codes} where there are some (the
   * batch's own table, checked when the records were prepared), else looked up by their bytes.
   */
  int appendEncoded(EncodedRow v, long hash, int categoryIndex, int roleIndex, int[] codes,
      Interner.Shared table, int hintAt) {
    byte[] b = v.b;
    int row = rows;
    ensure(row + 1);
    int h = hintAt;
    person[row] = person(b, v.contributorStart, v.contributorEnd, codes, table, h++);
    if (category != null) {
      category[row] = (byte) categoryIndex;
    } else {
      categoryWide[row] = (short) categoryIndex;
    }
    role[row] = (byte) roleIndex;
    int wg = workingGroups.encodeAscii(b, v.groupStart, v.groupEnd);
    if (wg > Short.MAX_VALUE) {
      throw new IllegalArgumentException("too many working groups in one batch: " + (wg + 1));
    }
    workingGroup[row] = (short) wg;
    if (second != null) {
      second[row] = (int) (v.second - cycleStart);
    } else {
      secondWide[row] = v.second;
    }
    contentHash[row] = hash;
    Arrays.fill(rowValues, Double.NaN);
    for (int i = 0; i < v.attributes; i++) {
      rowValues[v.slot[i]] = Double.longBitsToDouble(v.valueBits[i]);
    }
    for (int a = 0; a < readNames.length; a++) {
      attributes[a].add(rowValues[a]);
    }
    int cpn = cpStart.last();
    cp = grow(cp, cpn + v.counterparts);
    for (int k = 0; k < v.counterparts; k++) {
      cp[cpn++] = person(b, v.counterpartStart[k], v.counterpartEnd[k], codes, table, h++);
    }
    cpStart.add(cpn);
    int rvn = rvStart.last();
    reviewer = grow(reviewer, rvn + v.reviews);
    for (int k = 0; k < v.reviews; k++) {
      reviewer[rvn] = person(b, v.reviewerStart[k], v.reviewerEnd[k], codes, table, h++) | v.verdict[k] << VERDICT_SHIFT;
      quality.add(v.quality[k]);
      rvn++;
    }
    rvStart.add(rvn);

    int ne = v.evidence;
    putVarint((long) daos.encodeAscii(b, v.daoStart, v.daoEnd) << 5 | Math.min(ne, 3) << 3 | (v.nano != 0 ? 2 : 0));
    if (ne >= 3) {
      putVarint(ne - 3L);
    }
    putCompactAscii(b, v.idStart, v.idEnd);
    if (v.nano != 0) {
      putVarint(v.nano);
    }
    for (int k = 0; k < ne; k++) {
      int[] s = v.evidenceSpan;
      putCompactAscii(b, s[4 * k], s[4 * k + 1]);
      putAscii(b, s[4 * k + 2], s[4 * k + 3]);
    }
    recordStart.add(arenaLength);
    rows++;
    return row;
  }

  /**
   * The code of the person whose id is the ASCII bytes {@code b[from, to)}: through {@code table}'s code
   * for those bytes when there is one, else looked up by the bytes.
   */
  private int person(byte[] b, int from, int to, int[] codes, Interner.Shared table, int h) {
    int t = codes == null || table == null ? -1 : codes[h];
    return t >= 0 ? people.fromTable(t, table) : people.encodeAscii(b, from, to);
  }

  /** {@link People#touch} of the person table code {@code t}: read to bring its entry into cache. */
  int touchPerson(int t) {
    return people.touch(t);
  }

  /**
   * Whether every attribute of {@code v} is one the policy reads (so none goes to the arena); if so their
   * read slots are in {@code v.slot}, for {@link #appendEncoded}.
   */
  boolean readsAll(EncodedRow v) {
    for (int i = 0; i < v.attributes; i++) {
      int a = readSlotAscii(v.b, v.nameStart[i], v.nameEnd[i]);
      if (a < 0) {
        return false;
      }
      v.slot[i] = a;
    }
    return true;
  }

  /** The read slot of the attribute named by the ASCII bytes {@code b[from, to)}, or -1. */
  private int readSlotAscii(byte[] b, int from, int to) {
    for (int a = 0; a < readNameBytes.length; a++) {
      byte[] n = readNameBytes[a];
      if (n.length == to - from && Arrays.equals(n, 0, n.length, b, from, to)) {
        return a;
      }
    }
    return -1;
  }

  /** {@link #putRaw} of the ASCII bytes {@code b[from, to)}. */
  private void putAscii(byte[] b, int from, int to) {
    int n = to - from;
    putVarint(n);
    room(n);
    System.arraycopy(b, from, arena, arenaLength, n);
    arenaLength += n;
  }

  /** {@link #putCompact} of the string whose characters are the ASCII bytes {@code b[from, to)}. */
  private void putCompactAscii(byte[] b, int from, int to) {
    int n = to - from;
    int d = n;
    while (d > 0 && n - d < 18) {
      byte ch = b[from + d - 1];
      if (ch < '0' || ch > '9') {
        break;
      }
      d--;
    }
    while (d < n - 1 && b[from + d] == '0') {
      d++;
    }
    long number = -1;
    int headEnd;
    if (d < n) {
      headEnd = d;
      number = 0;
      for (int k = from + d; k < to; k++) {
        number = number * 10 + (b[k] - '0');
      }
    } else {
      headEnd = 0;
      for (int k = n - 1; k >= 0; k--) {
        if (b[from + k] == '/') {
          headEnd = k + 1;
          break;
        }
      }
    }
    int code = heads.findAscii(b, from, from + headEnd);
    if (code < 0 && heads.size() < MAX_HEADS) {
      code = heads.encode(new String(b, from, headEnd, StandardCharsets.ISO_8859_1));
    }
    if (code < 0) {
      putVarint(0);
      putAscii(b, from, to);
    } else {
      putVarint(code + 1L);
      if (number >= 0) {
        putVarint(number << 1 | 1);
      } else {
        int t = n - headEnd;
        putVarint((long) t << 1);
        room(t);
        System.arraycopy(b, from + headEnd, arena, arenaLength, t);
        arenaLength += t;
      }
    }
  }

  /**
   * The column of attribute {@code name} among those the policy reads, or -1. A file's rows name their
   * attributes with the same few string instances, so those are remembered by identity: a row's
   * attributes cost a few reference comparisons, not a hash or a string comparison each.
   */
  private int readSlot(String name) {
    for (int i = 0; i < seenNames; i++) {
      if (seenName[i] == name) {
        return seenSlot[i];
      }
    }
    Integer a = readIndex.get(name);
    int slot = a == null ? -1 : a;
    if (seenNames < seenName.length) {
      seenName[seenNames] = name;
      seenSlot[seenNames++] = slot;
    }
    return slot;
  }

  private void ensure(int n) {
    if (n <= person.length) {
      return;
    }
    resizeRows(Growth.capacity(person.length, n));
  }

  /**
   * Makes room for about {@code extra} more rows at once (see {@link ContributionBatch.Builder#expect}):
   * the per-row columns for exactly that many, and the record arena, counterparts and reviews for as much
   * per row as the rows so far took (nothing is guessed before the first row).
   */
  void reserve(int extra) {
    if (frozen || extra <= 0) {
      return;
    }
    int n = (int) Math.min((long) rows + extra, Integer.MAX_VALUE - 17);
    if (n > person.length) {
      resizeRows(n);
    }
    // n rows have n + 1 offsets (each part's start, and the end of the last)
    recordStart.reserve(n + 1);
    cpStart.reserve(n + 1);
    rvStart.reserve(n + 1);
    for (DoubleColumn a : attributes) {
      a.reserve(n);
    }
    if (rows > 0) {
      double more = (double) extra / rows;
      long a = arenaLength + (long) (arenaLength * more);
      if (a > arena.length && a <= Integer.MAX_VALUE - 16) {
        arena = Arrays.copyOf(arena, (int) a);
      }
      int cps = cpStart.last();
      cp = grow(cp, (int) Math.min(Integer.MAX_VALUE - 16, cps + (long) (cps * more)));
      int rvs = rvStart.last();
      int r = (int) Math.min(Integer.MAX_VALUE - 16, rvs + (long) (rvs * more));
      reviewer = grow(reviewer, r);
      quality.reserve(r);
    }
  }

  private void resizeRows(int cap) {
    person = Arrays.copyOf(person, cap);
    if (category != null) {
      category = Arrays.copyOf(category, cap);
    } else {
      categoryWide = Arrays.copyOf(categoryWide, cap);
    }
    role = Arrays.copyOf(role, cap);
    workingGroup = Arrays.copyOf(workingGroup, cap);
    if (second != null) {
      second = Arrays.copyOf(second, cap);
    } else {
      secondWide = Arrays.copyOf(secondWide, cap);
    }
    contentHash = Arrays.copyOf(contentHash, cap);
  }

  private static int[] grow(int[] a, int need) {
    return a.length >= need ? a : Arrays.copyOf(a, Growth.capacity(a.length, need));
  }

  private void room(int extra) {
    if (arenaLength + extra > arena.length) {
      Checks.state((long) arenaLength + extra <= Integer.MAX_VALUE - 16,
          "batch record arena is full (2 GiB); split the batch");
      arena = Arrays.copyOf(arena, Growth.capacity(arena.length, arenaLength + extra));
    }
  }

  private void putVarint(long v) {
    room(10);
    while ((v & ~0x7FL) != 0) {
      arena[arenaLength++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    arena[arenaLength++] = (byte) v;
  }

  private void putBytes(byte[] b) {
    putVarint(b.length);
    room(b.length);
    System.arraycopy(b, 0, arena, arenaLength, b.length);
    arenaLength += b.length;
  }

  private void putRaw(String s) {
    // ASCII is its own UTF-8: copied without an intermediate byte array
    int n = s.length();
    int mark = arenaLength;
    putVarint(n);
    room(n);
    if (!RecordCodec.copyAscii(s, arena, arenaLength)) {
      arenaLength = mark;
      putBytes(s.getBytes(StandardCharsets.UTF_8));
      return;
    }
    arenaLength += n;
  }

  private void putValue(double v) {
    long whole = (long) v;
    if (v >= 0 && whole < (1L << 52) && Double.doubleToLongBits(v) == Double.doubleToLongBits((double) whole)) {
      putVarint(whole << 1);
    } else {
      putVarint(1);
      long bits = Double.doubleToLongBits(v);
      room(8);
      for (int i = 0; i < 8; i++) {
        arena[arenaLength++] = (byte) (bits >>> (8 * i));
      }
    }
  }

  /** Writes {@code s} as a compact string (see the class documentation). */
  private void putCompact(String s) {
    int n = s.length();
    int d = n;
    while (d > 0 && n - d < 18) {
      char ch = s.charAt(d - 1);
      if (ch < '0' || ch > '9') {
        break;
      }
      d--;
    }
    while (d < n - 1 && s.charAt(d) == '0') {
      d++;
    }
    long number = -1;
    String tail = null;
    int headEnd;
    if (d < n) {
      headEnd = d;
      number = Long.parseLong(s, d, n, 10);
    } else {
      headEnd = s.lastIndexOf('/') + 1;
      tail = s.substring(headEnd);
    }
    // the head is looked up in place: a known head (nearly every one) costs no string
    int code = heads.findPrefix(s, headEnd);
    if (code < 0 && heads.size() < MAX_HEADS) {
      code = heads.encode(s.substring(0, headEnd));
    }
    if (code < 0) {
      putVarint(0);
      putRaw(s);
    } else {
      putVarint(code + 1L);
      if (number >= 0) {
        putVarint(number << 1 | 1);
      } else {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        putVarint((long) t.length << 1);
        room(t.length);
        System.arraycopy(t, 0, arena, arenaLength, t.length);
        arenaLength += t.length;
      }
    }
  }

  /**
   * Keeps only the rows whose {@code live} flag is set, in order (rows rejected when the batch is built).
   */
  void retain(boolean[] live) {
    boolean all = true;
    for (int r = 0; r < rows; r++) {
      all &= live[r];
    }
    if (all) {
      return;
    }
    boolean[] reviewLive = new boolean[rvStart.last()];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(reviewLive, rvStart.get(r), rvStart.get(r + 1), live[r]);
    }
    int w = 0;
    int a0 = recordStart.get(0);
    int c0 = cpStart.get(0);
    int v0 = rvStart.get(0);
    for (int r = 0; r < rows; r++) {
      // Read this row's original bounds before any write can reach index r + 1.
      int a1 = recordStart.get(r + 1);
      int c1 = cpStart.get(r + 1);
      int v1 = rvStart.get(r + 1);
      if (live[r]) {
        person[w] = person[r];
        if (category != null) {
          category[w] = category[r];
        } else {
          categoryWide[w] = categoryWide[r];
        }
        role[w] = role[r];
        workingGroup[w] = workingGroup[r];
        if (second != null) {
          second[w] = second[r];
        } else {
          secondWide[w] = secondWide[r];
        }
        contentHash[w] = contentHash[r];
        int aw = recordStart.get(w);
        System.arraycopy(arena, a0, arena, aw, a1 - a0);
        recordStart.set(w + 1, aw + a1 - a0);
        int cw = cpStart.get(w);
        System.arraycopy(cp, c0, cp, cw, c1 - c0);
        cpStart.set(w + 1, cw + c1 - c0);
        int vw = rvStart.get(w);
        System.arraycopy(reviewer, v0, reviewer, vw, v1 - v0);
        rvStart.set(w + 1, vw + v1 - v0);
        w++;
      }
      a0 = a1;
      c0 = c1;
      v0 = v1;
    }
    for (DoubleColumn col : attributes) {
      col.retain(live);
    }
    quality.retain(reviewLive);
    rows = w;
    arenaLength = recordStart.get(w);
    recordStart.truncate(w + 1);
    cpStart.truncate(w + 1);
    rvStart.truncate(w + 1);
  }

  /**
   * Puts the rows in canonical order (content hash, signed, then canonical bytes), trims every array to
   * its content and compacts offsets and dictionaries; read-only afterwards.
   *
   * <p>Row order carries no meaning to the stages, but the content hash reads every row's canonical bytes
   * in exactly this order. Stored in that order, regenerating them walks the columns and the arena
   * sequentially; in arrival order each row would cost a cache miss per column at a million rows.
   */
  void freeze() {
    long listBytes = 16L * rvStart.last() + 4L * cpStart.last() + 8L * rows;
    freeze(rows >= CONCURRENT_FREEZE_ROWS && listBytes <= Runtime.getRuntime().maxMemory() / 8);
  }

  /**
   * Rows from which {@link #freeze()} permutes the counterpart and review lists on the fork-join pool while
   * the calling thread permutes the columns and the arena: at a million rows the two halves take about
   * the same time, and the pool is otherwise idle once a batch is being built.
   */
  static final int CONCURRENT_FREEZE_ROWS = 1 << 15;

  /**
   * {@link #freeze()}, permuting the lists on the pool while this thread permutes the rest when
   * {@code concurrent} (which changes nothing in the outcome: the two halves write disjoint arrays).
   * {@link #freeze()} does so only when the copies of the lists (about 16 bytes per review, 4 per
   * counterpart and 8 per row) need at most an eighth of the largest heap, since they are then held at
   * the same time as the copy of the arena: at ten million rows in a 2 GiB heap it does not.
   */
  void freeze(boolean concurrent) {
    int[] order = canonicalOrder();
    InOrder.Task<int[], int[]> lists = new InOrder.Task<>(order, o -> {
      permuteLists(o);
      return o;
    });
    if (concurrent) {
      // never waited for while merely queued: result() runs it here if no worker has started it
      (ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool()).execute(lists::runOnce);
    }
    permuteColumns(order);
    lists.result();
    lists.release();
    people.freeze();
    workingGroups.freeze();
    daos.freeze();
    extraNames.freeze();
    heads.freeze();
    frozen = true;
  }

  /** Puts the columns and the arena in {@code order}. */
  private void permuteColumns(int[] order) {
    person = permute(person, order);
    if (category != null) {
      byte[] c = new byte[rows];
      for (int i = 0; i < rows; i++) {
        c[i] = category[order[i]];
      }
      category = c;
    } else {
      categoryWide = permute(categoryWide, order);
    }
    byte[] ro = new byte[rows];
    for (int i = 0; i < rows; i++) {
      ro[i] = role[order[i]];
    }
    role = ro;
    workingGroup = permute(workingGroup, order);
    if (second != null) {
      second = permute(second, order);
    } else {
      secondWide = permute(secondWide, order);
    }
    // Once rows are in content-hash order the hashes are not kept: see contentHash(int).
    contentHash = null;
    for (DoubleColumn col : attributes) {
      col.permuteAndTrim(order);
    }
    // One array at a time, each replacing its array before the next is copied, so that the heap holds
    // at most one array twice at a time (at ten million rows the arrays together take hundreds of MB),
    // besides the lists' copies when they are made on the pool meanwhile (see freeze(boolean)).
    // The arena and each list are copied in two passes: first where every row's part starts, in the new order (reads of
    // the offsets at random, but independent of one another, so the processor overlaps their cache
    // misses), then the parts themselves. In one pass each part's read waited for its offset's miss;
    // at a million rows the three lists took 190-370 ms that way and take 80-100 ms now.
    int[] from = new int[rows];
    byte[] a = new byte[arenaLength];
    Offsets as = startsInOrder(recordStart, order, from);
    for (int i = 0; i < rows; i++) {
      int d = as.get(i);
      System.arraycopy(arena, from[i], a, d, as.get(i + 1) - d);
    }
    arena = a;
    recordStart = as;
    recordStart.compact();
  }

  /** Puts the counterpart and review lists in {@code order} (as {@link #permuteColumns} does the arena). */
  private void permuteLists(int[] order) {
    int[] from = new int[rows];
    int[] c = new int[cpStart.last()];
    Offsets cs = startsInOrder(cpStart, order, from);
    for (int i = 0; i < rows; i++) {
      int d = cs.get(i);
      int n = cs.get(i + 1) - d;
      int s0 = from[i];
      for (int k = 0; k < n; k++) {
        c[d + k] = cp[s0 + k];
      }
    }
    cp = c;
    cpStart = cs;
    cpStart.compact();
    int[] rv = new int[rvStart.last()];
    int[] reviewOrder = new int[rv.length];
    Offsets rs = startsInOrder(rvStart, order, from);
    for (int i = 0; i < rows; i++) {
      int d = rs.get(i);
      int n = rs.get(i + 1) - d;
      int s0 = from[i];
      for (int k = 0; k < n; k++) {
        rv[d + k] = reviewer[s0 + k];
        reviewOrder[d + k] = s0 + k;
      }
    }
    reviewer = rv;
    rvStart = rs;
    rvStart.compact();
    quality.permuteAndTrim(reviewOrder);
  }

  /**
   * The rows sorted by content hash (signed), then by canonical bytes, then by row.
   *
   * <p>Each row is one {@code long}: the top bits of its hash (as unsigned, with the sign flipped, so
   * unsigned order is the hashes' signed order) above the row number in the low bits. A stable LSD radix
   * sort of those longs on the hash bits alone leaves rows with equal hash bits in row order; the rare
   * runs of equal hash bits are then sorted by whole hash, canonical bytes and row. Digits are 8 bits, so
   * that each pass writes to 256 places that stay in cache: at a million rows this took 30 ms where
   * sorting hashes and rows side by side on 16-bit digits took 70 (740 ms against 190 at ten million).
   */
  private int[] canonicalOrder() {
    int n = rows;
    int rowBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    long rowMask = (1L << rowBits) - 1;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (contentHash[i] ^ Long.MIN_VALUE) & ~rowMask | i;
    }
    long[] keys2 = new long[n];
    int[] count = new int[1 << RADIX_BITS];
    for (int shift = rowBits; shift < 64; shift += RADIX_BITS) {
      int digitMask = (int) Math.min((1L << RADIX_BITS) - 1, (1L << (64 - shift)) - 1);
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (keys[i] >>> shift) & digitMask]++;
      }
      int sum = 0;
      for (int d = 0; d <= digitMask; d++) {
        int x = count[d];
        count[d] = sum;
        sum += x;
      }
      for (int i = 0; i < n; i++) {
        long k = keys[i];
        keys2[count[(int) (k >>> shift) & digitMask]++] = k;
      }
      long[] t = keys;
      keys = keys2;
      keys2 = t;
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = (int) (keys[i] & rowMask);
    }
    for (int j = 0; j < n; ) {
      int k = j + 1;
      while (k < n && (keys[k] & ~rowMask) == (keys[j] & ~rowMask)) {
        k++;
      }
      if (k - j > 1) {
        sortRun(idx, j, k);
      }
      j = k;
    }
    return idx;
  }

  /** Bits per digit of {@link #canonicalOrder}'s radix sort. */
  private static final int RADIX_BITS = 8;

  /** Sorts the rows {@code idx[from, to)} by content hash (signed), then canonical bytes, then row. */
  private void sortRun(int[] idx, int from, int to) {
    int m = to - from;
    Integer[] run = new Integer[m];
    byte[][] bytes = new byte[m][];
    for (int i = 0; i < m; i++) {
      run[i] = i;
    }
    Arrays.sort(run, (x, y) -> {
      int c = Long.compare(contentHash[idx[from + x]], contentHash[idx[from + y]]);
      if (c != 0) {
        return c;
      }
      c = Arrays.compare(canonicalBytes(idx[from + x], bytes, x), canonicalBytes(idx[from + y], bytes, y));
      return c != 0 ? c : Integer.compare(idx[from + x], idx[from + y]);
    });
    int[] rowsOfRun = Arrays.copyOfRange(idx, from, to);
    for (int i = 0; i < m; i++) {
      idx[from + i] = rowsOfRun[run[i]];
    }
  }

  /** The canonical bytes of {@code row}, made once and kept in {@code cache[at]}. */
  private byte[] canonicalBytes(int row, byte[][] cache, int at) {
    if (cache[at] == null) {
      RecordCodec out = new RecordCodec(256);
      appendCanonical(row, out);
      cache[at] = Arrays.copyOf(out.bytes(), out.length());
    }
    return cache[at];
  }

  /**
   * The offsets of the parts of rows {@code order[0], order[1], ...} laid end to end, given their
   * {@code offsets} now; where each starts now goes to {@code from}.
   */
  private static Offsets startsInOrder(Offsets offsets, int[] order, int[] from) {
    Offsets out = new Offsets(order.length);
    int w = 0;
    for (int i = 0; i < order.length; i++) {
      int r = order[i];
      int s0 = offsets.get(r);
      from[i] = s0;
      out.add(w += offsets.get(r + 1) - s0);
    }
    return out;
  }

  private static int[] permute(int[] a, int[] order) {
    int[] b = new int[order.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = a[order[i]];
    }
    return b;
  }

  private static short[] permute(short[] a, int[] order) {
    short[] b = new short[order.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = a[order[i]];
    }
    return b;
  }

  private static long[] permute(long[] a, int[] order) {
    long[] b = new long[order.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = a[order[i]];
    }
    return b;
  }

  // ---------------------------------------------------------------- reading

  int rows() {
    return rows;
  }

  int person(int row) {
    return person[row];
  }

  int category(int row) {
    return category != null ? category[row] & 0xFF : categoryWide[row];
  }

  int role(int row) {
    return role[row];
  }

  int workingGroup(int row) {
    return workingGroup[row];
  }

  long epochSecond(int row) {
    return second != null ? cycleStart + second[row] : secondWide[row];
  }

  /**
   * The xxHash64 of {@code row}'s canonical bytes. Kept in a column while admitting (duplicate ids are
   * compared by it) and for putting rows in order; once frozen it is computed again from the canonical
   * bytes on each call, as readers need it only to break ties between rows with the same time and record
   * id, which admission leaves none of, so a column of eight bytes a row would be kept for nothing.
   */
  long contentHash(int row) {
    long[] h = contentHash;
    if (h != null) {
      return h[row];
    }
    RecordCodec out = new RecordCodec(256);
    appendCanonical(row, out);
    return Hashing.hash64(out.bytes(), 0, out.length());
  }

  /** The column of policy-read attribute {@code name} (NaN where absent), or null. */
  DoubleColumn attributeColumn(String name) {
    Integer a = readIndex.get(name);
    return a == null ? null : attributes[a];
  }

  int counterpartCount(int row) {
    return cpStart.get(row + 1) - cpStart.get(row);
  }

  int counterpart(int row, int k) {
    return cp[cpStart.get(row) + k];
  }

  int reviewCount(int row) {
    return rvStart.get(row + 1) - rvStart.get(row);
  }

  int reviewer(int row, int k) {
    return reviewer[rvStart.get(row) + k] & PERSON_MASK;
  }

  int verdict(int row, int k) {
    return reviewer[rvStart.get(row) + k] >>> VERDICT_SHIFT;
  }

  double quality(int row, int k) {
    return quality.get(rvStart.get(row) + k);
  }

  /**
   * The median quality score of {@code row}'s approving reviews that give one, NaN if none does: the
   * review-quality factor of the credit formula. Reads the row's reviews once, where going through
   * {@link #verdict} and {@link #quality} would look the row's review offsets up twice per review.
   */
  double approvalQuality(int row) {
    int s = rvStart.get(row);
    int n = rvStart.get(row + 1) - s;
    if (n <= 2) {
      // One or two reviews (the common case): the same median without a scratch array.
      double a = n > 0 && reviewer[s] >>> VERDICT_SHIFT == APPROVE ? quality.get(s) : Double.NaN;
      double b = n > 1 && reviewer[s + 1] >>> VERDICT_SHIFT == APPROVE ? quality.get(s + 1) : Double.NaN;
      if (Double.isNaN(a)) {
        return b;
      }
      return Double.isNaN(b) ? a : (a + b) / 2.0;
    }
    double[] qs = new double[n];
    int m = 0;
    for (int k = s; k < s + n; k++) {
      if (reviewer[k] >>> VERDICT_SHIFT == APPROVE) {
        double q = quality.get(k);
        if (!Double.isNaN(q)) {
          qs[m++] = q;
        }
      }
    }
    if (m == 0) {
      return Double.NaN;
    }
    Arrays.sort(qs, 0, m);
    return (m & 1) == 1 ? qs[m / 2] : (qs[m / 2 - 1] + qs[m / 2]) / 2.0;
  }

  int evidenceCount(int row) {
    // Cursor.header() without a cursor: called per row by several stages, where the cursor was not
    // always scalar-replaced. The header's bits 3-4 hold the count, 3 meaning "3 + the varint after it".
    byte[] a = arena;
    int pos = recordStart.get(row);
    long header = 0;
    int shift = 0;
    byte b;
    do {
      b = a[pos++];
      header |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    int e = (int) (header >>> 3) & 3;
    if (e < 3) {
      return e;
    }
    long more = 0;
    shift = 0;
    do {
      b = a[pos++];
      more |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return 3 + (int) more;
  }

  /*
   * Evidence hashes are not stored: each is the xxHash64 of the evidence key ("sha:" + content hash when
   * given, else "uri:" + URI), regenerated from the arena. The reader that matters, the evidence-reuse
   * detector, scans every row's hashes from row 0 several times in one cycle. A scan that starts at the
   * first rows therefore computes every row's hashes in one sequential walk of the arena and keeps them
   * behind a weak reference: a transient array, reused by the scans that follow while no collection
   * intervenes, that never stays resident beyond that. Any other access (or a scan after the collector
   * dropped the array) computes a block of consecutive rows at a time and keeps the last block in an
   * immutable object; that field is written without synchronisation: a thread sees null, its own block
   * or a complete block of another thread (final fields), and checks which rows it covers before use.
   * Either way the values are the same; only the cost differs.
   */
  private static final int EVIDENCE_BLOCK_SHIFT = 5;

  /** Evidence hashes of consecutive rows from {@code firstRow}: row r's are from {@code start[r - firstRow]}. */
  private static final class EvidenceHashes {
    final int firstRow;
    final int[] start;
    final long[] hashes;

    EvidenceHashes(int firstRow, int[] start, long[] hashes) {
      this.firstRow = firstRow;
      this.start = start;
      this.hashes = hashes;
    }
  }

  /**
   * The key ({@link Evidence#key()}) of the {@code k}-th evidence of {@code row}, read from the arena
   * without regenerating the rest of the record: the header, id, nanoseconds and extra attributes are
   * skipped, then the evidence before {@code k}.
   */
  String evidenceKey(int row, int k) {
    Cursor in = new Cursor(arena, recordStart.get(row));
    in.skipToEvidence();
    for (int i = 0; i < k; i++) {
      in.skipCompact();
      in.skipRaw();
    }
    String uri = in.string(heads);
    String contentHash = in.raw();
    return contentHash.isEmpty() ? "uri:" + uri : "sha:" + contentHash;
  }

  /** The xxHash64 of the {@code k}-th evidence key of {@code row} ({@link Evidence#key()}). */
  long evidenceHash(int row, int k) {
    EvidenceHashes e = null;
    if (frozen) {
      e = allEvidence.get();
      if (e == null && row < 1 << EVIDENCE_BLOCK_SHIFT) {
        e = evidenceHashes(0, rows);
        allEvidence = new WeakReference<>(e);
      }
    }
    if (e == null) {
      int first = row >>> EVIDENCE_BLOCK_SHIFT << EVIDENCE_BLOCK_SHIFT;
      e = evidenceBlock;
      if (e == null || e.firstRow != first) {
        e = evidenceHashes(first, Math.min(rows, first + (1 << EVIDENCE_BLOCK_SHIFT)));
        if (frozen) {
          evidenceBlock = e; // while still being written a block may grow, so it is not kept
        }
      }
    }
    int at = e.start[row - e.firstRow];
    Objects.checkIndex(k, e.start[row - e.firstRow + 1] - at);
    return e.hashes[at + k];
  }

  /** The evidence hashes of rows {@code from} to {@code to} (exclusive), in row and evidence order. */
  private EvidenceHashes evidenceHashes(int from, int to) {
    int[] start = new int[to - from + 1];
    long[] h = new long[Math.max(16, to - from)];
    byte[] key = new byte[64];
    int j = 0;
    for (int row = from; row < to; row++) {
      start[row - from] = j;
      Cursor in = new Cursor(arena, recordStart.get(row));
      in.skipToEvidence();
      int ne = in.evidence;
      if (h.length - j < ne) {
        h = Arrays.copyOf(h, Growth.capacity(h.length, j + ne));
      }
      for (int i = 0; i < ne; i++) {
        int uriAt = in.pos;
        in.skipCompact();
        int hashLength = (int) in.varint();
        if (hashLength > 0) {
          key = Cursor.prefixed(key, SHA, in.a, in.pos, hashLength);
          h[j++] = Hashing.hash64(key, 0, SHA.length + hashLength);
        } else {
          Cursor uri = new Cursor(arena, uriAt);
          int n = uri.compactInto(heads, key, URI.length);
          if (n < 0) {
            key = new byte[2 * key.length - n];
            n = new Cursor(arena, uriAt).compactInto(heads, key, URI.length);
          }
          System.arraycopy(URI, 0, key, 0, URI.length);
          h[j++] = Hashing.hash64(key, 0, n);
        }
        in.pos += hashLength;
      }
    }
    start[to - from] = j;
    return new EvidenceHashes(from, start, h.length == j ? h : Arrays.copyOf(h, j));
  }

  private static final byte[] SHA = "sha:".getBytes(StandardCharsets.UTF_8);
  private static final byte[] URI = "uri:".getBytes(StandardCharsets.UTF_8);

  /** The record id of {@code row}. */
  String recordId(int row) {
    Cursor in = new Cursor(arena, recordStart.get(row));
    in.header();
    return in.string(heads);
  }

  /** Appends the canonical bytes of {@code row} ({@link RecordCodec#append}) to {@code out}. */
  void appendCanonical(int row, RecordCodec out) {
    Cursor in = new Cursor(arena, recordStart.get(row));
    long header = in.header();
    in.copyCompact(heads, out);
    people.put(person[row], out);
    out.putUtf8(daos.bytes((int) (header >>> 5)));
    out.putUtf8(workingGroups.bytes(workingGroup[row]));
    out.putUtf8(categoryBytes[category(row)]);
    out.putUtf8(roleBytes[role[row]]);
    out.putVarlong(epochSecond(row));
    out.putVarlong((header & 2) != 0 ? in.varint() : 0);
    // Attributes in name order: the policy-read ones from the columns merged with the others.
    int extras = (header & 4) != 0 ? (int) in.varint() : 0;
    int present = 0;
    for (DoubleColumn col : attributes) {
      if (!Double.isNaN(col.get(row))) {
        present++;
      }
    }
    out.putVarlong(present + (long) extras);
    int k = 0;
    int extraName = extras > 0 ? (int) in.varint() : -1;
    while (k < readOrder.length || extras > 0) {
      double v = k < readOrder.length ? attributes[readOrder[k]].get(row) : Double.NaN;
      if (k < readOrder.length && Double.isNaN(v)) {
        k++;
        continue;
      }
      if (extras > 0 && (k == readOrder.length || extraNames.value(extraName).compareTo(readNames[readOrder[k]]) < 0)) {
        out.putUtf8(extraNames.bytes(extraName));
        out.putFixed64(Double.doubleToLongBits(in.value()));
        extras--;
        extraName = extras > 0 ? (int) in.varint() : -1;
      } else {
        out.putUtf8(attributeNameBytes(readOrder[k]));
        out.putFixed64(Double.doubleToLongBits(v));
        k++;
      }
    }
    int c0 = cpStart.get(row);
    int c1 = cpStart.get(row + 1);
    out.putVarlong(c1 - c0);
    for (int i = c0; i < c1; i++) {
      people.put(cp[i], out);
    }
    int ne = in.evidence;
    out.putVarlong(ne);
    for (int i = 0; i < ne; i++) {
      in.copyCompact(heads, out);
      in.copyRaw(out);
    }
    int v0 = rvStart.get(row);
    int v1 = rvStart.get(row + 1);
    out.putVarlong(v1 - v0);
    for (int i = v0; i < v1; i++) {
      int rv = reviewer[i];
      int verdict = rv >>> VERDICT_SHIFT;
      people.put(rv & PERSON_MASK, out);
      out.putVarlong(verdict);
      double q = quality.get(i);
      if (Double.isNaN(q)) {
        out.putVarlong(0);
      } else {
        out.putVarlong(1);
        out.putFixed64(Double.doubleToLongBits(q));
      }
      if (verdict == DUPLICATE) {
        in.copyCompact(heads, out);
      } else {
        out.putVarlong(0);
      }
    }
    if ((header & 1) != 0) {
      in.copyCompact(heads, out);
    } else {
      out.putVarlong(0);
    }
  }

  private byte[] attributeNameBytes(int a) {
    return readNameBytes[a];
  }

  /** The record of {@code row}, decoded from its regenerated canonical bytes. */
  Contribution record(int row) {
    RecordCodec out = new RecordCodec(256);
    appendCanonical(row, out);
    return RecordCodec.decode(out.bytes(), 0);
  }

  /** Bytes held by the columns, the arena and the dictionaries (an estimate of the resident size). */
  long bytesHeld() {
    long b = 4L * person.length + (category != null ? category.length : 2L * categoryWide.length) + role.length
        + 2L * workingGroup.length + (second != null ? 4L * second.length : 8L * secondWide.length)
        + (contentHash == null ? 0 : 8L * contentHash.length) + arena.length + recordStart.bytesHeld() + 4L * cp.length + cpStart.bytesHeld()
        + 4L * reviewer.length + quality.bytesHeld() + rvStart.bytesHeld()
        + people.bytesHeld() + workingGroups.bytesHeld() + daos.bytesHeld() + extraNames.bytesHeld()
        + heads.bytesHeld();
    for (DoubleColumn col : attributes) {
      b += col.bytesHeld();
    }
    return b;
  }

  /** Reads the arena. */
  private static final class Cursor {
    private final byte[] a;
    private int pos;

    /** The row's evidence count, once {@link #header} has read it. */
    int evidence;

    /** Reads a row's header (at the start of its arena entry) and its evidence count; returns the header. */
    long header() {
      long header = varint();
      int e = (int) (header >>> 3) & 3;
      evidence = e == 3 ? 3 + (int) varint() : e;
      return header;
    }

    /** Moves from the start of a row's arena entry to its first evidence, reading the evidence count. */
    void skipToEvidence() {
      long header = header();
      skipCompact();
      if ((header & 2) != 0) {
        varint();
      }
      if ((header & 4) != 0) {
        for (int x = (int) varint(); x > 0; x--) {
          varint();
          value();
        }
      }
    }

    /**
     * Writes the compact string here into {@code dst} from {@code at}; returns the end, or minus the length
     * needed if {@code dst} may be too short (the cursor is then past the string's head: start again).
     */
    int compactInto(Names heads, byte[] dst, int at) {
      int h = (int) varint();
      if (h == 0) {
        int n = (int) varint();
        if (at + n > dst.length) {
          return -(at + n);
        }
        System.arraycopy(a, pos, dst, at, n);
        pos += n;
        return at + n;
      }
      byte[] head = heads.bytes(h - 1);
      long t = varint();
      int n = (t & 1) == 1 ? 19 : (int) (t >>> 1);
      if (at + head.length + n > dst.length) {
        return -(at + head.length + n);
      }
      System.arraycopy(head, 0, dst, at, head.length);
      at += head.length;
      if ((t & 1) == 1) {
        return at + RecordCodec.writeDigits(t >>> 1, dst, at);
      }
      System.arraycopy(a, pos, dst, at, n);
      pos += n;
      return at + n;
    }

    /** {@code dst} (or a larger copy) holding {@code prefix} then {@code n} bytes of {@code src} from {@code from}. */
    static byte[] prefixed(byte[] dst, byte[] prefix, byte[] src, int from, int n) {
      if (prefix.length + n > dst.length) {
        dst = new byte[prefix.length + n];
      }
      System.arraycopy(prefix, 0, dst, 0, prefix.length);
      System.arraycopy(src, from, dst, prefix.length, n);
      return dst;
    }

    Cursor(byte[] a, int pos) {
      this.a = a;
      this.pos = pos;
    }

    long varint() {
      byte b = a[pos];
      if (b >= 0) {
        pos++;
        return b;
      }
      long v = 0;
      int shift = 0;
      while (true) {
        byte x = a[pos++];
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
        shift += 7;
      }
    }

    double value() {
      long t = varint();
      if ((t & 1) == 0) {
        return (double) (t >>> 1);
      }
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) (a[pos++] & 0xFF) << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }

    String raw() {
      int n = (int) varint();
      String s = new String(a, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    void skipRaw() {
      int n = (int) varint();
      pos += n;
    }

    void skipCompact() {
      int h = (int) varint();
      if (h == 0) {
        skipRaw();
        return;
      }
      long t = varint();
      if ((t & 1) == 0) {
        pos += (int) (t >>> 1);
      }
    }

    void copyRaw(RecordCodec out) {
      int n = (int) varint();
      out.putUtf8(EMPTY, a, pos, n);
      pos += n;
    }

    void copyCompact(Names heads, RecordCodec out) {
      int h = (int) varint();
      if (h == 0) {
        copyRaw(out);
        return;
      }
      byte[] head = heads.bytes(h - 1);
      long t = varint();
      if ((t & 1) == 1) {
        out.putUtf8(head, t >>> 1);
      } else {
        int n = (int) (t >>> 1);
        out.putUtf8(head, a, pos, n);
        pos += n;
      }
    }

    String string(Names heads) {
      int h = (int) varint();
      if (h == 0) {
        int n = (int) varint();
        String s = new String(a, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
      }
      String head = heads.value(h - 1);
      long t = varint();
      if ((t & 1) == 1) {
        return head + (t >>> 1);
      }
      int n = (int) (t >>> 1);
      String s = head + new String(a, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }

  private static final byte[] EMPTY = new byte[0];

  /**
   * The person ids (contributors, counterparts, reviewers) coded to dense ints in order of first
   * appearance. While building, a {@link Dictionary} finds codes; {@link #freeze} replaces it with the ids'
   * UTF-8 bytes in one array and an open-addressing table of codes keyed by the xxHash64 of the bytes.
   *
   * <p>A batch holds about one person per ten rows; as {@code String} objects each would cost two object
   * headers, a byte array and a reference, several times its text, and regenerating a row's canonical bytes
   * would follow two pointers to scattered objects per person named. Here an id is a slice of one array and
   * {@link #put} copies it into the canonical bytes; {@link #value} makes a {@code String} only when asked.
   *
   * <p>Rows name people in no particular order, so each id read is a cache miss; the layout keeps it to
   * one. When every id is at most 15 bytes and fixed-width slots take little more room than the ids need,
   * code {@code c}'s id sits in slot {@code c} of {@code 1 << shift} bytes: a length byte, then the bytes.
   * Otherwise the ids are packed end to end with compact offsets ({@code shift} is -1).
   */
  static final class People {
    /** Hints above this are ignored: they would only make the hint tables large. */
    static final int MAX_HINT = (1 << 22) - 1;
    private Dictionary codes = new Dictionary();
    private byte[] utf8;
    private int shift = -1;
    private Offsets start;
    private int[] table;
    /*
     * A cache in front of the dictionary: the id instance last coded with each hint, and its code. A hint
     * is trusted only for the very instance it was last seen with, so a wrong or reused hint costs a
     * dictionary lookup and never a wrong code.
     */
    private String[] hinted = new String[0];
    private int[] hintedCode = new int[0];
    /** Per code of the batch's string table, the person's code plus one (0 until first seen). */
    private int[] byTable = new int[0];

    int encode(String s) {
      int code = codes.encode(s);
      // Reviewer codes share an int with the verdict (see RowStore.reviewer).
      if (code > PERSON_MASK) {
        throw new IllegalStateException("too many distinct people in one batch: " + (code + 1L));
      }
      return code;
    }

    /** {@link #encode(String)}, looked up first by {@code hint} when it is not negative. */
    int encode(String s, int hint) {
      if (hint < 0 || hint > MAX_HINT) {
        return encode(s);
      }
      if (hint < hinted.length && hinted[hint] == s) {
        return hintedCode[hint];
      }
      int code = encode(s);
      if (hint >= hinted.length) {
        int cap = Growth.capacity(hinted.length, hint + 1);
        hinted = Arrays.copyOf(hinted, cap);
        hintedCode = Arrays.copyOf(hintedCode, cap);
      }
      hinted[hint] = s;
      hintedCode[hint] = code;
      return code;
    }

    /** The entry {@link #fromTable} reads first for table code {@code t}: read to bring it into cache. */
    int touch(int t) {
      return t >= 0 && t < byTable.length ? byTable[t] : 0;
    }

    /**
     * The code of the id with code {@code t} in {@code table}: looked up (by its string) the first time,
     * then remembered, so each person costs one dictionary lookup per batch, not one per mention.
     */
    int fromTable(int t, Interner.Shared table) {
      if (t < byTable.length) {
        int c = byTable[t] - 1;
        if (c >= 0) {
          return c;
        }
      } else {
        byTable = Arrays.copyOf(byTable, Growth.capacity(byTable.length, t + 1));
      }
      int c = encode(table.string(t));
      byTable[t] = c + 1;
      return c;
    }

    /** {@link #encode(String)} of the id whose characters are the ASCII bytes {@code b[from, to)}. */
    int encodeAscii(byte[] b, int from, int to) {
      int code = codes.findAscii(b, from, to);
      return code >= 0 ? code : encode(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    int size() {
      return codes != null ? codes.size() : count;
    }

    private int count;

    /** Where the id of {@code code} starts in {@link #utf8} (frozen only). */
    private int from(int code) {
      return shift >= 0 ? (code << shift) + 1 : start.get(code);
    }

    /** The length in bytes of the id of {@code code} (frozen only). */
    private int length(int code) {
      return shift >= 0 ? utf8[code << shift] : start.get(code + 1) - start.get(code);
    }

    String value(int code) {
      if (codes != null) {
        return codes.decode(code);
      }
      Objects.checkIndex(code, count);
      return new String(utf8, from(code), length(code), StandardCharsets.UTF_8);
    }

    /** Appends the id of {@code code} to {@code out} in canonical form (a varint length and UTF-8 bytes). */
    void put(int code, RecordCodec out) {
      if (codes != null) {
        out.putString(codes.decode(code));
      } else if (shift >= 0) {
        int at = code << shift;
        out.putUtf8(utf8, at + 1, utf8[at]);
      } else {
        int from = start.get(code);
        out.putUtf8(utf8, from, start.get(code + 1) - from);
      }
    }

    int find(String s) {
      if (codes != null) {
        return codes.find(s);
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      for (int i = slot(b, 0, b.length, table.length); ; i = i + 1 == table.length ? 0 : i + 1) {
        int c = table[i] - 1;
        if (c < 0) {
          return -1;
        }
        int from = from(c);
        if (Arrays.equals(utf8, from, from + length(c), b, 0, b.length)) {
          return c;
        }
      }
    }

    /** The home slot of an id in a table of {@code slots} (any size: the hash's high half is scaled). */
    private static int slot(byte[] b, int from, int to, int slots) {
      return (int) ((Hashing.hash64(b, from, to) >>> 32) * slots >>> 32);
    }

    void freeze() {
      if (codes == null) {
        return;
      }
      hinted = null;
      hintedCode = null;
      byTable = null;
      int n = codes.size();
      byte[][] ids = new byte[n][];
      long total = 0;
      int longest = 0;
      for (int c = 0; c < n; c++) {
        ids[c] = codes.decode(c).getBytes(StandardCharsets.UTF_8);
        total += ids[c].length;
        longest = Math.max(longest, ids[c].length);
      }
      int width = Integer.highestOneBit(Math.max(1, longest)) << 1; // a power of two > longest: room for the length byte
      long packed = total + 2L * n;
      if (longest <= 15 && (long) width * n <= packed + packed / 4) {
        shift = Integer.numberOfTrailingZeros(width);
        utf8 = new byte[n * width];
        for (int c = 0; c < n; c++) {
          utf8[c << shift] = (byte) ids[c].length;
          System.arraycopy(ids[c], 0, utf8, (c << shift) + 1, ids[c].length);
        }
      } else {
        Checks.state(total <= Integer.MAX_VALUE - 16, "person ids exceed 2 GiB of text");
        utf8 = new byte[(int) total];
        start = new Offsets(n);
        int at = 0;
        for (int c = 0; c < n; c++) {
          System.arraycopy(ids[c], 0, utf8, at, ids[c].length);
          start.add(at += ids[c].length);
        }
        start.compact();
      }
      count = n;
      // At most two thirds full; not a power of two, so no more than needed.
      int cap = n + n / 2 + 2;
      int[] t = new int[cap];
      for (int c = 0; c < n; c++) {
        int from = from(c);
        int i = slot(utf8, from, from + length(c), cap);
        while (t[i] != 0) {
          i = i + 1 == cap ? 0 : i + 1;
        }
        t[i] = c + 1;
      }
      table = t;
      codes = null;
    }

    /** Bytes held once frozen (an estimate of the resident size). */
    long bytesHeld() {
      return codes != null ? 0 : utf8.length + (start == null ? 0 : start.bytesHeld()) + 4L * table.length;
    }
  }

  /**
   * Strings coded to dense ints in order of first appearance, optionally with their UTF-8 bytes cached.
   * While building, a {@link Dictionary} (an open-addressing table of codes) finds codes; {@link #freeze}
   * replaces it with a compact open-addressing table of codes (4 to 8 bytes per string).
   */
  static final class Names {
    private final boolean cacheBytes;
    /** The first values looked up by their bytes, for {@link #findAscii}. */
    private final AsciiKeys.Cache recent = new AsciiKeys.Cache(16);
    private Dictionary codes = new Dictionary();
    private List<String> building = new ArrayList<>();
    private List<byte[]> buildingBytes = new ArrayList<>();
    private String[] values;
    private byte[][] bytes;
    private int[] table;

    Names(boolean cacheBytes) {
      this.cacheBytes = cacheBytes;
    }

    int encode(String s) {
      int next = building.size();
      int c = codes.encode(s);
      if (c != next) {
        return c;
      }
      building.add(s);
      if (cacheBytes) {
        buildingBytes.add(s.getBytes(StandardCharsets.UTF_8));
      }
      return next;
    }

    int size() {
      return values != null ? values.length : building.size();
    }

    String value(int code) {
      return values != null ? values[code] : building.get(code);
    }

    byte[] bytes(int code) {
      if (!cacheBytes) {
        return value(code).getBytes(StandardCharsets.UTF_8);
      }
      return bytes != null ? bytes[code] : buildingBytes.get(code);
    }

    /** {@link #encode} of the string whose characters are the ASCII bytes {@code b[from, to)}. */
    int encodeAscii(byte[] b, int from, int to) {
      int c = findAscii(b, from, to);
      return c >= 0 ? c : encode(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** {@link #find} of the string whose characters are the ASCII bytes {@code b[from, to)}. */
    int findAscii(byte[] b, int from, int to) {
      int c = recent.find(b, from, to);
      if (c >= 0) {
        return c;
      }
      c = codes != null ? codes.findAscii(b, from, to)
          : find(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      if (c >= 0) {
        recent.put(b, from, to, c);
      }
      return c;
    }

    /** {@link #find} of {@code s.substring(0, end)}, without making it while the names are being built. */
    int findPrefix(String s, int end) {
      return codes != null ? codes.findPrefix(s, end) : find(s.substring(0, end));
    }

    int find(String s) {
      if (codes != null) {
        return codes.find(s);
      }
      int mask = table.length - 1;
      for (int i = (int) Hashing.mix(s.hashCode()) & mask; ; i = (i + 1) & mask) {
        int c = table[i] - 1;
        if (c < 0) {
          return -1;
        }
        if (values[c].equals(s)) {
          return c;
        }
      }
    }

    void freeze() {
      if (values != null) {
        return;
      }
      values = building.toArray(new String[0]);
      if (cacheBytes) {
        bytes = buildingBytes.toArray(new byte[0][]);
      }
      int cap = Integer.highestOneBit(Math.max(4, values.length * 2) - 1) << 1;
      table = new int[cap];
      for (int c = 0; c < values.length; c++) {
        int i = (int) Hashing.mix(values[c].hashCode()) & (cap - 1);
        while (table[i] != 0) {
          i = (i + 1) & (cap - 1);
        }
        table[i] = c + 1;
      }
      codes = null;
      building = null;
      buildingBytes = null;
    }

    List<String> values() {
      return List.of(values != null ? values : building.toArray(new String[0]));
    }

    /**
     * Bytes held once frozen, estimated: per string a {@code String} (24 bytes), its byte array (16 bytes
     * of header plus the text, Latin-1 assumed), the cached UTF-8 copy, a reference and the table.
     */
    long bytesHeld() {
      if (values == null) {
        return 0;
      }
      long b = 16 + 4L * values.length + 4L * table.length;
      for (int c = 0; c < values.length; c++) {
        long text = 16 + values[c].length();
        b += 24 + text + (cacheBytes ? 4 + 16 + bytes[c].length : 0);
      }
      return b;
    }
  }
}
