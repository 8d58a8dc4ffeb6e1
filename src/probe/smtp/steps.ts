/**
 * Per-step timings and replies, read back from the timestamped transcript: each command is paired with
 * the reply that answers it. A step left without an answer when the session ended is where it stalled.
 */
import type { SmtpStep } from '../types';
import { parseReply } from './reply';
import type { SmtpMode } from './types';
import type { TranscriptEntry } from './transcript';

export interface StepRecord extends SmtpStep {
  /** The server answered (or, for TLS steps, the handshake finished). */
  answered: boolean;
  /** Reply code of the final reply, when answered by the server. */
  code?: number;
  /** performance.now() when the step began. */
  t0: number;
  /** The reply as recorded in the transcript (bounded there), for parsing EHLO lists. */
  fullReply?: string;
}

/** Command verb → step name; EHLO/HELO after TLS get a '-tls' suffix. */
const VERB_STEPS: Record<string, string> = {
  EHLO: 'ehlo',
  LHLO: 'ehlo',
  HELO: 'helo',
  STARTTLS: 'starttls',
  AUTH: 'auth',
  MAIL: 'mail',
  RCPT: 'rcpt',
  RSET: 'rset',
  NOOP: 'noop',
  QUIT: 'quit',
};

const REPLY_BOUND = 2000;

export function buildSteps(entries: TranscriptEntry[], mode: SmtpMode, tcpAt: number, endedAt: number): StepRecord[] {
  const steps: StepRecord[] = [];
  let open: StepRecord | undefined;
  let tlsUp = false;

  const begin = (step: string, t0: number) => {
    open = { step, t0, ms: 0, ok: false, answered: false };
    steps.push(open);
  };
  const close = (t: number, ok: boolean, reply?: string) => {
    if (!open) return;
    open.ms = Math.round(t - open.t0);
    open.ok = ok;
    open.answered = true;
    if (reply !== undefined) {
      open.fullReply = reply;
      open.reply = reply.length > REPLY_BOUND ? reply.slice(0, REPLY_BOUND) + ' …' : reply;
      open.code = parseReply(reply).code;
    }
    open = undefined;
  };

  begin(mode === 'implicit-tls' ? 'tls' : 'banner', tcpAt);
  for (const e of entries) {
    if (e.kind === 'tls-up') {
      tlsUp = true;
      if (open?.step === 'tls') {
        close(e.t, true);
        begin('banner', e.t);
      } else if (open?.step === 'starttls') {
        close(e.t, true, open.reply);
      }
      continue;
    }
    if (e.kind === 'server') {
      if (!open) continue;
      const { code } = parseReply(e.text);
      if (open.step === 'auth' && code === 334) continue; // challenge: the exchange goes on
      if (open.step === 'starttls' && code >= 200 && code < 300) {
        // "220 ready": the step ends when the handshake does (the tls-up entry).
        open.reply = e.text;
        open.fullReply = e.text;
        open.code = code;
        continue;
      }
      const ok = open.step === 'banner' ? code === 220 : code >= 200 && code < 300;
      close(e.t, ok, e.text);
      continue;
    }
    if (e.kind === 'client') {
      if (open?.step === 'auth') continue; // continuation lines of the AUTH exchange
      const verb = e.text.split(/[\s:]/, 1)[0].toUpperCase();
      let step = VERB_STEPS[verb] ?? verb.toLowerCase();
      if (tlsUp && (step === 'ehlo' || step === 'helo') && mode === 'starttls') step += '-tls';
      if (open) open.ms = Math.round(e.t - open.t0); // unanswered step superseded (should not happen)
      begin(step, e.t);
    }
  }
  if (open) open.ms = Math.round(endedAt - open.t0);
  return steps;
}

/** Public shape for HostProbe.steps (drops the bookkeeping fields). */
export function toSmtpSteps(records: StepRecord[], connect: { ms: number; ok: boolean }): SmtpStep[] {
  const out: SmtpStep[] = [{ step: 'connect', ms: connect.ms, ok: connect.ok }];
  for (const r of records) {
    const s: SmtpStep = { step: r.step, ms: r.ms, ok: r.ok };
    if (r.reply !== undefined) s.reply = r.reply;
    out.push(s);
  }
  return out;
}
