/**
 * Codecs: contribution records in from CSV and JSON Lines, results out as JSON and CSV.
 *
 * <p>Readers stream: a file of millions of rows is read one row at a time and each parsed record is
 * handed to a {@link dev.kat.rules.codec.ContributionSink} (typically straight into the engine's batch
 * builder), so no list of records is ever held. A row that cannot be read is never fatal to the rest:
 * it is reported as a {@link dev.kat.rules.codec.MalformedRow} with its file, line, column or field and
 * reason, and its exact byte range so it can be copied unchanged to a rejects file
 * ({@link dev.kat.rules.codec.RawRows}). Problems with the file as a whole (empty, wrong encoding,
 * unusable header) are {@link dev.kat.rules.codec.FileProblem}s. The formats are described in
 * {@code docs/formats.md}.
 *
 * <pre>{@code
 * ContributionBatch.Builder batch = engine.newBatch(cycle);
 * ReadSummary read = ContributionReader.forFile(path).read(path, new ContributionSink() {
 *   public void accept(Contribution c, RowLocation at) { batch.add(c); }
 *   public void malformed(MalformedRow row) { System.err.println(row); }
 * });
 * }</pre>
 */
package dev.kat.rules.codec;
