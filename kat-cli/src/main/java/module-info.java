/** See the module's README section in the project README. */
module dev.kat.cli {
  requires transitive dev.kat.core;
  requires dev.kat.rules;

  exports dev.kat.cli.store;
}
