/**
 * Intake limits, in one place so adapters and tests can name them.
 *
 * Oversize policy (a deliberate choice): a bounce bigger than `maxBytes` is almost always a normal
 * NDR that returned a large original message (attachments and all). Everything a diagnosis needs sits
 * in the first few kilobytes, so we keep the first `maxBytes` and add a warning instead of refusing.
 * Only input beyond `maxBytes × REJECT_FACTOR` is refused outright: at that size it is not a bounce
 * (a mailbox export, a disk image) and the user is better served by a clear "too large".
 */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Inputs larger than maxBytes × this are refused with InputTooLarge instead of being truncated. */
export const REJECT_FACTOR = 8;

/** How much of the input the binary check samples. */
export const BINARY_SAMPLE_BYTES = 4 * 1024;

/** Share of control characters (besides TAB, CR, LF, FF, ESC) above which input counts as binary. */
export const MAX_CONTROL_RATIO = 0.02;

/** A text input may carry this many stray NUL bytes (they are dropped); more means a binary file. */
export const MAX_STRAY_NULS = 4;
