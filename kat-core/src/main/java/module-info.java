/**
 * KAT core: the model, the recognition engine, guardrails, karma and allocation. No runtime
 * dependencies.
 */
// the qualified export below names a module built after this one
@SuppressWarnings("module")
module dev.kat.core {
  exports dev.kat.core.model;
  exports dev.kat.core.policy;
  exports dev.kat.core.engine;
  exports dev.kat.core.alloc;
  exports dev.kat.core.guard;
  exports dev.kat.core.cycle;
  exports dev.kat.core.ledger;
  exports dev.kat.core.privilege;
  exports dev.kat.core.metrics;
  exports dev.kat.core.sim;
  // the canonical record form and encoded admission, for KAT's own readers only
  exports dev.kat.core.internal to dev.kat.rules;
}
