/** Bounds on the MIME walk (postal-mime style): a hostile or broken message cannot make us work forever. */
export const MIME_LIMITS = {
  /** Multipart nesting we follow; deeper parts are skipped with a warning. */
  maxDepth: 8,
  /** Parts we look at in one message. */
  maxParts: 128,
  /**
   * Header text of one block we keep (sum of values). Past it, the rest of the block is only walked
   * (nothing kept) to where it ends — its blank line, or for a paste the first line that is no header —
   * so the block is never cut short and the body after it is still read as body.
   */
  maxHeaderBytes: 256 * 1024,
  /** One header value (a broken relay's endless line, thousands of folded lines); the rest is skipped unread. */
  maxHeaderValueChars: 64 * 1024,
  /** Header fields of one block we keep; past it, the rest of the block is skipped like past maxHeaderBytes. */
  maxHeaderFields: 4096,
  /** Decoded human-readable text kept for the readers. */
  maxBodyChars: 512 * 1024,
  /** ParsedReport.text size (classification context). */
  maxReportTextChars: 64 * 1024,
  /** A diagnostic longer than this is cut (a server that pastes its whole banner). */
  maxDiagnosticChars: 4 * 1024,
  /** Messages of a Unix mbox we read; past it a warning gives the count read and the count skipped. */
  maxMailboxMessages: 200,
  /** Recipients reported for one message (a list-server DSN can name thousands). */
  maxRecipients: 1000,
} as const;
