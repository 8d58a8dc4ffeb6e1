/**
 * A promise-shaped wrapper around one nodemailer SMTPConnection used as a probe engine.
 *
 * Why a wrapper: nodemailer reports session failures on the 'error' event, not to the callback of the
 * command in flight (and a 421 just ends the session), so every step here races its callback against
 * "the session is over" — error, close, deadline or abort. Nothing here can send DATA: there is no
 * send() call anywhere in this module.
 */
import net from 'node:net';
import type tls from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { Budget } from './budget';
import type { Transcript } from './transcript';

export type SessionEnd =
  | { kind: 'error'; err: NodemailerError }
  | { kind: 'closed' }
  | { kind: 'deadline' }
  | { kind: 'aborted' };

export type StepResult<T> = { ok: true; value: T } | { ok: false; err: NodemailerError } | { ok: false; end: SessionEnd };

export type EnvelopeHandler = (ctx: SMTPConnection.CustomAuthenticationContext) => Promise<void>;

export interface SessionOptions {
  socket: net.Socket;
  name: string;
  heloName: string;
  secure: boolean;
  ignoreTls: boolean;
  tls: tls.ConnectionOptions;
  transcript: Transcript;
  budget: Budget;
  signal?: AbortSignal;
  /** Largest single reply we accept; real replies are a few hundred bytes. */
  maxResponseSize: number;
  /** Runs MAIL FROM / RCPT TO / RSET through nodemailer's documented customAuth hook. */
  envelope?: EnvelopeHandler;
  /** Called the moment TLS is up, while the socket is surely open (certificate grading). */
  onSecure?: (socket: tls.TLSSocket) => void;
}

export const ENVELOPE_METHOD = 'X-SMTPCHECK-ENVELOPE';

/** Grace after the deadline before our own watchdog closes the session (nodemailer's timers go first). */
const WATCHDOG_GRACE_MS = 50;
/** Longest wait for the 221 after QUIT; the session's findings are already known by then. */
const QUIT_WAIT_MS = 1000;

export class SmtpSession {
  readonly conn: SMTPConnection;
  end?: SessionEnd;
  private readonly ended: Promise<SessionEnd>;
  private readonly watchdog: NodeJS.Timeout;
  private readonly onAbort: () => void;

  constructor(private readonly opts: SessionOptions) {
    const remaining = opts.budget.remaining();
    this.conn = new SMTPConnection({
      connection: opts.socket,
      host: opts.socket.remoteAddress,
      port: opts.socket.remotePort,
      secure: opts.secure,
      ignoreTLS: opts.ignoreTls,
      // Only a real name goes into SNI (RFC 6066 forbids IP literals there).
      servername: net.isIP(opts.name) ? undefined : opts.name,
      name: opts.heloName,
      tls: opts.tls,
      connectionTimeout: remaining,
      greetingTimeout: remaining,
      socketTimeout: remaining,
      socketCloseTimeout: 0,
      maxResponseSize: opts.maxResponseSize,
      logger: opts.transcript.logger(),
      transactionLog: true,
      customAuth: opts.envelope ? { [ENVELOPE_METHOD]: opts.envelope } : undefined,
    });

    opts.transcript.onEntry = (entry) => {
      if (entry.kind !== 'tls-up') return;
      const socket = this.tlsSocket();
      if (socket) opts.onSecure?.(socket);
    };

    let settle!: (end: SessionEnd) => void;
    this.ended = new Promise((resolve) => (settle = resolve));
    const finish = (end: SessionEnd) => {
      if (this.end) return;
      this.end = end;
      clearTimeout(this.watchdog);
      opts.signal?.removeEventListener('abort', this.onAbort);
      settle(end);
    };
    this.conn.on('error', (err: NodemailerError) => finish({ kind: 'error', err }));
    this.conn.on('end', () => finish({ kind: 'closed' }));
    this.watchdog = setTimeout(() => {
      finish({ kind: 'deadline' });
      this.conn.close();
    }, remaining + WATCHDOG_GRACE_MS);
    this.onAbort = () => {
      finish({ kind: 'aborted' });
      this.conn.close();
    };
    opts.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (opts.signal?.aborted) this.onAbort();
  }

  /** Banner, EHLO, STARTTLS and the second EHLO; resolves when nodemailer's handshake is done. */
  handshake(): Promise<StepResult<void>> {
    return this.step<void>((done) =>
      this.conn.connect((err) => {
        // A silent close before the greeting comes here instead of the 'error' event.
        if (err) done(err);
        else done(null);
      }),
    );
  }

  login(user: string, pass: string, method: string): Promise<StepResult<void>> {
    return this.step<void>((done) => this.conn.login({ user, pass, method }, (err) => done(err)));
  }

  /** Runs the envelope handler given at construction (MAIL FROM, RCPT TO, RSET). */
  envelope(): Promise<StepResult<void>> {
    return this.step<void>((done) => this.conn.login({ method: ENVELOPE_METHOD }, (err) => done(err)));
  }

  /** QUIT when the session is still up, then make sure the socket is gone. */
  async quit(): Promise<void> {
    if (!this.end && !this.conn.destroyed) {
      this.conn.quit();
      const wait = Math.min(QUIT_WAIT_MS, this.opts.budget.remainingTotal());
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.ended, new Promise((r) => (timer = setTimeout(r, wait)))]);
      clearTimeout(timer);
    }
    this.dispose();
  }

  dispose(): void {
    clearTimeout(this.watchdog);
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    this.conn.close();
    this.opts.socket.destroy();
  }

  /** The live TLS socket, once the session is encrypted (nodemailer swaps _socket on upgrade). */
  tlsSocket(): tls.TLSSocket | undefined {
    const s = this.conn._socket as (net.Socket & Partial<tls.TLSSocket>) | false | null;
    return this.conn.secure && s && typeof s.getPeerCertificate === 'function' ? (s as tls.TLSSocket) : undefined;
  }

  /** The nodemailer error behind a failed step, if there is one. */
  static errorOf(result: StepResult<unknown>): NodemailerError | undefined {
    if (result.ok) return undefined;
    if ('err' in result) return result.err;
    return result.end.kind === 'error' ? result.end.err : undefined;
  }

  private step<T>(start: (done: (err: NodemailerError | null | undefined, value?: T) => void) => void): Promise<StepResult<T>> {
    if (this.end) return Promise.resolve({ ok: false, end: this.end });
    const own = new Promise<StepResult<T>>((resolve) => {
      start((err, value) => resolve(err ? { ok: false, err } : { ok: true, value: value as T }));
    });
    const over = this.ended.then((end): StepResult<T> => ({ ok: false, end }));
    return Promise.race([own, over]);
  }
}
