package dev.kat.rules.codec;

import dev.kat.core.internal.Interner;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntBinaryOperator;

/**
 * The CSV reader: an RFC 4180 parser working on bytes, so that every row's exact byte range and start
 * line are known and its fields can be checked as strict UTF-8. Internal; one instance per thread of a read
 * ({@link ChunkedReading} hands it the file a chunk at a time).
 *
 * <p>Rules beyond RFC 4180, documented in docs/formats.md: lines may end in LF or CRLF; blank lines are
 * skipped and are not rows; a UTF-8 byte-order mark is skipped; a quote inside an unquoted field, or
 * text after a closing quote, makes the row malformed rather than being guessed at.
 */
final class CsvContributions implements ChunkedReading.ChunkParser {
  private static final int ID = 0;
  private static final int CONTRIBUTOR = 1;
  private static final int DAO = 2;
  private static final int WORKING_GROUP = 3;
  private static final int CATEGORY = 4;
  private static final int ROLE = 5;
  private static final int OCCURRED_AT = 6;
  private static final int COUNTERPARTS = 7;
  private static final int EVIDENCE = 8;
  private static final int REVIEWS = 9;
  private static final int SUPERSEDES = 10;
  private static final int NOTE = 11;
  private static final int ATTRIBUTE = 12;

  /** The columns with a fixed meaning, by kind; every other column is a numeric attribute. */
  static final List<String> FIXED_COLUMNS = List.of("id", "contributor", "dao", "workingGroup", "category",
      "role", "occurredAt", "counterparts", "evidence", "reviews", "supersedes", "note");

  /** Columns every file must have. */
  static final List<String> REQUIRED_COLUMNS = List.of("id", "contributor", "category", "role", "occurredAt");

  private final String source;
  private final int maxRowBytes;
  private final ByteBuf content = new ByteBuf();
  private int[] fieldStart = new int[32];
  private int[] fieldEnd = new int[32];
  private int fields;
  private long line = 1;
  private long recLine;
  private long recStart;
  private int problemColumn;
  private String problem;
  private boolean overflow;
  private int overflowColumn;
  private boolean lastFieldQuoted;

  /** Whether the header is still to be read (the first row that is not blank). */
  private boolean beforeHeader = true;
  /** Added to lines named in the text of a problem; 0 while the chunk's place in the file is unknown. */
  private long messageLineBase;
  private String[] names;
  private int[] kinds;
  private boolean headerUsable;
  private List<FileProblem> fileProblems = new ArrayList<>();
  private final RecordParts parts = new RecordParts();
  /** The record the last {@link #row} call built. */
  private Contribution built;
  /** Whether the last {@link #readRecord} reached the end of its input inside a quoted field. */
  private boolean endedInQuote;
  /** Repeated short cells (people, categories, roles) decode to one shared string each. */
  private final Interner interner;
  /**
   * The strings all parsers of this read share (see {@link dev.kat.core.internal.Interner}): the batch's own
   * table, shared by all its reads, when reading into a batch.
   */
  private final Interner.Shared sharedStrings;
  /** Where accepted rows are written in canonical form instead of built, when reading into a batch; else null. */
  private RecordCodec encodeTo;
  /** The person hints of the row being read and, once built, of its record. */
  private final PersonHints hints = new PersonHints();

  /** Bytes that end a run of ordinary bytes in an unquoted field, and in a quoted field. */
  private static final boolean[] UNQUOTED_STOP = stops(",\n\r\"");
  private static final boolean[] QUOTED_STOP = stops("\"\n");

  private static boolean[] stops(String chars) {
    boolean[] stop = new boolean[256];
    for (int i = 0; i < chars.length(); i++) {
      stop[chars.charAt(i)] = true;
    }
    return stop;
  }

  CsvContributions(String source, int maxRowBytes) {
    this(source, maxRowBytes, new Interner.Shared());
  }

  /**
   * A parser whose interner shares {@code sharedStrings}: a batch's table when reading into it (see
   * {@link dev.kat.core.internal.EncodedAdmission#strings}), whose codes the batch then trusts as person codes.
   */
  CsvContributions(String source, int maxRowBytes, Interner.Shared sharedStrings) {
    this.source = source;
    this.maxRowBytes = maxRowBytes;
    this.sharedStrings = sharedStrings;
    this.interner = new Interner(1 << 17, sharedStrings);
  }

  /** A parser of further rows of the same file, sharing the header this one read. */
  @Override
  public CsvContributions forChunks() {
    CsvContributions p = new CsvContributions(source, maxRowBytes, sharedStrings);
    p.beforeHeader = beforeHeader;
    p.names = names;
    p.kinds = kinds;
    p.headerUsable = headerUsable;
    return p;
  }

  /** Whether the header has been read: rows can then be parsed in any order. */
  @Override
  public boolean readyForChunks() {
    return !beforeHeader;
  }

  /** Skips a UTF-8 byte-order mark; a file problem if the file starts with another one or with bad bytes. */
  @Override
  public int start(byte[] first, int length, List<FileProblem> problems) {
    int b = length > 0 ? first[0] & 0xFF : -1;
    if (b == 0xEF) {
      if (length < 3 || (first[1] & 0xFF) != 0xBB || (first[2] & 0xFF) != 0xBF) {
        problems.add(new FileProblem(source, 1, 1, "the file starts with bytes that are not valid UTF-8; "
            + "save it as UTF-8"));
        return -1;
      }
      return 3;
    }
    if (b == 0xFE || b == 0xFF) {
      problems.add(new FileProblem(source, 1, 1, "the file starts with a UTF-16 byte-order mark; "
          + "KAT reads UTF-8: save the file as UTF-8 (no row was read)"));
      return -1;
    }
    return 0;
  }

