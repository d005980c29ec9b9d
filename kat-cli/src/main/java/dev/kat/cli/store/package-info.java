/**
 * Durable ledger storage: {@link dev.kat.cli.store.FileLedgerStore} keeps finalized cycles in one text
 * file, replaced atomically on every append and guarded by a file lock against concurrent writers.
 */
package dev.kat.cli.store;
