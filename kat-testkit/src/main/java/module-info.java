/** See the module's README section in the project README. */
module dev.kat.testkit {
  requires transitive dev.kat.core;
  requires transitive net.jqwik.api;
}
