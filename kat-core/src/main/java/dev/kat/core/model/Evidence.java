package dev.kat.core.model;

import dev.kat.core.internal.Checks;
import java.util.Comparator;

/**
 * A reference to the evidence behind a contribution: a URI and, optionally, a content hash.
 *
 * @param uri where the evidence lives, not blank
 * @param contentHash an optional hash of the evidence's content (any stable text form), or null
 */
public record Evidence(String uri, String contentHash) {

  /** Canonical order of evidence inside a contribution. */
  public static final Comparator<Evidence> CANONICAL_ORDER =
      Comparator.comparing(Evidence::uri).thenComparing(e -> e.contentHash() == null ? "" : e.contentHash());

  /** Validates the fields. */
  public Evidence {
    Checks.text(uri, "uri");
    if (contentHash != null) {
      Checks.text(contentHash, "contentHash");
    }
  }

  /** Evidence known only by its URI. */
  public static Evidence of(String uri) {
    return new Evidence(uri, null);
  }

  /**
   * The key that identifies this evidence for reuse detection: the content hash when present (the same
   * file at two URIs is the same evidence), otherwise the URI.
   */
  public String key() {
    return contentHash != null ? "sha:" + contentHash : "uri:" + uri;
  }
}
