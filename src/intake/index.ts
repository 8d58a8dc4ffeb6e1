/**
 * Intake: turn whatever the user gave us (a paste, a file, stdin, a Slack message) into bytes the
 * parser can trust — bounded in size, known to be text, with Slack's escaping undone.
 * Errors here are the only ones the diagnose path throws for bad input (see ../errors.ts).
 */
import { ErrorCode, SmtpcheckError } from '../errors';
import { checkText } from './binary';
import { DEFAULT_MAX_BYTES, REJECT_FACTOR } from './limits';
import { unescapeSlack } from './slack';

export { looksLikeBounce } from './sniff';
export { unescapeSlack } from './slack';
export { DEFAULT_MAX_BYTES } from './limits';

export type InputOrigin = 'paste' | 'file' | 'stdin' | 'slack' | 'command';

export interface RawInput {
  /** The input as bytes (UTF-8 for pastes); the MIME layer decodes charsets from these. */
  bytes: Buffer;
  origin: InputOrigin;
  filename?: string;
  /** What intake changed or noticed (truncation, Slack escapes, UTF-16); copied into the report's warnings. */
  warnings?: string[];
  /** True when the input was cut at maxBytes. */
  truncated?: boolean;
}

export interface ReadOptions {
  origin?: InputOrigin;
  filename?: string;
  /** Largest input read in full (default 2 MiB); larger input is truncated, far larger refused (see limits.ts). */
  maxBytes?: number;
  /** 'reject' refuses anything over maxBytes instead of truncating it. */
  oversize?: 'truncate' | 'reject';
}

function mib(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 1)} MiB`;
}

/** Cut at maxBytes, then back to the last line break so no line or UTF-8 sequence is split. */
function truncate(bytes: Buffer, maxBytes: number): Buffer {
  const cut = bytes.subarray(0, maxBytes);
  const lastLf = cut.lastIndexOf(0x0a);
  return lastLf > maxBytes / 2 ? cut.subarray(0, lastLf + 1) : cut;
}

function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

export function readInput(input: string | Buffer, opts: ReadOptions = {}): RawInput {
  const origin = opts.origin ?? 'paste';
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const warnings: string[] = [];
  let bytes = Buffer.isBuffer(input) ? input : Buffer.from(input ?? '', 'utf8');
  let truncated = false;

  if (bytes.length > maxBytes) {
    if (opts.oversize === 'reject' || bytes.length > maxBytes * REJECT_FACTOR) {
      throw new SmtpcheckError(
        ErrorCode.InputTooLarge,
        `That input is ${mib(bytes.length)}; smtpcheck reads bounces up to ${mib(maxBytes)}. Paste just the bounce text, or save the bounce as .eml without large attachments.`,
        { bytes: bytes.length, maxBytes },
      );
    }
    bytes = truncate(bytes, maxBytes);
    truncated = true;
    warnings.push(`The input was larger than ${mib(maxBytes)}; only the first ${mib(bytes.length)} were read (the cut-off part is usually the returned original message).`);
  }

  if (isBlank(bytes)) {
    throw new SmtpcheckError(ErrorCode.BadInput, 'There is nothing to read: the input is empty. Paste the bounce text or attach the bounce (.eml).');
  }

  const text = checkText(bytes);
  if (!text.ok) {
    throw new SmtpcheckError(
      ErrorCode.BinaryInput,
      `That looks like ${text.what}, not a bounce message. Paste the bounce text, or attach the bounce as .eml or .txt.`,
      { filename: opts.filename },
    );
  }
  bytes = text.bytes;
  if (text.note) warnings.push(text.note);

  if (origin === 'slack') {
    const original = bytes.toString('utf8');
    const unescaped = unescapeSlack(original);
    if (unescaped !== original) bytes = Buffer.from(unescaped, 'utf8');
    if (isBlank(bytes)) {
      throw new SmtpcheckError(ErrorCode.BadInput, 'There is nothing to read: the message is empty once formatting is removed.');
    }
  }

  return {
    bytes,
    origin,
    ...(opts.filename !== undefined ? { filename: opts.filename } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(truncated ? { truncated } : {}),
  };
}
