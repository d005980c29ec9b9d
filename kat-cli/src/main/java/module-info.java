/**
 * The {@code kat} command for DAO operators and researchers, the file ledger store and the reports people
 * read.
 */
module dev.kat.cli {
  requires transitive dev.kat.core;
  requires transitive dev.kat.rules;
  requires com.fasterxml.jackson.databind;

  exports dev.kat.cli;
  exports dev.kat.cli.report;
  exports dev.kat.cli.store;
}
