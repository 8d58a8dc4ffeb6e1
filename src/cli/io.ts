/**
 * What a CLI run may touch: its three streams, the environment and a cancel signal. The entry point
 * passes the process's; tests pass in-memory streams.
 */
import { redactSecrets } from '../redact';
import type { Engine } from '../bot/types';
import type { Config } from '../config';
import { asSmtpcheckError, ErrorCode } from '../errors';

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

/** Read a whole stream into one buffer. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
