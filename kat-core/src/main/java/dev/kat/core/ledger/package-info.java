/**
 * The tamper-evident ledger of finalized cycles: {@link dev.kat.core.ledger.LedgerEntry} (a cycle's
 * inputs, result hash and allocations, chained by hashes), the {@link dev.kat.core.ledger.LedgerStore}
 * interface with an in-memory implementation, the canonical text form
 * ({@link dev.kat.core.ledger.LedgerCodec}), and verification and replay
 * ({@link dev.kat.core.ledger.Ledgers}). The manual exceptions, disputes and corrections a ledger records
 * are defined here too.
 */
package dev.kat.core.ledger;
