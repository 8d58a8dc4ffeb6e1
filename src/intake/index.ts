// STUB — owned by the parse helper; replaced by the real intake (size limits, binary detection, Slack un-escaping).
export type InputOrigin = 'paste' | 'file' | 'stdin' | 'slack' | 'command';
export interface RawInput {
  /** Decoded as latin1-safe text for header work; the original bytes are kept for MIME decoding. */
  bytes: Buffer;
  origin: InputOrigin;
  filename?: string;
}
export interface ReadOptions { origin?: InputOrigin; filename?: string; maxBytes?: number }
export function readInput(input: string | Buffer, opts: ReadOptions = {}): RawInput {
  return { bytes: Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8'), origin: opts.origin ?? 'paste', filename: opts.filename };
}
