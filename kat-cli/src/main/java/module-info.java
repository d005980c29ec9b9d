/** See the module's README section in the project README. */
module dev.kat.cli {
  requires dev.kat.core;
  requires dev.kat.rules;
}
