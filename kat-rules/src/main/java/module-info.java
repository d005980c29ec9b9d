/**
 * KAT rules: policy and framework documents (JSON), cohort framework bounds and the components documents
 * refer to, codecs for contribution records and results, and DAOs' own rule files compiled with the Drools
 * rules engine.
 */
module dev.kat.rules {
  requires transitive dev.kat.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.kie.api;
  requires org.kie.internal.api;
  requires org.drools.drl.ast;
  requires org.drools.drl.parser;

  exports dev.kat.rules;
  exports dev.kat.rules.codec;
  exports dev.kat.rules.policy;
  exports dev.kat.rules.engine;
  exports dev.kat.rules.compare;

  uses dev.kat.rules.policy.GuardrailFactory;
  uses dev.kat.rules.policy.AllocationFactory;
  uses dev.kat.rules.policy.CreditRuleFactory;
  uses dev.kat.rules.policy.PrivilegeRuleFactory;

  // Drools reads the rule facts reflectively.
  opens dev.kat.rules.engine;
}
