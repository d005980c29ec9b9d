/**
 * KAT rules: policy and framework documents (JSON), cohort framework bounds and the components documents
 * refer to.
 */
module dev.kat.rules {
  requires transitive dev.kat.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports dev.kat.rules;
  exports dev.kat.rules.policy;
}
