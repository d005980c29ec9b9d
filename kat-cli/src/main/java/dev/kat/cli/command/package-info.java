/**
 * The subcommands of {@code kat} and what they share: argument parsing, locating a DAO's inputs, running
 * a cycle from files and writing its outputs. Not exported.
 */
package dev.kat.cli.command;
