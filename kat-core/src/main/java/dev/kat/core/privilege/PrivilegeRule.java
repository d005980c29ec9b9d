package dev.kat.core.privilege;

import java.util.Set;
import java.util.SortedMap;

/**
 * A condition that grants a privilege while it holds. Rules are evaluated after allocation, every cycle,
 * for every contributor; a privilege held last cycle whose rules no longer hold lapses (expires) in this
 * cycle. Implement this interface to plug in a DAO's own rule; implementations must be pure and
 * deterministic.
 */
public interface PrivilegeRule {

  /** The rule's id, unique within a policy. */
  String id();

  /** The privilege or badge it grants. */
  Privilege privilege();

  /** Whether the condition holds for {@code standing}. */
  boolean holds(Standing standing);

  /** The condition in words, e.g. {@code ACTIVITY(session_hosting) >= 10}. */
  String describe();

  /** Parameters in canonical form, for the policy's content hash. */
  SortedMap<String, String> parameters();

  /** Categories the rule reads; the policy checks that they are declared. */
  default Set<String> categoriesRead() {
    return Set.of();
  }
}
