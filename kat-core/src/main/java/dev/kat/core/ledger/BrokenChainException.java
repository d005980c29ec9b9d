package dev.kat.core.ledger;

/** A ledger's hash chain does not verify; names the first broken link. */
public final class BrokenChainException extends LedgerException {
  private static final long serialVersionUID = 1L;

  /** The first broken link. */
  private final transient ChainBreak chainBreak;

  /** An exception for {@code chainBreak}. */
  public BrokenChainException(ChainBreak chainBreak) {
    super(chainBreak.toString());
    this.chainBreak = chainBreak;
  }

  /** The first broken link. */
  public ChainBreak chainBreak() {
    return chainBreak;
  }
}
