/**
 * The {@code kat} command: {@link dev.kat.cli.Main} is its entry point and {@link dev.kat.cli.ExitCode}
 * lists what its exit status means. The subcommands follow a DAO's monthly workflow (validate, preview,
 * finalize, explain, report, compare, run); {@code docs/cli.md} describes each one.
 */
package dev.kat.cli;
