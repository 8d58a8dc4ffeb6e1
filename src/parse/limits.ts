/** Bounds on the MIME walk (postal-mime style): a hostile or broken message cannot make us work forever. */
export const MIME_LIMITS = {
  /** Multipart nesting we follow; deeper parts are skipped with a warning. */
  maxDepth: 8,
  /** Parts we look at in one message. */
  maxParts: 128,
  /** Bytes of one header block we parse; the rest of an absurd header block is ignored. */
  maxHeaderBytes: 256 * 1024,
  /** Decoded human-readable text kept for the readers. */
  maxBodyChars: 512 * 1024,
  /** ParsedReport.text size (classification context). */
  maxReportTextChars: 64 * 1024,
  /** A diagnostic longer than this is cut (a server that pastes its whole banner). */
  maxDiagnosticChars: 4 * 1024,
  /** Recipients reported for one message (a list-server DSN can name thousands). */
  maxRecipients: 1000,
} as const;