  /** A file with no header line is empty. */
  @Override
  public void finish(long rows, List<FileProblem> problems) {
    if (beforeHeader) {
      problems.add(new FileProblem(source, 0, 0, "the file is empty: it has no header line and no rows (expected "
          + "a header such as " + String.join(",", REQUIRED_COLUMNS) + ")"));
    }
  }

  /**
   * Parses the rows of one chunk of the file, which starts at a row boundary, into {@code out} (locations
   * relative to the chunk). A chunk that is not the file's {@code last} ends in a line break; if that
   * break is inside a quoted field, the row is left for the next chunk ({@link ParsedRows#carried}).
   *
   * @param lineBase lines before the chunk, for the text of problems that name a line; 0 if unknown
   */
  @Override
  public void parse(ByteInput in, ParsedRows out, boolean last, long lineBase) throws IOException {
    line = 1;
    messageLineBase = lineBase;
    fileProblems = out.problems;
    encodeTo = out.encode ? out.encoder() : null;
    out.resolver = interner;
    long rows = 0;
    while (readRecord(in)) {
      if (endedInQuote) {
        out.endedInQuote = true;
        if (!last) {
          out.carried = true;
          out.consumed = recStart;
          out.lines = recLine - 1;
          out.resolveHints();
          return;
        }
      }
      if (fields == 1 && fieldEnd[0] == fieldStart[0] && !lastFieldQuoted && problem == null) {
        continue;
      }
      if (beforeHeader) {
        beforeHeader = false;
        out.headerEnd = in.offset();
        readHeader();
        continue;
      }
      rows++;
      MalformedRow bad = row(rows, recLine, recStart, in.offset());
      if (bad == null) {
        out.addHints(hints);
        if (encodeTo != null) {
          out.encodedRow();
        }
      }
      out.add(bad == null ? built : null, bad, recLine, recStart, in.offset());
    }
    out.consumed = in.offset();
    out.lines = line - 1;
    out.resolveHints();
  }

  /** Reads one record into the field arrays; false at the end of the input. */
  private boolean readRecord(ByteInput in) throws IOException {
    content.clear();
    fields = 0;
    problem = null;
    problemColumn = 0;
    overflow = false;
    recStart = in.offset();
    recLine = line;
    endedInQuote = false;
    lineAscii = false;
    if (plainLine(in)) {
      return true;
    }
    int b = in.read();
    if (b < 0) {
      return false;
    }
    fieldStart[0] = 0;
    boolean quoted = false;
    boolean closed = false;
    lastFieldQuoted = false;
    long quoteLine = 0;
    boolean afterBreak = false;
    while (true) {
      if (b < 0) {
        if (quoted) {
          endedInQuote = true;
          long last = messageLineBase + (afterBreak ? line - 1 : line);
          long first = messageLineBase + quoteLine;
          problem(fields + 1, "the file ends inside a quoted field that starts on line " + first
              + (last > first ? ", so lines " + first + " to " + last + " (" + (last - first + 1)
                  + " lines) were read as one row" : "")
              + " (is the file truncated, or is a closing quote missing?)");
        }
        endField();
        return true;
      }
      if (quoted) {
        if (b == '"') {
          if (in.peek() == '"') {
            in.read();
            append('"');
          } else {
            quoted = false;
            closed = true;
          }
        } else {
          if (b == '\n') {
            line++;
          }
          afterBreak = b == '\n';
          append(b);
          if (in.copyUntil(QUOTED_STOP, content, maxRowBytes) > 0) {
            afterBreak = false;
          }
        }
      } else if (b == ',') {
        endField();
        startField();
        closed = false;
      } else if (b == '\n') {
        line++;
        endField();
        return true;
      } else if (b == '\r' && in.peek() == '\n') {
        // CRLF: the CR is part of the line terminator
      } else if (b == '"') {
        if (!closed && content.size == fieldStart[fields]) {
          quoted = true;
          lastFieldQuoted = true;
          quoteLine = line;
        } else {
          problem(fields + 1, closed ? "a quote follows the closing quote; inside a quoted field write a quote as \"\""
              : "a quote inside an unquoted field; quote the whole field and write the quote as \"\"");
          append(b);
        }
      } else {
        if (closed) {
          problem(fields + 1, "text after the closing quote of a quoted field");
        }
        append(b);
      }
      if (!quoted && !closed) {
        // the rest of an ordinary run in one copy; the byte that stops it goes through the cases above
        in.copyUntil(UNQUOTED_STOP, content, maxRowBytes);
      }
      b = in.read();
    }
  }

  /**
   * Reads the next line at once when it is plain: wholly buffered, ending in a line feed within
   * {@link #maxRowBytes} bytes, with no quote. Its bytes (less the line feed, and a carriage return just
   * before it) go to {@link #content} in one copy and its fields are split at the commas, eight bytes at a
   * time: what the byte-by-byte reading below gives such a line, for much less work. False, having read
   * nothing, for any other line.
   */
  private boolean plainLine(ByteInput in) {
    if (!plainLines) {
      return false;
    }
    byte[] b = in.buffer();
    int p = in.position();
    int lim = (int) Math.min(in.limit(), p + (long) maxRowBytes + 2);
    int n = 0;
    int i = p;
    long seen = 0;
    for (; i + 8 <= lim; i += 8) {
      long w = (long) LONGS.get(b, i);
      if ((bytesEqual(w, NEWLINES) | bytesEqual(w, QUOTES)) != 0) {
        break;
      }
      seen |= w;
      for (long c = bytesEqual(w, COMMAS); c != 0; c &= c - 1) {
        n = comma(n, i + (Long.numberOfTrailingZeros(c) >>> 3) - p);
      }
    }
    for (; i < lim; i++) {
      byte x = b[i];
      if (x == '\n') {
        break;
      }
      seen |= x & 0xFF;
      if (x == '"') {
        return false;
      }
      if (x == ',') {
        n = comma(n, i - p);
      }
    }
    if (i == lim) {
      return false;
    }
    int end = i > p && b[i - 1] == '\r' ? i - 1 : i;
    if (end - p > maxRowBytes) {
      return false;
    }
    fieldStart[0] = 0;
    fieldEnd[n] = end - p;
    fields = n + 1;
    lineAscii = (seen & 0x8080_8080_8080_8080L) == 0;
    content.add(b, p, end - p);
    lastFieldQuoted = false;
    in.skipTo(i + 1);
    line++;
    return true;
  }

