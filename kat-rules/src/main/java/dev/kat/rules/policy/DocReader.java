package dev.kat.rules.policy;

import dev.kat.rules.internal.Json;
import dev.kat.rules.internal.Json.Arr;
import dev.kat.rules.internal.Json.Bool;
import dev.kat.rules.internal.Json.Loc;
import dev.kat.rules.internal.Json.Node;
import dev.kat.rules.internal.Json.Num;
import dev.kat.rules.internal.Json.Obj;
import dev.kat.rules.internal.Json.Str;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a located JSON tree, collecting every problem (unknown field, wrong type,
 * missing field, bad value) with its location instead of stopping at the first.
 */
final class DocReader {
  final String source;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Loc> locs = new HashMap<>();

  DocReader(String source) {
    this.source = source;
  }

  List<Problem> problems() {
    return problems;
  }

  /** Records the location of every path in {@code root} so that later problems can be located by path. */
  void index(Node root) {
    index(root, "$");
  }

  private void index(Node n, String path) {
    locs.put(path, n.loc());
    if (n instanceof Obj) {
      for (Map.Entry<String, Node> e : ((Obj) n).members().entrySet()) {
        index(e.getValue(), path + "." + e.getKey());
      }
    } else if (n instanceof Arr) {
      List<Node> items = ((Arr) n).items();
      for (int i = 0; i < items.size(); i++) {
        index(items.get(i), path + "[" + i + "]");
      }
    }
  }

  /** The location of {@code path}, or of its nearest ancestor that exists in the document. */
  Loc locate(String path) {
    String p = path;
    while (true) {
      Loc l = locs.get(p);
      if (l != null) {
        return l;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return locs.getOrDefault("$", Loc.NONE);
      }
      p = p.substring(0, cut);
    }
  }

  void problem(Loc at, String path, String message) {
    problems.add(new Problem(source, at.line(), at.column(), path, message));
  }

  void problem(String path, String message) {
    problem(locate(path), path, message);
  }

  void parseProblems(List<Json.ParseProblem> list) {
    for (Json.ParseProblem p : list) {
      problem(p.loc(), p.path(), p.message());
    }
  }

  Obj object(Node n, String path) {
    if (n instanceof Obj) {
      return (Obj) n;
    }
    wrongType(n, path, "an object");
    return null;
  }

  /** Reports every member of {@code o} not in {@code allowed}. */
  void only(Obj o, String path, Set<String> allowed) {
    for (Map.Entry<String, Loc> e : o.keyLocs().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        String hint = nearest(e.getKey(), allowed);
        problem(e.getValue(), path + "." + e.getKey(), "unknown field '" + e.getKey() + "'"
            + (hint == null ? "" : " (did you mean '" + hint + "'?)")
            + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  String string(Obj o, String path, String key, String dflt, boolean required) {
    Node n = member(o, path, key, required);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Str) {
      String s = ((Str) n).value();
      if (s.isBlank()) {
        problem(n.loc(), path + "." + key, "must not be blank");
        return dflt;
      }
      return s;
    }
    wrongType(n, path + "." + key, "a string");
    return dflt;
  }

  /** A finite number, or null (reported) when missing-and-required or of the wrong type. */
  Double number(Obj o, String path, String key, Double dflt, boolean required) {
    Node n = member(o, path, key, required);
    if (n == null) {
      return dflt;
    }
    return number(n, path + "." + key, dflt);
  }

  Double number(Node n, String path, Double dflt) {
    if (n instanceof Num) {
      double d = ((Num) n).value().doubleValue();
      if (!Double.isFinite(d)) {
        problem(n.loc(), path, "number " + ((Num) n).value() + " is too large");
        return dflt;
      }
      return d;
    }
    wrongType(n, path, "a number");
    return dflt;
  }

  Long integer(Obj o, String path, String key, Long dflt, boolean required) {
    Node n = member(o, path, key, required);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Num) {
      BigDecimal v = ((Num) n).value();
      try {
        return v.stripTrailingZeros().longValueExact();
      } catch (ArithmeticException e) {
        problem(n.loc(), path + "." + key, "expected an integer but found " + shown(v));
        return dflt;
      }
    }
    wrongType(n, path + "." + key, "an integer");
    return dflt;
  }

  Boolean bool(Obj o, String path, String key, Boolean dflt) {
    Node n = member(o, path, key, false);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Bool) {
      return ((Bool) n).value();
    }
    wrongType(n, path + "." + key, "true or false");
    return dflt;
  }

