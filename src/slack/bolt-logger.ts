/**
 * Bolt and its Socket Mode / Web API clients log through this adapter, so their lines come out as our
 * structured JSON (secrets masked by src/logger) instead of console text. Bolt passes Error objects
 * and format fragments; we keep the message and the error code, never the stack.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger';

function describe(parts: unknown[]): { msg: string; err?: { name: string; message: string; code?: unknown } } {
  const words: string[] = [];
  let err: { name: string; message: string; code?: unknown } | undefined;
  for (const p of parts) {
    if (p instanceof Error) {
      err = { name: p.name, message: p.message, ...((p as { code?: unknown }).code !== undefined ? { code: (p as { code?: unknown }).code } : {}) };
      words.push(p.message);
    } else if (typeof p === 'string') {
      words.push(p);
    } else {
      try { words.push(JSON.stringify(p)); } catch { words.push(String(p)); }
    }
  }
  return { msg: words.join(' ').slice(0, 2000), err };
}

export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = 'bolt';
  const emit = (fn: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    const { msg, err } = describe(parts);
    logger[fn](msg, { source: name, ...(err ? { err } : {}) });
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel: (l) => { current = l; },
    getLevel: () => current,
    setName: (n) => { name = n; },
  };
}
