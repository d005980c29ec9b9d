package dev.kat.rules.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.kat.core.internal.Interner;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Lines reader: lines are split on bytes (so every row's byte range and line are exact) and
 * each line is parsed on its own with Jackson's streaming parser, so one bad line never affects another.
 * Unknown fields, wrong types and duplicate keys make a line malformed. Internal; one instance per thread
 * of a read ({@link ChunkedReading} hands it the file a chunk at a time).
 */
final class JsonLinesContributions implements ChunkedReading.ChunkParser {
  static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The fields of a record object. */
  static final List<String> FIELDS = List.of("id", "contributor", "dao", "workingGroup", "category", "role",
      "occurredAt", "attributes", "counterparts", "evidence", "reviews", "supersedes", "note");

  private final String source;
  private final int maxRowBytes;
  private final ByteBuf content = new ByteBuf();
  private final RecordParts parts = new RecordParts();
  /** Repeated short values (people, categories, roles) share one string each. */
  private final Interner interner;
  /** The person hints of the line being read and, once built, of its record. */
  private final PersonHints hints = new PersonHints();
  /** The strings all parsers of this read share (see {@link dev.kat.core.internal.Interner}). */
  private final Interner.Shared sharedStrings;
  private static final boolean[] NEWLINE = new boolean[256];

  static {
    NEWLINE['\n'] = true;
  }
  private final List<FileProblem> fileProblems = new ArrayList<>();
  private long line = 1;
  private boolean overflow;

  /** Whether no line has been read yet: the first may start with a UTF-8 byte-order mark. */
  private boolean atFileStart = true;
  /** The record the last {@link #parse(RowLocation, int)} call built. */
  private Contribution built;

  JsonLinesContributions(String source, int maxRowBytes) {
    this(source, maxRowBytes, new Interner.Shared());
  }

  private JsonLinesContributions(String source, int maxRowBytes, Interner.Shared sharedStrings) {
    this.source = source;
    this.maxRowBytes = maxRowBytes;
    this.sharedStrings = sharedStrings;
    this.interner = new Interner(1 << 17, sharedStrings);
  }

  /** Ready once the first line, which may carry a byte-order mark, is read: lines are independent. */
  @Override
  public boolean readyForChunks() {
    return !atFileStart;
  }

  @Override
  public JsonLinesContributions forChunks() {
    JsonLinesContributions p = new JsonLinesContributions(source, maxRowBytes, sharedStrings);
    p.atFileStart = false;
    return p;
  }

  /** A UTF-16 byte-order mark or no bytes at all stop the read with a file problem. */
  @Override
  public int start(byte[] first, int length, List<FileProblem> problems) {
    int b = length > 0 ? first[0] & 0xFF : -1;
    if (b == 0xFE || b == 0xFF) {
      problems.add(new FileProblem(source, 1, 1, "the file starts with a UTF-16 byte-order mark; "
          + "KAT reads UTF-8: save the file as UTF-8 (no row was read)"));
      return -1;
    }
    if (b < 0) {
      problems.add(new FileProblem(source, 0, 0, "the file is empty: it has no rows"));
      return -1;
    }
    return 0;
  }

  /** A file of blank lines only has a file problem. */
  @Override
  public void finish(long rows, List<FileProblem> problems) {
    if (rows == 0 && problems.isEmpty()) {
      problems.add(new FileProblem(source, 0, 0, "the file has no rows (only blank lines)"));
    }
  }

  @Override
  public void parse(ByteInput in, ParsedRows out, boolean last, long lineBase) throws IOException {
    line = 1;
    long rows = 0;
    while (true) {
      long start = in.offset();
      long startLine = line;
      if (!readLine(in)) {
        break;
      }
      int from = 0;
      if (atFileStart && content.size >= 3 && (content.bytes[0] & 0xFF) == 0xEF
          && (content.bytes[1] & 0xFF) == 0xBB && (content.bytes[2] & 0xFF) == 0xBF) {
        from = 3;
      }
      atFileStart = false;
      if (isBlank(from)) {
        continue;
      }
      rows++;
      RowLocation at = new RowLocation(source, rows, startLine, start, in.offset());
      MalformedRow bad = overflow
          ? new MalformedRow(at, 0, "", "the line is longer than the limit of " + maxRowBytes + " bytes")
          : parse(at, from);
      if (bad == null) {
        out.addHints(hints);
      }
      out.add(bad == null ? built : null, bad, startLine, start, in.offset());
    }
    out.consumed = in.offset();
    out.lines = line - 1;
  }

  private boolean readLine(ByteInput in) throws IOException {
    content.clear();
    overflow = false;
    int b = in.read();
    if (b < 0) {
      return false;
    }
    while (b >= 0 && b != '\n') {
      if (content.size < maxRowBytes) {
        content.add(b);
        // the rest of the line up to the buffer's end in one copy
        in.copyUntil(NEWLINE, content, maxRowBytes);
      } else {
        overflow = true;
      }
      b = in.read();
    }
    if (b == '\n') {
      line++;
    }
    if (!overflow && content.size > 0 && content.bytes[content.size - 1] == '\r') {
      content.size--;
    }
    return true;
  }

  private boolean isBlank(int from) {
    for (int i = from; i < content.size; i++) {
      byte c = content.bytes[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return !overflow;
  }

  /** How Jackson's duplicate detection starts its message, followed by the field's name in quotes. */
  private static final String DUPLICATE = "Duplicate field '";

  private MalformedRow parse(RowLocation at, int from) {
    parts.clear();
    hints.clear();
    String field = "";
    JsonParser p = null;
    try {
      p = JSON.createParser(content.bytes, from, content.size - from);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new MalformedRow(at, column(p), "", "the line is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        field = p.currentName();
        p.nextToken();
        readField(p, field);
      }
      field = "";
      if (p.nextToken() != null) {
        return new MalformedRow(at, column(p), "", "text after the end of the JSON object");
      }
      built = parts.build();
      hints.of(built);
      return null;
    } catch (BadValue e) {
      return new MalformedRow(at, p == null ? 0 : column(p), e.field, e.getMessage());
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith(DUPLICATE) && message.endsWith("'")) {
        // reported while reading the next name: the field is the duplicated one, not the one before
        String name = message.substring(DUPLICATE.length(), message.length() - 1);
        return new MalformedRow(at, col, name, "the field '" + name + "' appears twice; each field may appear once");
      }
      return new MalformedRow(at, col, field, "not valid JSON: " + message);
    } catch (IOException e) {
      return new MalformedRow(at, 0, field, "not valid JSON: " + e.getMessage());
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException e) {
          // closing a parser over a byte array cannot fail in a way that matters here
        }
      }
    }
  }

  private static int column(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getColumnNr());
  }

  private void readField(JsonParser p, String f) throws IOException, BadValue {
    switch (f) {
      case "id":
        parts.id = text(p, f, true);
        break;
      case "contributor":
        parts.contributor = person(shared(p, f, true));
        break;
      case "dao":
        parts.dao = shared(p, f, false);
        break;
      case "workingGroup":
        parts.workingGroup = shared(p, f, false);
        break;
      case "category":
        parts.category = shared(p, f, true);
        break;
      case "role":
        parts.role = shared(p, f, true);
        break;
      case "occurredAt":
        parts.occurredAt = Values.instant(f, text(p, f, true));
        break;
      case "supersedes":
        parts.supersedes = text(p, f, false);
        break;
      case "note":
        text(p, f, false);
        break;
      case "attributes":
        attributes(p);
        break;
      case "counterparts":
        expectArray(p, f);
        for (int k = 0; p.nextToken() != JsonToken.END_ARRAY; k++) {
          parts.counterparts.add(person(shared(p, f, k, true)));
        }
        break;
      case "evidence":
        evidence(p);
        break;
      case "reviews":
        reviews(p);
        break;
      default:
        throw new BadValue(f, "is not a field of a contribution record (fields: " + String.join(", ", FIELDS) + ")");
    }
  }

  private static String text(JsonParser p, String f, boolean required) throws IOException, BadValue {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL && !required) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new BadValue(f, "must be a string, not " + describe(t));
    }
    String s = p.getText();
    return RecordParts.optional(s);
  }

  /** Notes {@code id}, just returned by {@link #shared}, as a person of the row (see {@link PersonHints}). */
  private String person(String id) {
    return hints.note(id, interner.lastCode());
  }

  /**
   * The current token's trimmed text from the interner (setting its code for {@link #person}), or null when
   * it is not a string or not short ASCII text, having cleared the code either way first.
   */
  private String interned(JsonParser p) throws IOException {
    interner.clearCode();
    return p.currentToken() == JsonToken.VALUE_STRING
        ? interner.intern(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
  }

  /** As {@link #text}, giving repeated short ASCII values as one shared instance. */
  private String shared(JsonParser p, String f, boolean required) throws IOException, BadValue {
    String s = interned(p);
    if (s != null) {
      return s.isEmpty() ? null : s;
    }
    return text(p, f, required);
  }

  /** {@link #shared(JsonParser, String, boolean)} for item {@code k} of array {@code f}. */
  private String shared(JsonParser p, String f, int k, boolean required) throws IOException, BadValue {
    String s = interned(p);
    if (s != null) {
      return s.isEmpty() ? null : s;
    }
    return text(p, f + "[" + k + "]", required);
  }

  /** {@link #shared(JsonParser, String, boolean)} for member {@code member} of object {@code f}. */
  private String shared(JsonParser p, String f, String member, boolean required) throws IOException, BadValue {
    String s = interned(p);
    if (s != null) {
      return s.isEmpty() ? null : s;
    }
    return text(p, f + member, required);
  }

  private void attributes(JsonParser p) throws IOException, BadValue {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new BadValue("attributes", "must be an object of named numbers, not " + describe(p.currentToken()));
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (!Values.isName(name)) {
        throw new BadValue("attributes." + name, "'" + Values.clip(name) + "' is not an attribute name (a letter, then letters, digits or '_')");
      }
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
        throw new BadValue("attributes." + name, "must be a number, not " + describe(t));
      }
      parts.attributes.put(name, p.getDoubleValue());
    }
  }

  private void evidence(JsonParser p) throws IOException, BadValue {
    expectArray(p, "evidence");
    for (int k = 0; p.nextToken() != JsonToken.END_ARRAY; k++) {
      String f = "evidence[" + k + "]";
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        parts.evidence.add(Evidence.of(text(p, f, true)));
        continue;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new BadValue(f, "must be a URI string or an object {uri, contentHash}, not " + describe(p.currentToken()));
      }
      String uri = null;
      String hash = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("uri")) {
          uri = text(p, f + ".uri", true);
        } else if (name.equals("contentHash")) {
          hash = text(p, f + ".contentHash", false);
        } else {
          throw new BadValue(f + "." + name, "is not a field of evidence (fields: uri, contentHash)");
        }
      }
      if (uri == null) {
        throw new BadValue(f + ".uri", "is missing");
      }
      parts.evidence.add(new Evidence(uri, hash));
    }
  }

  private void reviews(JsonParser p) throws IOException, BadValue {
    expectArray(p, "reviews");
    for (int k = 0; p.nextToken() != JsonToken.END_ARRAY; k++) {
      String f = "reviews[" + k + "]";
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new BadValue(f, "must be an object {reviewer, verdict, quality, duplicateOf}, not "
            + describe(p.currentToken()));
      }
      String reviewer = null;
      Verdict verdict = null;
      String quality = null;
      String duplicateOf = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "reviewer":
            reviewer = person(shared(p, f, ".reviewer", true));
            break;
          case "verdict":
            verdict = Values.verdict(f + ".verdict", String.valueOf(text(p, f + ".verdict", true)));
            break;
          case "quality":
            if (t == JsonToken.VALUE_NULL) {
              break;
            }
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
              throw new BadValue(f + ".quality", "must be a number in [0, 1], not " + describe(t));
            }
            quality = p.getText();
            break;
          case "duplicateOf":
            duplicateOf = text(p, f + ".duplicateOf", false);
            break;
          default:
            throw new BadValue(f + "." + name, "is not a field of a review (fields: reviewer, verdict, quality, duplicateOf)");
        }
      }
      if (verdict == null) {
        throw new BadValue(f + ".verdict", "is missing");
      }
      if (verdict != Verdict.DUPLICATE && duplicateOf != null) {
        throw new BadValue(f + ".duplicateOf", "is only allowed with verdict duplicate");
      }
      parts.reviews.add(Values.review(f + ".quality", reviewer, verdict, quality, duplicateOf));
    }
  }

  private static void expectArray(JsonParser p, String f) throws BadValue {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new BadValue(f, "must be an array, not " + describe(p.currentToken()));
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null ? t.name() : t.asString();
    }
  }
}
