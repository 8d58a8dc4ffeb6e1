/**
 * What a CLI run may touch: its three streams, the environment and a cancel signal. The entry point
 * passes the process's; tests pass in-memory streams.
 */
import { REJECT_FACTOR } from '../intake/limits';
import { redactSecrets } from '../redact';
import type { Engine } from '../bot/types';
import type { Config } from '../config';
import { asSmtpcheckError, ErrorCode, SmtpcheckError } from '../errors';

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: a running probe stops and reports what it has. */
  signal?: AbortSignal;
  /** Replaces the real engine (tests). */
  engine?: (config: Config) => Engine;
}

/** Exit statuses, documented in `smtpcheck help`. */
export const EXIT = { ok: 0, negative: 1, usage: 2 } as const;

/** One line on stderr, `smtpcheck: …`; with SMTPCHECK_DEBUG=1 also the stack of what went wrong. */
export function printError(io: CliIo, err: unknown, prefix = ''): void {
  const e = asSmtpcheckError(err);
  io.stderr.write(`smtpcheck: ${redactSecrets(prefix + e.message)}\n`);
  if (io.env.SMTPCHECK_DEBUG === '1') {
    const original = e.code === ErrorCode.Internal ? (e as { cause?: unknown }).cause ?? e : err;
    io.stderr.write(`${redactSecrets(original instanceof Error ? String(original.stack) : String(original))}\n`);
  }
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * The refusal for input past the cap (maxBytes × REJECT_FACTOR, where intake refuses too): endless
 * streams (/dev/zero, a runaway pipe) end here instead of in memory. `size` when it is known.
 */
export function tooLarge(what: string, maxBytes: number, size?: number): SmtpcheckError {
  const measured = size === undefined ? `is larger than ${mib(maxBytes * REJECT_FACTOR)}` : `is ${mib(size)}`;
  return new SmtpcheckError(
    ErrorCode.InputTooLarge,
    `${what} ${measured}; smtpcheck reads bounces up to ${mib(maxBytes)}. Give just the bounce, or save it as .eml without large attachments.`,
  );
}

/** Read a whole stream into one buffer, refusing it once it passes what intake would refuse anyway. */
export async function readAll(stream: NodeJS.ReadableStream, maxBytes = Infinity): Promise<Buffer> {
  const capBytes = maxBytes * REJECT_FACTOR;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > capBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw tooLarge('Standard input', maxBytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
