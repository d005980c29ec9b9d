package dev.kat.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree whose every value remembers the line and column where it starts, so that a reader can report
 * unknown fields, wrong types and bad values at their location. Duplicate keys are reported, not merged.
 */
public final class Json {
  private Json() {}

  /** A position in the source text (1-based); line 0 means unknown. */
  public record Loc(int line, int column) {
    /** An unknown position. */
    public static final Loc NONE = new Loc(0, 0);
  }

  /** One JSON value with its location. */
  public sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {
    /** Where the value starts. */
    Loc loc();

    /** The JSON type name used in messages: object, array, string, number, boolean, null. */
    String type();
  }

  /** A JSON object; members keep their source order. */
  public record Obj(Loc loc, Map<String, Node> members, Map<String, Loc> keyLocs) implements Node {
    /** Copies the maps, keeping their order. */
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
      keyLocs = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocs));
    }

    @Override
    public String type() {
      return "object";
    }
  }

  /** A JSON array. */
  public record Arr(Loc loc, List<Node> items) implements Node {
    /** Copies the items. */
    public Arr {
      items = List.copyOf(items);
    }

    @Override
    public String type() {
      return "array";
    }
  }

  /** A JSON string. */
  public record Str(Loc loc, String value) implements Node {
    @Override
    public String type() {
      return "string";
    }
  }

  /** A JSON number; {@code integral} when written without fraction or exponent. */
  public record Num(Loc loc, BigDecimal value, boolean integral) implements Node {
    @Override
    public String type() {
      return "number";
    }
  }

  /** A JSON boolean. */
  public record Bool(Loc loc, boolean value) implements Node {
    @Override
    public String type() {
      return "boolean";
    }
  }

  /** The JSON null. */
  public record Null(Loc loc) implements Node {
    @Override
    public String type() {
      return "null";
    }
  }

  /** A problem found while parsing: where and what. */
  public record ParseProblem(Loc loc, String path, String message) {}

  /** The outcome of parsing: the root (null when the text is not well-formed JSON) and problems. */
  public record Parsed(Node root, List<ParseProblem> problems) {
    /** Copies the problems. */
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /**
   * Parses one JSON document. Malformed text yields a null root and one problem at the error's line and
   * column; duplicate keys yield a problem each (the first occurrence wins).
   */
  public static Parsed parse(Reader text) {
    List<ParseProblem> problems = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(new ParseProblem(new Loc(1, 1), "$", "the document is empty"));
        return new Parsed(null, problems);
      }
      Node root = value(p, "$", problems);
      if (p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        problems.add(new ParseProblem(loc(l), "$", "unexpected content after the end of the document"));
        return new Parsed(null, problems);
      }
      return new Parsed(root, problems);
    } catch (JsonProcessingException e) {
      problems.add(new ParseProblem(loc(e.getLocation()), "$", "malformed JSON: " + plain(e.getOriginalMessage())));
      return new Parsed(null, problems);
    } catch (IOException e) {
      problems.add(new ParseProblem(Loc.NONE, "$", "cannot read: " + e.getMessage()));
      return new Parsed(null, problems);
    }
  }

  /**
   * A parser message without Jackson's source descriptions, e.g. {@code (start marker at [Source: REDACTED
   * (...); line: 1, column: 1])} becomes {@code (the object starts at line 1, column 1)}.
   */
  static String plain(String message) {
    if (message == null) {
      return "unreadable";
    }
    String out = message.replaceAll("start marker at \\[Source: .*?\\); line: (\\d+), column: (\\d+)\\]",
        "it starts at line $1, column $2");
    return out.replaceAll("\\[Source: [^\\]]*\\]", "").strip();
  }

  private static Node value(JsonParser p, String path, List<ParseProblem> problems) throws IOException {
    Loc at = loc(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node> members = new LinkedHashMap<>();
        Map<String, Loc> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          Loc keyAt = loc(p.currentTokenLocation());
          p.nextToken();
          Node v = value(p, path + "." + name, problems);
          if (members.containsKey(name)) {
            problems.add(new ParseProblem(keyAt, path + "." + name, "duplicate key '" + name + "'"));
          } else {
            members.put(name, v);
            keys.put(name, keyAt);
          }
        }
        return new Obj(at, members, keys);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, path + "[" + i + "]", problems));
          i++;
        }
        return new Arr(at, items);
      }
      case VALUE_STRING:
        return new Str(at, p.getText());
      case VALUE_NUMBER_INT:
        return new Num(at, p.getDecimalValue(), true);
      case VALUE_NUMBER_FLOAT:
        return new Num(at, p.getDecimalValue(), false);
      case VALUE_TRUE:
        return new Bool(at, true);
      case VALUE_FALSE:
        return new Bool(at, false);
      case VALUE_NULL:
        return new Null(at);
      default:
        throw new IOException("unexpected token " + t);
    }
  }

  private static Loc loc(JsonLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return Loc.NONE;
    }
    return new Loc(l.getLineNr(), l.getColumnNr());
  }
}
