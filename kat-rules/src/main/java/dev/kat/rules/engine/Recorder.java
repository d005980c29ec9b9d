package dev.kat.rules.engine;

import java.util.ArrayList;
import java.util.List;

/** Collects the effects of the consequences of one session; the firing rule is set by an agenda listener. */
final class Recorder {
  String rule;
  final List<Effect> effects = new ArrayList<>();

  void add(Effect.Kind kind, String subject, String category, double factor, String value, String reason) {
    if (rule == null) {
      throw new IllegalStateException("effect outside a rule's consequence");
    }
    effects.add(new Effect(rule, kind, subject, category, factor, value, reason));
  }
}
