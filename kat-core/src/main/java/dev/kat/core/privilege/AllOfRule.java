package dev.kat.core.privilege;

import dev.kat.core.internal.Checks;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Grants a privilege while every one of several rules holds (their own privileges are ignored). */
final class AllOfRule implements PrivilegeRule {
  private final String id;
  private final Privilege privilege;
  private final List<PrivilegeRule> rules;

  AllOfRule(String id, Privilege privilege, List<PrivilegeRule> rules) {
    this.id = Checks.notBlank(id, "id");
    this.privilege = Checks.notNull(privilege, "privilege");
    this.rules = List.copyOf(rules);
    Checks.argument(!this.rules.isEmpty(), "allOf rule " + id + " needs at least one rule");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Privilege privilege() {
    return privilege;
  }

  @Override
  public boolean holds(Standing standing) {
    for (PrivilegeRule r : rules) {
      if (!r.holds(standing)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (PrivilegeRule r : rules) {
      sb.append(sb.length() == 0 ? "" : " and ").append(r.describe());
    }
    return sb.toString();
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> m = new TreeMap<>();
    m.put("privilege", privilege.id());
    m.put("kind", privilege.kind().name());
    for (int i = 0; i < rules.size(); i++) {
      m.put("rule" + i, rules.get(i).parameters().toString());
    }
    return Collections.unmodifiableSortedMap(m);
  }

  @Override
  public Set<String> categoriesRead() {
    TreeSet<String> s = new TreeSet<>();
    rules.forEach(r -> s.addAll(r.categoriesRead()));
    return Collections.unmodifiableSet(s);
  }

  @Override
  public String toString() {
    return id + ": " + describe();
  }
}
