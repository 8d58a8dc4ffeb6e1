/**
 * Putting the facts together: DSN fields (structure) with what the text readers found (words), then
 * every recipient finished the same way — codes, host and command taken from the server's words where
 * the report's fields leave gaps, the status chosen by the preference table.
 */
import { MIME_LIMITS } from './limits';
import { preferStatus } from './prefer';
import { findCommand, findRemoteHost, findReply, findStatus, isStatusCode } from './smtp-reply';
import type { DsnAction, RecipientFact, ReportKind } from './types';
import { collapseWhitespace } from './whitespace';

type Fact = Partial<RecipientFact>;

/** A diagnostic that is only a code ("550", "5.0.0") says less than the text around it. */
function isBare(diag: string | undefined): boolean {
  return !diag || !/[A-Za-z]{3,}/.test(diag);
}

function fill(target: Fact, from: Fact): Fact {
  // Object.assign, not a spread: V8 (Node 20) adds properties to a spread copy on a slow path.
  const out: Fact = Object.assign({}, target);
  for (const k in from) {
    const v = from[k as keyof Fact];
    if (v === undefined || v === '') continue;
    const cur = out[k as keyof Fact];
    if (cur === undefined || cur === '') (out as Record<string, unknown>)[k] = v;
  }
  if (isBare(target.diagnostic) && from.diagnostic) out.diagnostic = from.diagnostic;
  if (target.extensions || from.extensions) out.extensions = Object.assign({}, from.extensions, target.extensions);
  return out;
}

/** A fact on its way through the merge: the other diagnostic is kept for codes, host and command. */
export type MergedFact = Fact & { otherDiagnostic?: string };

const squash = (s: string) => collapseWhitespace(s).trim().toLowerCase();

/**
 * Which words to show: the DSN's Diagnostic-Code, unless the text says more — it carries a code the
 * field lacks, or it is the same reply with its context ("host X said: … (in reply to RCPT TO command)").
 */
function chooseDiagnostic(dsn: string | undefined, text: string | undefined): [string, string | undefined] {
  if (!text) return [dsn ?? '', undefined];
  if (isBare(dsn)) return [text, dsn || undefined];
  const d = dsn!;
  const moreCodes = (!!findStatus(text) && !findStatus(d)) || (!!findReply(text) && !findReply(d));
  const sameButFuller = text.length > d.length && squash(text).includes(squash(d).slice(0, 60));
  return moreCodes || sameButFuller ? [text, d] : [d, text];
}

/**
 * DSN recipients win on address and action (they are structure); the reader's facts fill the gaps.
 * Matching is by address, or by position when the counts agree and addresses are missing.
 */
/** Positions of each address in a list (lower case), so matching stays linear for long lists. */
function indexByAddress(facts: Fact[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  facts.forEach((f, i) => {
    if (!f.address) return;
    const key = f.address.toLowerCase();
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return index;
}

export function mergeFacts(dsn: Fact[], text: Fact[]): MergedFact[] {
  if (!dsn.length) return text;
  if (!text.length) return dsn;
  const used = new Set<number>();
  const byAddress = indexByAddress(text);
  const out: MergedFact[] = dsn.map((d, i) => {
    let j = d.address ? (byAddress.get(d.address.toLowerCase()) ?? []).find((k) => !used.has(k)) ?? -1 : -1;
    if (j < 0 && dsn.length === text.length && !used.has(i) && (!text[i].address || !d.address)) j = i;
    if (j < 0 && dsn.length === 1 && text.length === 1) j = 0;
    if (j < 0) return d;
    used.add(j);
    const merged: MergedFact = fill(d, text[j]);
    const [primary, other] = chooseDiagnostic(d.diagnostic, text[j].diagnostic);
    merged.diagnostic = primary;
    if (other) merged.otherDiagnostic = other;
    return merged;
  });
  // Recipients only the text names are left out: the DSN is the authoritative list.
  return out;
}

/** Same address twice (a report that lists a recipient in two places): keep one, in first position. */
export function dedupe(facts: MergedFact[]): MergedFact[] {
  const out: MergedFact[] = [];
  const seen = new Map<string, MergedFact>();
  // an index loop: the fact arrays reaching here come from several places (V8 deoptimised a for…of)
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as MergedFact;
    const key = f.address ? f.address.toLowerCase() : undefined;
    const prev = key ? seen.get(key) : undefined;
    if (prev) {
      Object.assign(prev, fill(prev, f));
      continue;
    }
    out.push(f);
    if (key) seen.set(key, f);
  }
  return out;
}

const ACTION_FOR_KIND: Partial<Record<ReportKind, DsnAction>> = { bounce: 'failed', delay: 'delayed', delivered: 'delivered' };

function cleanDiagnostic(text: string | undefined): string {
  const v = collapseWhitespace(text ?? '').trim();
  return v.length > MIME_LIMITS.maxDiagnosticChars ? v.slice(0, MIME_LIMITS.maxDiagnosticChars) + '…' : v;
}

/**
 * Turn a partial fact into a RecipientFact: codes, host and command from the words where fields are missing.
 * Every fact gets the same fields in the same order (undefined where absent): one object shape for V8, so the
 * stages after parse stay monomorphic. JSON output and toEqual treat an undefined field as absent.
 */
export function finishFact(f: MergedFact, kind: ReportKind): RecipientFact {
  const diagnostic = cleanDiagnostic(f.diagnostic);
  const alt = f.otherDiagnostic;
  const textStatus = findStatus(diagnostic) || findStatus(alt);
  const field = isStatusCode(f.status) ? f.status : undefined;
  const reply = f.replyCode || findReply(diagnostic, textStatus || field) || findReply(alt, textStatus || field);
  const status = preferStatus(field, textStatus, reply);
  let remoteHost = f.remoteHost;
  let remoteIp = f.remoteIp;
  if (!remoteHost || !remoteIp) {
    const found = findRemoteHost(diagnostic);
    const other = found.host ? found : findRemoteHost(alt);
    if (!remoteHost) remoteHost = other.host;
    if (!remoteIp && other.ip && (!f.remoteHost || other.host === f.remoteHost)) remoteIp = other.ip;
  }
  const command = f.command ?? findCommand(diagnostic) ?? findCommand(alt);
  return {
    address: f.address ?? '',
    originalRecipient: f.originalRecipient || undefined,
    action: f.action ?? ACTION_FOR_KIND[kind] ?? undefined,
    status: status || undefined,
    replyCode: reply || undefined,
    remoteHost: remoteHost || undefined,
    remoteIp: remoteIp || undefined,
    reportingMta: f.reportingMta || undefined,
    command: command || undefined,
    diagnostic,
    diagnosticType: f.diagnosticType || undefined,
    lastAttemptDate: f.lastAttemptDate || undefined,
    willRetryUntil: f.willRetryUntil || undefined,
    extensions: f.extensions && Object.keys(f.extensions).length ? f.extensions : undefined,
  };
}