  /** A list of non-blank strings; empty when absent. Duplicates are reported. */
  List<String> strings(Obj o, String path, String key) {
    Node n = member(o, path, key, false);
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (!(n instanceof Arr)) {
      wrongType(n, path + "." + key, "an array of strings");
      return out;
    }
    List<Node> items = ((Arr) n).items();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String p = path + "." + key + "[" + i + "]";
      if (item instanceof Str && !((Str) item).value().isBlank()) {
        String s = ((Str) item).value();
        if (out.contains(s)) {
          problem(item.loc(), p, "'" + s + "' is listed twice");
        } else {
          out.add(s);
        }
      } else {
        wrongType(item, p, "a non-blank string");
      }
    }
    return out;
  }

  /** The members of an object-valued field as a map in source order; empty (maybe reported) otherwise. */
  Map<String, Node> members(Obj o, String path, String key, boolean required) {
    Node n = member(o, path, key, required);
    if (n == null) {
      return new LinkedHashMap<>();
    }
    Obj obj = object(n, path + "." + key);
    return obj == null ? new LinkedHashMap<>() : new LinkedHashMap<>(obj.members());
  }

  /** An enum-like value from {@code allowed} (lower case), or {@code dflt}. */
  String choice(Obj o, String path, String key, String dflt, Set<String> allowed) {
    Node n = member(o, path, key, false);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Str && allowed.contains(((Str) n).value())) {
      return ((Str) n).value();
    }
    String found = n instanceof Str ? "'" + ((Str) n).value() + "'" : "a " + n.type();
    problem(n.loc(), path + "." + key, "expected one of " + String.join(", ", new TreeSet<>(allowed))
        + " but found " + found);
    return dflt;
  }

  Node member(Obj o, String path, String key, boolean required) {
    Node n = o.members().get(key);
    if (n == null && required) {
      problem(o.loc(), path + "." + key, "missing required field '" + key + "'");
    }
    return n;
  }

  /** A number as written for a message: plain, or in scientific notation when plain would be long. */
  static String shown(BigDecimal v) {
    String plain = v.toPlainString();
    return plain.length() <= 40 ? plain : v.toString();
  }

  void wrongType(Node n, String path, String expected) {
    String found = n instanceof Str ? "the string \"" + ((Str) n).value() + "\""
        : n instanceof Num ? "the number " + shown(((Num) n).value()) : "a " + n.type();
    problem(n.loc(), path, "expected " + expected + " but found " + found);
  }

  /** Converts a JSON scalar or array of scalars into a parameter value; reports objects and nulls. */
  Object plain(Node n, String path) {
    if (n instanceof Str) {
      return ((Str) n).value();
    }
    if (n instanceof Num) {
      return ((Num) n).value();
    }
    if (n instanceof Bool) {
      return ((Bool) n).value();
    }
    if (n instanceof Arr) {
      List<Object> out = new ArrayList<>();
      List<Node> items = ((Arr) n).items();
      for (int i = 0; i < items.size(); i++) {
        Object v = plain(items.get(i), path + "[" + i + "]");
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    wrongType(n, path, "a string, number, boolean or array");
    return null;
  }

  private static String nearest(String key, Set<String> allowed) {
    String best = null;
    int bestD = 3;
    for (String a : new TreeSet<>(allowed)) {
      int d = distance(key.toLowerCase(java.util.Locale.ROOT), a.toLowerCase(java.util.Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = a;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