  /**
   * Whether the record just read is known to be all ASCII (a plain line read at once notes it on the way;
   * otherwise false, and each cell is checked).
   */
  private boolean lineAscii;

  /** Whether {@link #readRecord} reads plain lines at once (off only to test it against reading bytes one by one). */
  private boolean plainLines = true;

  /**
   * For tests: every record {@link #readRecord} reads from {@code text[from, to)}, as a line of text giving
   * where it is, its fields and what was noted of it, with plain lines read at once or not.
   */
  static List<String> records(byte[] text, int from, int to, int maxRowBytes, boolean plainLines) throws IOException {
    CsvContributions p = new CsvContributions("test", maxRowBytes);
    p.plainLines = plainLines;
    p.line = 1;
    ByteInput in = new ByteInput(text, from, to, 1000);
    List<String> out = new ArrayList<>();
    while (p.readRecord(in)) {
      StringBuilder sb = new StringBuilder();
      sb.append("line ").append(p.recLine).append(" bytes ").append(p.recStart).append('-').append(in.offset())
          .append(" next line ").append(p.line).append(" quoted ").append(p.lastFieldQuoted).append(" in quote ")
          .append(p.endedInQuote).append(" overflow ").append(p.overflow).append(':').append(p.overflowColumn)
          .append(" problem ").append(p.problem).append(':').append(p.problemColumn).append(" fields");
      for (int f = 0; f < p.fields; f++) {
        sb.append(" [").append(new String(p.content.bytes, p.fieldStart[f], p.fieldEnd[f] - p.fieldStart[f],
            StandardCharsets.ISO_8859_1)).append(']');
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Notes a comma at {@code at} (from the line's start) after {@code n} fields; the new count of fields. */
  private int comma(int n, int at) {
    if (n + 1 == fieldStart.length) {
      fieldStart = Arrays.copyOf(fieldStart, fieldStart.length * 2);
      fieldEnd = Arrays.copyOf(fieldEnd, fieldEnd.length * 2);
    }
    fieldEnd[n] = at;
    fieldStart[n + 1] = at + 1;
    return n + 1;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;
  private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
  private static final long QUOTES = 0x2222_2222_2222_2222L;
  private static final long COMMAS = 0x2C2C_2C2C_2C2C_2C2CL;

  /** The top bit of each byte of {@code w} equal to the byte repeated in {@code pattern}, exactly. */
  private static long bytesEqual(long w, long pattern) {
    long x = w ^ pattern;
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  private void startField() {
    if (fields == fieldStart.length) {
      fieldStart = Arrays.copyOf(fieldStart, fields * 2);
      fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
    }
    fieldStart[fields] = content.size;
    lastFieldQuoted = false;
  }

  private void endField() {
    fieldEnd[fields] = content.size;
    fields++;
  }

  private void append(int b) {
    if (content.size >= maxRowBytes) {
      if (!overflow) {
        overflow = true;
        overflowColumn = fields + 1;
      }
      return;
    }
    content.add(b);
  }

  private void problem(int column, String reason) {
    if (problem == null) {
      problem = reason;
      problemColumn = column;
    }
  }

  private void readHeader() {
    names = new String[fields];
    kinds = new int[fields];
    headerUsable = true;
    Map<String, Integer> seen = new HashMap<>();
    List<String> bad = new ArrayList<>();
    if (problem != null || overflow) {
      headerUsable = false;
      fileProblems.add(new FileProblem(source, recLine, problemColumn,
          "the header line cannot be read: " + (overflow ? "it is longer than " + maxRowBytes + " bytes" : problem)));
      return;
    }
    for (int i = 0; i < fields; i++) {
      String name = content.decode(fieldStart[i], fieldEnd[i]);
      if (name == null) {
        headerUsable = false;
        fileProblems.add(new FileProblem(source, recLine, i + 1, "header column " + (i + 1)
            + " is not valid UTF-8; save the file as UTF-8"));
        continue;
      }
      if (name.indexOf('\0') >= 0) {
        headerUsable = false;
        fileProblems.add(new FileProblem(source, recLine, i + 1, "the header contains NUL bytes: the file "
            + "looks UTF-16 encoded; save it as UTF-8"));
        return;
      }
      name = name.trim();
      names[i] = name;
      if (!Values.isName(name)) {
        headerUsable = false;
        bad.add(name);
        fileProblems.add(new FileProblem(source, recLine, i + 1, "header column " + (i + 1) + " '"
            + Values.clip(name) + "' is not a column name (a letter, then letters, digits or '_')"));
        continue;
      }
      Integer prev = seen.putIfAbsent(name, i);
      if (prev != null) {
        headerUsable = false;
        fileProblems.add(new FileProblem(source, recLine, i + 1, "column '" + name + "' appears twice, as "
            + "columns " + (prev + 1) + " and " + (i + 1) + "; each column may appear once"));
      }
      int kind = FIXED_COLUMNS.indexOf(name);
      kinds[i] = kind < 0 ? ATTRIBUTE : kind;
    }
    List<String> missing = new ArrayList<>();
    for (String r : REQUIRED_COLUMNS) {
      if (!seen.containsKey(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      headerUsable = false;
      String hint = bad.size() * 2 >= fields
          ? "; line " + recLine + " looks like data, not a header: is the header line missing?" : "";
      fileProblems.add(new FileProblem(source, recLine, 0, "the header lacks required column"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + hint));
    }
  }

  /**
   * Reads the row just parsed: returns its problem, or null having set {@link #built}. The location is
   * relative to the chunk.
   */
  private MalformedRow row(long ordinal, long rowLine, long rowStart, long rowEnd) {
    if (!headerUsable) {
      return new MalformedRow(at(ordinal, rowLine, rowStart, rowEnd), 0, "",
          "not read because the header on line 1 is unusable (see the file problems)");
    }
    if (overflow) {
      int col = Math.min(overflowColumn, names.length);
      return new MalformedRow(at(ordinal, rowLine, rowStart, rowEnd), overflowColumn,
          overflowColumn <= names.length ? names[col - 1] : "",
          "the row is longer than the limit of " + maxRowBytes + " bytes");
    }
    if (problem != null) {
      return new MalformedRow(at(ordinal, rowLine, rowStart, rowEnd), problemColumn,
          problemColumn >= 1 && problemColumn <= names.length ? names[problemColumn - 1] : "", problem);
    }
    if (fields != names.length) {
      return new MalformedRow(at(ordinal, rowLine, rowStart, rowEnd), 0, "", "the row has " + fields
          + (fields == 1 ? " field" : " fields") + " but the header has " + names.length
          + " (is a comma missing, extra or unquoted?)");
    }
    if (encodeTo != null && direct()) {
      built = null;
      return null;
    }
    parts.clear();
    hints.clear();
    int i = 0;
    try {
      for (; i < fields; i++) {
        if (!assignAscii(kinds[i], names[i], fieldStart[i], fieldEnd[i])) {
          assign(kinds[i], names[i], decode(i));
        }
      }
      if (encodeTo != null) {
        built = null;
        parts.encode(encodeTo, hints);
      } else {
        built = parts.build();
        hints.of(built);
      }
      return null;
    } catch (BadValue e) {
      int col = i < fields ? i + 1 : columnOf(e.field);
      return new MalformedRow(at(ordinal, rowLine, rowStart, rowEnd), col, e.field, e.getMessage());
    }
  }

  private RowLocation at(long ordinal, long rowLine, long rowStart, long rowEnd) {
    return new RowLocation(source, ordinal, rowLine, rowStart, rowEnd);
  }

  /** Field {@code i} as text; a bad value if it is not valid UTF-8. */
  private String decode(int i) throws BadValue {
    String v = content.decode(fieldStart[i], fieldEnd[i]);
    if (v == null) {
      int k = content.firstInvalid(fieldStart[i], fieldEnd[i]);
      throw new BadValue(names[i], String.format(Locale.ROOT, "is not valid UTF-8 (byte 0x%02X at byte %d of "
          + "the field); the file must be saved as UTF-8", content.bytes[fieldStart[i] + k] & 0xFF, k + 1));
    }
    return v;
  }

  /*
   * The fast path. Most cells are ASCII in their commonest form (an id, a number, a time in UTC, a list of
   * plain items), and for those assignAscii sets the record's part straight from the row's bytes: no
   * string per cell, numbers and times parsed without the JDK's general parsers, repeated values shared
   * through the interner. It declines (returns false, having set nothing) for anything else (non-ASCII
   * bytes, other forms, any error), and the caller then decodes the cell and assigns it as before, so
   * values and error messages are those of the general path.
   */

  /** Assigns the ASCII cell {@code [from, to)} of kind {@code kind} directly; false to decline. */
  private boolean assignAscii(int kind, String name, int from, int to) {
    byte[] b = content.bytes;
    if (!ByteValues.ascii(b, from, to)) {
      return false;
    }
    int s = ByteValues.trimStart(b, from, to);
    int e = ByteValues.trimEnd(b, s, to);
    switch (kind) {
      case ID:
        parts.id = s == e ? null : new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        return true;
      case SUPERSEDES:
        parts.supersedes = s == e ? null : new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        return true;
      case CONTRIBUTOR:
        parts.contributor = s == e ? null : person(interner.intern(b, s, e));
        return true;
      case DAO:
        parts.dao = s == e ? null : interner.intern(b, s, e);
        return true;
      case WORKING_GROUP:
        parts.workingGroup = s == e ? null : interner.intern(b, s, e);
        return true;
      case CATEGORY:
        parts.category = s == e ? null : interner.intern(b, s, e);
        return true;
      case ROLE:
        parts.role = s == e ? null : interner.intern(b, s, e);
        return true;
      case NOTE:
        return true;
      case OCCURRED_AT: {
        long seconds = ByteValues.instant(b, s, e);
        if (seconds == Long.MIN_VALUE) {
          return false;
        }
        parts.occurredAt = Instant.ofEpochSecond(seconds);
        return true;
      }
      case ATTRIBUTE: {
        if (ByteValues.spaces(b, from, to)) {
          return true;
        }
        double v = ByteValues.number(b, s, e);
        if (Double.isNaN(v)) {
          return false;
        }
        parts.attributes.put(name, v);
        return true;
      }
      case COUNTERPARTS:
        return counterparts(b, s, e);
      case EVIDENCE:
        return evidence(b, s, e);
      case REVIEWS:
        return reviews(b, s, e);
      default:
        return false;
    }
  }

  /** Notes {@code id}, just returned by the interner, as a person of the row (see {@link PersonHints}). */
  private String person(String id) {
    return hints.note(id, interner.lastCode());
  }

  /** Counterparts {@code a;b;c} (already trimmed); declines on an empty item. */
  private boolean counterparts(byte[] b, int from, int to) {
    int n = scanCounterparts(b, from, to, true);
    for (int k = 0; k < n; k++) {
      parts.counterparts.add(hints.note(itemPerson[k], itemCode[k]));
    }
    return n >= 0;
  }

  /** Evidence {@code uri} or {@code uri|hash} items (already trimmed); declines on anything unusual. */
  private boolean evidence(byte[] b, int from, int to) {
    int n = scanEvidence(b, from, to);
    for (int k = 0; k < n; k++) {
      String uri = new String(b, itemStart[k], itemEnd[k] - itemStart[k], StandardCharsets.ISO_8859_1);
      parts.evidence.add(itemStart2[k] == itemEnd2[k] ? Evidence.of(uri)
          : new Evidence(uri, new String(b, itemStart2[k], itemEnd2[k] - itemStart2[k], StandardCharsets.ISO_8859_1)));
    }
    return n >= 0;
  }

  /**
   * Reviews {@code reviewer:verdict} or {@code reviewer:verdict:quality} (already trimmed), with approve,
   * reject or dismiss in lower case and a quality in [0, 1]; declines on anything else (duplicates too).
   */
  private boolean reviews(byte[] b, int from, int to) {
    int n = scanReviews(b, from, to, true);
    for (int k = 0; k < n; k++) {
      double q = itemQuality[k];
      parts.reviews.add(new Review(hints.note(itemPerson[k], itemCode[k]), VERDICTS[itemVerdict[k]],
          q == q ? OptionalDouble.of(q) : OptionalDouble.empty(), null));
    }
    return n >= 0;
  }

  private static final Verdict[] VERDICTS = Verdict.values();

  /*
   * The direct path, when reading into a batch. A row whose cells are all in the fast path's forms is
   * written straight from its bytes in canonical form (RecordCodec): no strings but the interned people,
   * no record, review or evidence objects. It makes exactly the bytes the record the general path builds
   * would encode to (a property reads files both ways and compares the batches), and declines, having
   * written nothing, on anything else; the row is then read cell by cell as before.
   */

  /** The attribute columns in name order and their names' bytes; null until the first direct row. */
  private int[] attributeColumns;
  private byte[][] attributeNames;
  /** Whether the header allows the direct path (every column name ASCII). */
  private boolean directHeader;
  /** The value of each attribute column of the row being written (NaN for none). */
  private double[] cellValue;
  /** Item spans of a row's list cells: counterparts, evidence (uri and hash), reviews (reviewer). */
  private int[] itemStart = new int[8];
  private int[] itemEnd = new int[8];
  private int[] itemStart2 = new int[8];
  private int[] itemEnd2 = new int[8];
  private int[] itemVerdict = new int[8];
  private double[] itemQuality = new double[8];
  private String[] itemPerson = new String[8];
  private int[] itemCode = new int[8];

  private void directLayout() {
    directHeader = true;
    List<Integer> cols = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      for (int k = 0; k < names[i].length(); k++) {
        if (names[i].charAt(k) >= 0x80) {
          directHeader = false;
        }
      }
      if (kinds[i] == ATTRIBUTE) {
        cols.add(i);
      }
    }
    cols.sort((x, y) -> names[x].compareTo(names[y]));
    attributeColumns = cols.stream().mapToInt(Integer::intValue).toArray();
    cellValue = new double[names.length];
    attributeNames = new byte[attributeColumns.length][];
    for (int k = 0; k < attributeColumns.length; k++) {
      attributeNames[k] = names[attributeColumns[k]].getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** Writes the row just read in canonical form to {@link #encodeTo}, with its hints; false to decline. */
  private boolean direct() {
    if (attributeColumns == null) {
      directLayout();
    }
    if (!directHeader) {
      return false;
    }
    byte[] b = content.bytes;
    int idS = -1, idE = -1, whoS = -1, whoE = -1, daoS = 0, daoE = 0, wgS = 0, wgE = 0, catS = -1, catE = -1;
    int roleS = -1, roleE = -1, supS = 0, supE = 0;
    long seconds = Long.MIN_VALUE;
    int cpCell = -1, evCell = -1, rvCell = -1;
    for (int i = 0; i < fields; i++) {
      int from = fieldStart[i];
      int to = fieldEnd[i];
      if (!lineAscii && !ByteValues.ascii(b, from, to)) {
        return false;
      }
      int s = ByteValues.trimStart(b, from, to);
      int e = ByteValues.trimEnd(b, s, to);
      switch (kinds[i]) {
        case ID:
          idS = s;
          idE = e;
          break;
        case CONTRIBUTOR:
          whoS = s;
          whoE = e;
          break;
        case DAO:
          daoS = s;
          daoE = e;
          break;
        case WORKING_GROUP:
          wgS = s;
          wgE = e;
          break;
        case CATEGORY:
          catS = s;
          catE = e;
          break;
        case ROLE:
          roleS = s;
          roleE = e;
          break;
        case OCCURRED_AT:
          seconds = ByteValues.instant(b, s, e);
          if (seconds == Long.MIN_VALUE) {
            return false;
          }
          break;
        case ATTRIBUTE:
          if (ByteValues.spaces(b, from, to)) {
            cellValue[i] = Double.NaN;
          } else {
            double v = ByteValues.number(b, s, e);
            if (Double.isNaN(v)) {
              return false;
            }
            cellValue[i] = v;
          }
          break;
        case COUNTERPARTS:
          cpCell = i;
          break;
        case EVIDENCE:
          evCell = i;
          break;
        case REVIEWS:
          rvCell = i;
          break;
        case SUPERSEDES:
          supS = s;
          supE = e;
          break;
        case NOTE:
          break;
        default:
          return false;
      }
    }
    // required values; a correction naming the record itself is a problem the general path reports. What
    // is left meets Checks.recordText by construction: trimmed, non-empty ASCII is never blank and has no
    // unpaired surrogate.
    if (idS >= idE || whoS >= whoE || catS >= catE || roleS >= roleE || seconds == Long.MIN_VALUE
        || supE > supS && Arrays.equals(b, supS, supE, b, idS, idE)) {
      return false;
    }
    RecordCodec out = encodeTo;
    int mark = out.length();
    out.putUtf8(b, idS, idE - idS);
    out.putUtf8(b, whoS, whoE - whoS);
    // the people's codes are looked up with the chunk's others, from where their ids are written here
    int whoTo = out.length();
    int whoFrom = whoTo - (whoE - whoS);
    out.putUtf8(b, daoS, daoE - daoS);
    out.putUtf8(b, wgS, wgE - wgS);
    out.putUtf8(b, catS, catE - catS);
    out.putUtf8(b, roleS, roleE - roleS);
    out.putVarlong(seconds);
    out.putVarlong(0);
    int present = 0;
    for (int col : attributeColumns) {
      if (cellValue[col] == cellValue[col]) {
        present++;
      }
    }
    out.putVarlong(present);
    for (int k = 0; k < attributeColumns.length; k++) {
      double v = cellValue[attributeColumns[k]];
      if (v == v) {
        out.putUtf8(attributeNames[k], 0, attributeNames[k].length);
        out.putFixed64(Double.doubleToLongBits(v));
      }
    }
    int people = 1;
    hints.clear();
    int cps = cpCell < 0 ? 0 : directCounterparts(b, fieldStart[cpCell], fieldEnd[cpCell]);
    if (cps < 0) {
      out.truncate(mark);
      return false;
    }
    int rowHints = 1 + cps;
    hints.ensure(rowHints);
    defer(0, whoFrom, whoTo);
    out.putVarlong(cps);
    for (int k = 0; k < cps; k++) {
      out.putUtf8(b, itemStart[k], itemEnd[k] - itemStart[k]);
      defer(people++, out.length() - (itemEnd[k] - itemStart[k]), out.length());
    }
    int evs = evCell < 0 ? 0 : directEvidence(b, fieldStart[evCell], fieldEnd[evCell]);
    if (evs < 0) {
      out.truncate(mark);
      return false;
    }
    out.putVarlong(evs);
    for (int k = 0; k < evs; k++) {
      out.putUtf8(b, itemStart[k], itemEnd[k] - itemStart[k]);
      out.putUtf8(b, itemStart2[k], itemEnd2[k] - itemStart2[k]);
    }
    int rvs = rvCell < 0 ? 0 : directReviews(b, fieldStart[rvCell], fieldEnd[rvCell]);
    if (rvs < 0) {
      out.truncate(mark);
      return false;
    }
    hints.ensure(rowHints + rvs);
    out.putVarlong(rvs);
    for (int k = 0; k < rvs; k++) {
      out.putUtf8(b, itemStart[k], itemEnd[k] - itemStart[k]);
      defer(people, out.length() - (itemEnd[k] - itemStart[k]), out.length());
      out.putVarlong(itemVerdict[k]);
      if (itemQuality[k] == itemQuality[k]) {
        out.putVarlong(1);
        out.putFixed64(Double.doubleToLongBits(itemQuality[k]));
      } else {
        out.putVarlong(0);
      }
      out.putVarlong(0);
      people++;
    }
    out.putUtf8(b, supS, supE - supS);
    hints.count = people;
    return true;
  }

  /** Sets hint {@code k} of the row to the code of the id written at {@code [from, to)} of the canonical bytes. */
  private void defer(int k, int from, int to) {
    hints.row[k] = PersonHints.DEFERRED;
    hints.from[k] = from;
    hints.to[k] = to;
  }

  private void ensureItems(int n) {
    if (n > itemStart.length) {
      int cap = Math.max(n, 2 * itemStart.length);
      itemStart = Arrays.copyOf(itemStart, cap);
      itemEnd = Arrays.copyOf(itemEnd, cap);
      itemStart2 = Arrays.copyOf(itemStart2, cap);
      itemEnd2 = Arrays.copyOf(itemEnd2, cap);
      itemVerdict = Arrays.copyOf(itemVerdict, cap);
      itemQuality = Arrays.copyOf(itemQuality, cap);
      itemPerson = Arrays.copyOf(itemPerson, cap);
      itemCode = Arrays.copyOf(itemCode, cap);
    }
  }

  /** Swaps items {@code i} and {@code j} of the item arrays. */
  private void swapItems(int i, int j) {
    int t = itemStart[i]; itemStart[i] = itemStart[j]; itemStart[j] = t;
    t = itemEnd[i]; itemEnd[i] = itemEnd[j]; itemEnd[j] = t;
    t = itemStart2[i]; itemStart2[i] = itemStart2[j]; itemStart2[j] = t;
    t = itemEnd2[i]; itemEnd2[i] = itemEnd2[j]; itemEnd2[j] = t;
    t = itemVerdict[i]; itemVerdict[i] = itemVerdict[j]; itemVerdict[j] = t;
    t = itemCode[i]; itemCode[i] = itemCode[j]; itemCode[j] = t;
    double q = itemQuality[i]; itemQuality[i] = itemQuality[j]; itemQuality[j] = q;
    String p = itemPerson[i]; itemPerson[i] = itemPerson[j]; itemPerson[j] = p;
  }

  /** {@link #scanCounterparts} in canonical (natural string) order. */
  private int directCounterparts(byte[] b, int from, int to) {
    int n = scanCounterparts(b, from, to, false);
    sortItems(n, byText);
    return n;
  }

  private final IntBinaryOperator byText = (x, y) ->
      Arrays.compare(content.bytes, itemStart[x], itemEnd[x], content.bytes, itemStart[y], itemEnd[y]);
  private final IntBinaryOperator byEvidence = (x, y) -> compareEvidence(content.bytes, x, y);
  private final IntBinaryOperator byReview = (x, y) -> compareReviews(content.bytes, x, y);

  /**
   * Sorts the first {@code n} items by {@code order}, stably: by insertion when there are few (a cell lists
   * one or two as a rule), by a merge sort of their positions when a crafted cell lists thousands.
   */
  private void sortItems(int n, IntBinaryOperator order) {
    if (n <= 16) {
      for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && order.applyAsInt(j - 1, j) > 0; j--) {
          swapItems(j - 1, j);
        }
      }
      return;
    }
    Integer[] at = new Integer[n];
    for (int i = 0; i < n; i++) {
      at[i] = i;
    }
    Arrays.sort(at, (x, y) -> order.applyAsInt(x, y));
    int[] s1 = itemStart.clone();
    int[] e1 = itemEnd.clone();
    int[] s2 = itemStart2.clone();
    int[] e2 = itemEnd2.clone();
    int[] v = itemVerdict.clone();
    int[] c = itemCode.clone();
    double[] q = itemQuality.clone();
    String[] p = itemPerson.clone();
    for (int i = 0; i < n; i++) {
      int k = at[i];
      itemStart[i] = s1[k];
      itemEnd[i] = e1[k];
      itemStart2[i] = s2[k];
      itemEnd2[i] = e2[k];
      itemVerdict[i] = v[k];
      itemCode[i] = c[k];
      itemQuality[i] = q[k];
      itemPerson[i] = p[k];
    }
  }

  /**
   * The counterparts of the cell {@code [from, to)}, in file order in the item arrays, their ids interned:
   * their number, or -1 to decline (an empty item).
   */
  private int scanCounterparts(byte[] b, int from, int to, boolean strings) {
    int s0 = ByteValues.trimStart(b, from, to);
    int e0 = ByteValues.trimEnd(b, s0, to);
    int n = 0;
    for (int at = s0; at < e0; ) {
      int semi = indexOf(b, ';', at, e0);
      int s = ByteValues.trimStart(b, at, semi);
      int e = ByteValues.trimEnd(b, s, semi);
      if (s == e || semi == e0 - 1) {
        return -1;
      }
      ensureItems(n + 1);
      itemStart[n] = s;
      itemEnd[n] = e;
      itemPerson(n, b, s, e, strings);
      n++;
      at = semi + 1;
    }
    return n;
  }

  /**
   * Interns the person id {@code b[s, e)} of item {@code n}, its string and code, when {@code strings}; the
   * direct path needs neither here: it looks the code up once the chunk is read, with the chunk's others
   * (see {@link ParsedRows#resolveHints}).
   */
  private void itemPerson(int n, byte[] b, int s, int e, boolean strings) {
    if (strings) {
      itemPerson[n] = interner.intern(b, s, e);
      itemCode[n] = interner.lastCode();
    }
  }

  /** {@link #scanEvidence} in canonical order (by URI, then hash). */
  private int directEvidence(byte[] b, int from, int to) {
    int n = scanEvidence(b, from, to);
    sortItems(n, byEvidence);
    return n;
  }

  /**
   * The evidence of the cell, {@code uri} or {@code uri|hash} items, in file order in the item arrays (an
   * empty hash span for none): their number, or -1 to decline on anything unusual.
   */
  private int scanEvidence(byte[] b, int from, int to) {
    int s0 = ByteValues.trimStart(b, from, to);
    int e0 = ByteValues.trimEnd(b, s0, to);
    int n = 0;
    for (int at = s0; at < e0; ) {
      int semi = indexOf(b, ';', at, e0);
      int s = ByteValues.trimStart(b, at, semi);
      int e = ByteValues.trimEnd(b, s, semi);
      int bar = indexOf(b, '|', s, e);
      if (s == e || semi == e0 - 1 || (bar < e && indexOf(b, '|', bar + 1, e) < e)) {
        return -1;
      }
      ensureItems(n + 1);
      if (bar == e) {
        itemStart[n] = s;
        itemEnd[n] = e;
        itemStart2[n] = e;
        itemEnd2[n] = e;
      } else {
        int ue = ByteValues.trimEnd(b, s, bar);
        int hs = ByteValues.trimStart(b, bar + 1, e);
        if (ue == s || hs == e) {
          return -1;
        }
        itemStart[n] = s;
        itemEnd[n] = ue;
        itemStart2[n] = hs;
        itemEnd2[n] = e;
      }
      n++;
      at = semi + 1;
    }
    return n;
  }

  private int compareEvidence(byte[] b, int x, int y) {
    int c = Arrays.compare(b, itemStart[x], itemEnd[x], b, itemStart[y], itemEnd[y]);
    return c != 0 ? c : Arrays.compare(b, itemStart2[x], itemEnd2[x], b, itemStart2[y], itemEnd2[y]);
  }

  /** {@link #scanReviews} in canonical order ({@link Review#CANONICAL_ORDER}). */
  private int directReviews(byte[] b, int from, int to) {
    int n = scanReviews(b, from, to, false);
    sortItems(n, byReview);
    return n;
  }

  /**
   * The reviews of the cell, {@code reviewer:verdict} or {@code reviewer:verdict:quality} with approve,
   * reject or dismiss in lower case and a quality in [0, 1], in file order in the item arrays (reviewers
   * interned, NaN for no quality): their number, or -1 to decline on anything else (duplicates too).
   */
  private int scanReviews(byte[] b, int from, int to, boolean strings) {
    int s0 = ByteValues.trimStart(b, from, to);
    int e0 = ByteValues.trimEnd(b, s0, to);
    int n = 0;
    for (int at = s0; at < e0; ) {
      int semi = indexOf(b, ';', at, e0);
      int s = ByteValues.trimStart(b, at, semi);
      int e = ByteValues.trimEnd(b, s, semi);
      int c1 = indexOf(b, ':', s, e);
      int c2 = c1 < e ? indexOf(b, ':', c1 + 1, e) : e;
      int re = ByteValues.trimEnd(b, s, c1);
      Verdict verdict = c1 < e ? verdict(b, ByteValues.trimStart(b, c1 + 1, c2), ByteValues.trimEnd(b, c1 + 1, c2))
          : null;
      double quality = Double.NaN;
      boolean ok = s < e && semi != e0 - 1 && re > s && verdict != null && (c2 == e || indexOf(b, ':', c2 + 1, e) == e);
      if (ok && c2 < e) {
        quality = ByteValues.number(b, ByteValues.trimStart(b, c2 + 1, e), e);
        ok = quality >= 0 && quality <= 1;
      }
      if (!ok) {
        return -1;
      }
      ensureItems(n + 1);
      itemStart[n] = s;
      itemEnd[n] = re;
      itemVerdict[n] = verdict.ordinal();
      itemQuality[n] = quality;
      itemPerson(n, b, s, re, strings);
      n++;
      at = semi + 1;
    }
    return n;
  }

  /** {@link Review#CANONICAL_ORDER} of two review items (no duplicate verdicts here, so no duplicateOf). */
  private int compareReviews(byte[] b, int x, int y) {
    int c = Arrays.compare(b, itemStart[x], itemEnd[x], b, itemStart[y], itemEnd[y]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(itemVerdict[x], itemVerdict[y]);
    if (c != 0) {
      return c;
    }
    return Double.compare(itemQuality[x] == itemQuality[x] ? itemQuality[x] : -1.0,
        itemQuality[y] == itemQuality[y] ? itemQuality[y] : -1.0);
  }

  /** approve, reject or dismiss spelled in lower case; null otherwise (including duplicate). */
  private static Verdict verdict(byte[] b, int from, int to) {
    if (matches(b, from, to, APPROVE)) {
      return Verdict.APPROVE;
    }
    if (matches(b, from, to, REJECT)) {
      return Verdict.REJECT;
    }
    if (matches(b, from, to, DISMISS)) {
      return Verdict.DISMISS;
    }
    return null;
  }

  private static final byte[] APPROVE = "approve".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REJECT = "reject".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DISMISS = "dismiss".getBytes(StandardCharsets.US_ASCII);

  private static boolean matches(byte[] b, int from, int to, byte[] word) {
    return Arrays.equals(b, from, to, word, 0, word.length);
  }

  /** The index of the first {@code c} (ASCII, not NUL) in {@code b[from, to)}, or {@code to}. */
  static int indexOf(byte[] b, char c, int from, int to) {
    long pattern = (c & 0xFFL) * 0x0101_0101_0101_0101L;
    int i = from;
    // eight bytes at a time, and the last one to seven as one word with the bytes past them masked off
    for (; i + 8 <= to; i += 8) {
      long m = bytesEqual((long) LONGS.get(b, i), pattern);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    if (i < to && i + 8 <= b.length) {
      long m = bytesEqual((long) LONGS.get(b, i), pattern) & (1L << (8 * (to - i))) - 1;
      return m != 0 ? i + (Long.numberOfTrailingZeros(m) >>> 3) : to;
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return to;
  }

  private int columnOf(String field) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(field)) {
        return i + 1;
      }
    }
    return 0;
  }

  private void assign(int kind, String name, String v) throws BadValue {
    switch (kind) {
      case ID:
        parts.id = RecordParts.optional(v);
        break;
      case CONTRIBUTOR:
        parts.contributor = RecordParts.optional(v);
        break;
      case DAO:
        parts.dao = RecordParts.optional(v);
        break;
      case WORKING_GROUP:
        parts.workingGroup = RecordParts.optional(v);
        break;
      case CATEGORY:
        parts.category = RecordParts.optional(v);
        break;
      case ROLE:
        parts.role = RecordParts.optional(v);
        break;
      case OCCURRED_AT:
        parts.occurredAt = Values.instant(name, v);
        break;
      case COUNTERPARTS:
        parts.counterparts.addAll(Values.list(name, v));
        break;
      case EVIDENCE:
        parts.evidence.addAll(Values.evidence(name, v));
        break;
      case REVIEWS:
        parts.reviews.addAll(Values.reviews(name, v));
        break;
      case SUPERSEDES:
        parts.supersedes = RecordParts.optional(v);
        break;
      case NOTE:
        break;
      case ATTRIBUTE:
        if (!v.isBlank()) {
          parts.attributes.put(name, Values.number(name, v));
        }
        break;
      default:
        throw new AssertionError("column kind " + kind);
    }
  }
}
