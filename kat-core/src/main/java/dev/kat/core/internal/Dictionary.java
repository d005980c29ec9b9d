package dev.kat.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Dictionary-encodes strings to dense ints in order of first appearance. Not thread-safe. */
public final class Dictionary {
  private final HashMap<String, Integer> ids = new HashMap<>();
  private final ArrayList<String> values = new ArrayList<>();

  /** The code of {@code value}, adding it if new. */
  public int encode(String value) {
    Integer id = ids.get(value);
    if (id != null) {
      return id;
    }
    int next = values.size();
    ids.put(value, next);
    values.add(value);
    return next;
  }

  /** The code of {@code value}, or -1 when absent. */
  public int find(String value) {
    Integer id = ids.get(value);
    return id == null ? -1 : id;
  }

  /** The string for {@code code}. */
  public String decode(int code) {
    return values.get(code);
  }

  /** The number of distinct strings. */
  public int size() {
    return values.size();
  }

  /** The strings in code order. */
  public List<String> values() {
    return List.copyOf(values);
  }
}
