package dev.kat.rules.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV reader: an RFC 4180 parser working on bytes, so that every row's exact byte range and start
 * line are known and its fields can be checked as strict UTF-8. Internal; one instance per read.
 *
 * <p>Rules beyond RFC 4180, documented in docs/formats.md: lines may end in LF or CRLF; blank lines are
 * skipped and are not rows; a UTF-8 byte-order mark is skipped; a quote inside an unquoted field, or
 * text after a closing quote, makes the row malformed rather than being guessed at.
 */
final class CsvContributions {
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
  private final ContributionSink sink;
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

  private String[] names;
  private int[] kinds;
  private boolean headerUsable;
  private final List<FileProblem> fileProblems = new ArrayList<>();
  private final RecordParts parts = new RecordParts();

  CsvContributions(String source, int maxRowBytes, ContributionSink sink) {
    this.source = source;
    this.maxRowBytes = maxRowBytes;
    this.sink = sink;
  }

  ReadSummary read(ByteInput in) throws IOException {
    long rows = 0;
    long parsed = 0;
    long malformed = 0;
    long headerEnd = 0;
    if (!skipByteOrderMark(in)) {
      return new ReadSummary(source, InputFormat.CSV, 0, 0, 0, 0, fileProblems);
    }
    boolean header = true;
    while (readRecord(in)) {
      if (fields == 1 && fieldEnd[0] == fieldStart[0] && !lastFieldQuoted && problem == null) {
        continue;
      }
      if (header) {
        header = false;
        headerEnd = in.offset();
        readHeader();
        continue;
      }
      rows++;
      RowLocation at = new RowLocation(source, rows, recLine, recStart, in.offset());
      MalformedRow bad = row(at);
      if (bad == null) {
        parsed++;
      } else {
        malformed++;
        sink.malformed(bad);
      }
    }
    if (header) {
      fileProblems.add(new FileProblem(source, 0, 0,
          "the file is empty: it has no header line and no rows (expected a header such as "
              + String.join(",", REQUIRED_COLUMNS) + ")"));
    }
    return new ReadSummary(source, InputFormat.CSV, rows, parsed, malformed, headerEnd, fileProblems);
  }

  private boolean skipByteOrderMark(ByteInput in) throws IOException {
    int b = in.peek();
    if (b == 0xEF) {
      in.read();
      int b2 = in.read();
      int b3 = in.read();
      if (b2 != 0xBB || b3 != 0xBF) {
        fileProblems.add(new FileProblem(source, 1, 1, "the file starts with bytes that are not valid UTF-8; "
            + "save it as UTF-8"));
        return false;
      }
    } else if (b == 0xFE || b == 0xFF) {
      fileProblems.add(new FileProblem(source, 1, 1, "the file starts with a UTF-16 byte-order mark; "
          + "KAT reads UTF-8: save the file as UTF-8 (no row was read)"));
      return false;
    }
    return true;
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
          long last = afterBreak ? line - 1 : line;
          problem(fields + 1, "the file ends inside a quoted field that starts on line " + quoteLine
              + (last > quoteLine ? ", so lines " + quoteLine + " to " + last + " (" + (last - quoteLine + 1)
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
      b = in.read();
    }
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

  private MalformedRow row(RowLocation at) {
    if (!headerUsable) {
      return new MalformedRow(at, 0, "", "not read because the header on line 1 is unusable (see the file problems)");
    }
    if (overflow) {
      int col = Math.min(overflowColumn, names.length);
      return new MalformedRow(at, overflowColumn, overflowColumn <= names.length ? names[col - 1] : "",
          "the row is longer than the limit of " + maxRowBytes + " bytes");
    }
    if (problem != null) {
      return new MalformedRow(at, problemColumn, problemColumn >= 1 && problemColumn <= names.length
          ? names[problemColumn - 1] : "", problem);
    }
    if (fields != names.length) {
      return new MalformedRow(at, 0, "", "the row has " + fields + (fields == 1 ? " field" : " fields")
          + " but the header has " + names.length + " (is a comma missing, extra or unquoted?)");
    }
    parts.clear();
    int i = 0;
    try {
      for (; i < fields; i++) {
        String v = content.decode(fieldStart[i], fieldEnd[i]);
        if (v == null) {
          int k = content.firstInvalid(fieldStart[i], fieldEnd[i]);
          throw new BadValue(names[i], String.format(Locale.ROOT, "is not valid UTF-8 (byte 0x%02X at byte %d of "
              + "the field); the file must be saved as UTF-8", content.bytes[fieldStart[i] + k] & 0xFF, k + 1));
        }
        assign(kinds[i], names[i], v);
      }
      sink.accept(parts.build(), at);
      return null;
    } catch (BadValue e) {
      int col = i < fields ? i + 1 : columnOf(e.field);
      return new MalformedRow(at, col, e.field, e.getMessage());
    }
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
