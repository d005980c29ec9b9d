/**
 * The {@code kat simulate} subcommand: experiments described in JSON ({@link
 * dev.kat.cli.simulate.ExperimentDocument}), run with the simulation lab of {@code dev.kat.core.sim}, written as
 * tidy CSV and a self-contained HTML summary with inline SVG charts ({@link
 * dev.kat.cli.simulate.SimulateCommand}).
 */
package dev.kat.cli.simulate;
