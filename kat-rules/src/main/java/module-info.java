/**
 * KAT rules: policy and framework documents (JSON), cohort framework bounds and the components documents
 * refer to, and codecs for contribution records and results.
 */
module dev.kat.rules {
  requires transitive dev.kat.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports dev.kat.rules;
  exports dev.kat.rules.codec;
  exports dev.kat.rules.policy;
}
