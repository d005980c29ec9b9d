/**
 * The reports people read: a self-contained HTML report per cycle (inline SVG charts, no scripts, fonts
 * or network; readable on a phone and printable) and a statement page per contributor that explains
 * every record, factor and flag behind their KAT. Build a {@link dev.kat.cli.report.ReportModel} and
 * render it with {@link dev.kat.cli.report.HtmlReport}. Output is byte-identical for identical inputs.
 */
package dev.kat.cli.report;
