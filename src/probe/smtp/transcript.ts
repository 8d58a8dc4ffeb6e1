/**
 * The session transcript, fed by nodemailer's logger (`transactionLog: true`) and by our own notes.
 *
 * Every entry is stamped with performance.now() so step timings come from the same record the user sees.
 * Secrets never get in: everything the client sends inside an AUTH exchange is replaced, the password and
 * its base64 form are scrubbed from all text, and the record is bounded in entries and bytes so an
 * oversized or chatty reply cannot grow memory.
 *
 * Line format of lines(): "S: 220 mx.example.test ESMTP" (server), "C: EHLO probe.example" (client),
 * "* connected to 192.0.2.1:25 in 12 ms" (notes from smtpcheck).
 */
import { format } from 'node:util';

export type EntryKind = 'server' | 'client' | 'connected' | 'tls-up' | 'note';

export interface TranscriptEntry {
  t: number;
  kind: EntryKind;
  text: string;
}

export interface TranscriptLimits {
  maxEntries: number;
  maxBytes: number;
  /** Longest text kept per entry (a reply may hold many lines). */
  maxEntryChars: number;
  /** Longest single transcript line. */
  maxLineChars: number;
  /** Most lines lines() returns (one reply can hold many short lines). */
  maxLines: number;
}

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = {
  maxEntries: 200,
  maxBytes: 64 * 1024,
  maxEntryChars: 8 * 1024,
  maxLineChars: 1000,
  maxLines: 400,
};

const REDACTED = '[redacted]';
/** What nodemailer writes instead of a command sent through a customAuth handler. */
const NODEMAILER_MASK = '/* secret */';

/** The bunyan-like logger nodemailer calls: (meta, message, ...formatArgs). */
export interface NodemailerLogger {
  trace(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  fatal(...args: unknown[]): void;
}

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  truncated = false;
  private bytes = 0;
  private inAuthExchange = false;
  private readonly secrets: string[];
  /** Commands we sent through customAuth, in order, to restore in place of nodemailer's mask. */
  private readonly pendingMasked: string[] = [];
  /** Called for every entry as it is recorded (the session reads the TLS socket at 'tls-up'). */
  onEntry?: (entry: TranscriptEntry) => void;

  constructor(
    secrets: (string | undefined)[] = [],
    private readonly limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS,
  ) {
    const list = new Set<string>();
    for (const s of secrets) {
      // Very short values would blank out ordinary text; the AUTH masking still covers them.
      if (!s || s.length < 4) continue;
      list.add(s);
      list.add(Buffer.from(s, 'utf8').toString('base64'));
    }
    this.secrets = [...list].sort((a, b) => b.length - a.length);
  }

  /** Logger object for SMTPConnection's `logger` option. */
  logger(): NodemailerLogger {
    const handle = (...args: unknown[]) => this.fromNodemailer(args);
    return { trace: handle, debug: handle, info: handle, warn: handle, error: handle, fatal: handle };
  }

  /** The next command nodemailer logs as masked (customAuth's sendCommand) is really this one. */
  expectMaskedCommand(command: string): void {
    this.pendingMasked.push(command);
  }

  note(text: string): void {
    this.add('note', text);
  }

  connected(text: string): void {
    this.add('connected', text);
  }

  /** Transcript lines for HostProbe.transcript. */
  lines(): string[] {
    const out: string[] = [];
    const prefix: Record<EntryKind, string> = { server: 'S: ', client: 'C: ', connected: '* ', 'tls-up': '* ', note: '* ' };
    let full = this.truncated;
    for (const e of this.entries) {
      for (const line of e.text.split('\n')) {
        if (out.length >= this.limits.maxLines) {
          full = true;
          break;
        }
        out.push(this.capLine(prefix[e.kind] + line));
      }
    }
    if (full) out.push('* transcript truncated (size limit)');
    return out;
  }

  /** Scrub configured secrets from any text leaving this module (evidence, error messages). */
  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  private fromNodemailer(args: unknown[]): void {
    const meta = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as { tnx?: string };
    const rest = typeof args[0] === 'string' ? args : args.slice(1);
    const message = rest.length > 1 ? format(...(rest as [unknown, ...unknown[]])) : String(rest[0] ?? '');
    switch (meta.tnx) {
      case 'server':
        return this.fromServer(message);
      case 'client':
        return this.fromClient(message);
      case 'network':
        if (/established to/.test(message)) {
          return message.includes('Secure') ? this.add('tls-up', 'TLS established (implicit TLS)') : undefined;
        }
        if (/Connection closed/.test(message)) return this.add('note', 'connection closed');
        return;
      case 'smtp':
        if (/Connection upgraded with STARTTLS/.test(message)) return this.add('tls-up', 'TLS established (STARTTLS)');
        // A server sending bytes after its "220 ready" is worth seeing (STARTTLS injection, RFC 3207 §6).
        if (/Discarded \d+ bytes/.test(message)) return this.add('note', message);
        return;
      default:
        return;
    }
  }

  private fromServer(text: string): void {
    if (this.inAuthExchange && !/^334[ -]/.test(text)) this.inAuthExchange = false;
    this.add('server', text);
  }

  private fromClient(text: string): void {
    if (text === NODEMAILER_MASK && this.pendingMasked.length) {
      this.add('client', this.pendingMasked.shift() as string);
      return;
    }
    const auth = /^AUTH\s+(\S+)(\s+\S.*)?$/i.exec(text);
    if (auth) {
      this.inAuthExchange = true;
      this.add('client', `AUTH ${auth[1].toUpperCase()}${auth[2] ? ' ' + REDACTED : ''}`);
      return;
    }
    // Continuation lines of an AUTH exchange carry the user name, password or a response derived from it.
    this.add('client', this.inAuthExchange ? REDACTED : text);
  }

  private add(kind: EntryKind, raw: string): void {
    let text = this.scrub(raw.replace(/\r/g, ''));
    if (kind === 'note') {
      text = text.trim();
      // nodemailer reports the close of the plain and of the TLS socket; one line is enough.
      const last = this.entries[this.entries.length - 1];
      if (last?.kind === 'note' && last.text === text) return;
    }
    if (text.length > this.limits.maxEntryChars) text = text.slice(0, this.limits.maxEntryChars) + ' …';
    const entry = { t: performance.now(), kind, text };
    // Listeners see every entry, also after the record is full: the TLS grading must not depend on it.
    this.onEntry?.(entry);
    if (this.truncated) return;
    if (this.entries.length >= this.limits.maxEntries || this.bytes + text.length > this.limits.maxBytes) {
      this.truncated = true;
      return;
    }
    this.bytes += text.length;
    this.entries.push(entry);
  }

  private capLine(line: string): string {
    return line.length > this.limits.maxLineChars ? line.slice(0, this.limits.maxLineChars) + ' …' : line;
  }
}
