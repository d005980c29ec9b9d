/** See the module's README section in the project README. */
module dev.kat.rules {
  requires transitive dev.kat.core;
  requires com.fasterxml.jackson.databind;
}
