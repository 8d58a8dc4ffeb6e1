/**
 * Session facts → findings, in the order a postmaster reads a session: connect, greeting, EHLO, TLS,
 * certificate, AUTH, recipient. Evidence is the server's own words; `ms` is the step's time.
 *
 * Severity depends on what the port is for (port-role.ts): on an MX port TLS is opportunistic (RFC 7435),
 * so certificate problems and a missing STARTTLS warn; on submission ports they fail.
 */
import net from 'node:net';
import { makeFinding } from '../findings';
import type { Finding, Outcome } from '../types';
import { certNotYetValid } from './certificate';
import type { SessionFacts } from './facts';
import { stepNamed } from './facts';
import type { SessionFailure } from './failures';

type Make = (id: string, extra?: Partial<Omit<Finding, 'id' | 'host'>>) => Finding;

/** Below this the certificate is reported as expiring soon. */
const EXPIRY_WARNING_DAYS = 14;
/** A greeting slower than this is reported (postscreen waits ~6 s; MXToolbox flags 15 s connects). */
const SLOW_BANNER_MS = 10_000;
const LEGACY_PROTOCOLS = new Set(['TLSv1', 'TLSv1.1', 'SSLv3']);
/** Plaintext mechanisms whose use before TLS exposes the password. */
const CLEARTEXT_MECHANISMS = ['PLAIN', 'LOGIN'];

/** Why Node did not trust the chain, in words (authorizationError codes). */
const TRUST_ERROR_TEXT: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'chain ends in a self-signed root that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'issuer unknown, or the server does not send its intermediate certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'issuer unknown, or the server does not send its intermediate certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'issuer certificate not found',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature does not verify',
  CERT_UNTRUSTED: 'certificate not trusted for this purpose',
  INVALID_PURPOSE: 'certificate not issued for TLS servers',
};
/** Time errors are reported as cert-expired / cert-not-yet-valid, not as untrusted. */
const TIME_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

export function buildFindings(f: SessionFacts): Finding[] {
  const make: Make = (id, extra = {}) => makeFinding(id, { ...extra, host: f.label });
  if (!f.connect.ok) return connectFindings(f, make);
  // A failure up to the TLS step is told where it happened; later ones after what still worked.
  const early = !!f.failure && EARLY_PHASES.has(f.failure.phase);
  // Implicit TLS comes before the greeting, STARTTLS after EHLO: keep the session's order.
  const implicit = f.mode === 'implicit-tls';
  return [
    ...connectFindings(f, make),
    ...(implicit ? tlsFindings(f, make) : []),
    ...bannerFindings(f, make),
    ...ehloFindings(f, make),
    ...(implicit ? [] : tlsFindings(f, make)),
    ...(early ? failureFindings(f, make) : []),
    ...legacyTlsFindings(f, make),
    ...certFindings(f, make),
    ...authOfferFindings(f, make),
    ...authTestFindings(f, make),
    ...rcptFindings(f, make),
    ...(early ? [] : failureFindings(f, make)),
  ];
}

const EARLY_PHASES = new Set(['banner', 'ehlo', 'helo', 'starttls', 'tls', 'ehlo-tls', 'helo-tls']);

function byRole(f: SessionFacts, mx: Outcome, submission: Outcome): Outcome {
  return f.role === 'mx' ? mx : submission;
}

function isFailure(f: SessionFacts, ...ids: string[]): boolean {
  return !!f.failure && ids.includes(f.failure.id);
}

function connectFindings(f: SessionFacts, make: Make): Finding[] {
  const { port } = f.target;
  const c = f.connect;
  if (c.ok) return [make('connect-ok', { title: `TCP connection to port ${port} accepted`, ms: c.ms })];
  const evidence = `${c.errorCode ?? 'error'}: ${c.errorMessage ?? 'connection failed'}`;
  switch (c.errorCode) {
    case 'ECONNREFUSED':
      return [make('connect-refused', { title: `Connection refused on port ${port}: nothing listens there, or a firewall rejects it`, evidence, ms: c.ms })];
    case 'ETIMEDOUT':
      return [make('connect-timeout', {
        title: `No answer on port ${port} within ${c.ms} ms: a firewall drops the traffic or the host is down` +
          (port === 25 ? ' (if every host times out on port 25, this bot\'s own network may block outbound port 25)' : ''),
        evidence,
        ms: c.ms,
      })];
    case 'ABORTED':
      return [make('probe-aborted', { evidence: 'aborted while connecting', ms: c.ms })];
    default:
      return [make('connect-failed', { title: `Could not connect to port ${port} (${c.errorCode ?? 'error'})`, evidence, ms: c.ms })];
  }
}

function bannerFindings(f: SessionFacts, make: Make): Finding[] {
  const banner = stepNamed(f, 'banner');
  if (!banner?.ok || !banner.reply) return []; // refusals and silence are session failures
  const out = [make('banner-ok', { title: 'Server greets with 220', evidence: banner.reply, ms: banner.ms })];
  if (banner.ms > SLOW_BANNER_MS) {
    out.push(make('banner-slow', {
      title: `Greeting took ${(banner.ms / 1000).toFixed(1)} s (tarpit or pre-greeting delay): impatient senders may give up`,
      evidence: banner.reply,
      ms: banner.ms,
    }));
  }
  return out;
}

function ehloFindings(f: SessionFacts, make: Make): Finding[] {
  const first = f.steps.find((s) => s.step === 'ehlo' || s.step === 'ehlo-tls');
  if (!first?.answered) return [];
  if (first.ok) {
    const ext = (f.mode === 'implicit-tls' ? f.ehloAfter : f.ehloBefore)?.extensions ?? [];
    return [make('ehlo-ok', { title: 'EHLO accepted', evidence: ext.join(', ') || '(no extensions)', ms: first.ms })];
  }
  const helo = f.steps.find((s) => s.step === 'helo' || s.step === 'helo-tls');
  if (helo?.ok) {
    return [make('ehlo-rejected', {
      outcome: 'warn',
      title: `Server rejects EHLO (${first.code}) but accepts HELO: no ESMTP extensions, so no STARTTLS, AUTH or SIZE`,
      evidence: first.reply,
      ms: first.ms,
    })];
  }
  return []; // both refused: reported by failureFindings
}

function tlsFindings(f: SessionFacts, make: Make): Finding[] {
  const out: Finding[] = [];
  const { port } = f.target;
  if (f.mode === 'implicit-tls') {
    const tls = stepNamed(f, 'tls');
    if (tls?.ok) out.push(make('tls-ok', { title: `TLS on connect (implicit TLS) succeeded: ${tlsLabel(f)}`, evidence: tlsLabel(f), ms: tls.ms }));
  } else if (f.ehloBefore) {
    const starttls = stepNamed(f, 'starttls');
    if (!f.ehloBefore.startTls && !starttls) {
      out.push(make('starttls-not-offered', {
        outcome: byRole(f, 'warn', 'fail'),
        title: f.role === 'mx'
          ? `STARTTLS not offered on port ${port}: mail to this host travels unencrypted, and senders that require TLS will not deliver`
          : `STARTTLS not offered on submission port ${port}: clients cannot protect their password and mail`,
        evidence: extensionsText(f.ehloBefore),
      }));
    } else if (f.mode === 'plain') {
      out.push(make('starttls-offered', { title: 'STARTTLS offered (not used: this was a plaintext-only probe)' }));
    } else if (starttls?.ok) {
      out.push(make('starttls-ok', { title: `STARTTLS succeeded: ${tlsLabel(f)}`, evidence: `${starttls.reply ?? ''} → ${tlsLabel(f)}`.trim(), ms: starttls.ms }));
    }
  }
  return out;
}

function legacyTlsFindings(f: SessionFacts, make: Make): Finding[] {
  const out: Finding[] = [];
  const legacy = f.tls?.protocol && LEGACY_PROTOCOLS.has(f.tls.protocol) ? f.tls.protocol : f.legacy?.protocol;
  if (legacy) {
    out.push(make('tls-legacy-only', {
      title: `Server only speaks ${legacy}: current TLS libraries (OpenSSL 3 defaults) refuse TLS below 1.2, so senders cannot encrypt to it`,
      evidence: f.legacy?.protocol
        ? `TLS 1.2+ handshake failed; offering only TLS 1.0–1.1 negotiated ${f.legacy.protocol}${f.legacy.cipher ? ` (${f.legacy.cipher})` : ''}`
        : `negotiated ${legacy}`,
    }));
  }
  return out;
}

function extensionsText(ehlo: { extensions: string[]; heloOnly?: boolean }): string {
  if (ehlo.heloOnly) return '(HELO only: no extensions)';
  return ehlo.extensions.join(', ') || '(no extensions)';
}

function tlsLabel(f: SessionFacts): string {
  return [f.tls?.protocol, f.tls?.cipher].filter(Boolean).join(', ') || 'TLS';
}

function certFindings(f: SessionFacts, make: Make): Finding[] {
  const cert = f.tls?.cert;
  if (!cert) return [];
  const { port } = f.target;
  const name = f.target.name;
  const outcome = byRole(f, 'warn', 'fail');
  const consequence = f.role === 'mx'
    ? ` — on port ${port} TLS is opportunistic, so most senders still deliver; senders enforcing MTA-STS, DANE or a TLS-required connector will not`
    : ` — mail clients connecting to port ${port} will refuse it or warn their users`;
  const who = [cert.subject, cert.issuer ? `issuer ${cert.issuer}` : undefined].filter(Boolean).join('; ');
  const out: Finding[] = [];
  const now = Date.now();
  const expired = cert.daysLeft !== undefined && cert.daysLeft < 0;
  if (expired) {
    out.push(make('cert-expired', {
      outcome,
      title: `Certificate expired on ${cert.validTo?.slice(0, 10)} (${-(cert.daysLeft as number)} days ago)${consequence}`,
      evidence: `${who}; valid ${cert.validFrom} to ${cert.validTo}`,
    }));
  } else if (certNotYetValid(cert, now)) {
    out.push(make('cert-not-yet-valid', { outcome, title: `Certificate is not valid before ${cert.validFrom?.slice(0, 10)}${consequence}`, evidence: `${who}; valid from ${cert.validFrom}` }));
  }
  if (!cert.trusted && !(cert.trustError && TIME_ERRORS.has(cert.trustError))) {
    const why = (cert.trustError && TRUST_ERROR_TEXT[cert.trustError]) ?? cert.trustError ?? 'chain does not verify';
    out.push(make('cert-untrusted', { outcome, title: `Certificate is not trusted (${why})${consequence}`, evidence: `${cert.trustError ?? 'untrusted'}; ${who}` }));
  }
  if (!cert.nameMatches) {
    const names = cert.altNames?.join(', ') || cert.subject || '(none)';
    if (net.isIP(name)) {
      out.push(make('cert-name-mismatch', { outcome: 'skip', title: `Certificate name not checked: the host was probed by IP address (certificate names: ${names})` }));
    } else {
      out.push(make('cert-name-mismatch', {
        outcome,
        title: `Certificate does not cover ${name}${consequence}`,
        evidence: `certificate names: ${names}${f.tls?.nameError ? `; ${f.tls.nameError}` : ''}`,
      }));
    }
  }
  if (!expired && cert.daysLeft !== undefined && cert.daysLeft < EXPIRY_WARNING_DAYS) {
    out.push(make('cert-expiring-soon', { title: `Certificate expires in ${cert.daysLeft} days (${cert.validTo?.slice(0, 10)})`, evidence: who }));
  }
  if (out.length === 0) {
    out.push(make('cert-ok', {
      title: `Certificate is trusted and covers ${name} (${cert.daysLeft} days left)`,
      evidence: `${who}; valid until ${cert.validTo}`,
    }));
  }
  return out;
}

/** AUTH advertised before and after TLS — the facts behind "rejected AUTH negotiation". */
function authOfferFindings(f: SessionFacts, make: Make): Finding[] {
  const before = f.ehloBefore?.auth ?? [];
  const after = f.ehloAfter?.auth ?? [];
  const { port } = f.target;
  const tlsMissing = f.mode === 'starttls' && !f.ehloAfter && f.ehloBefore?.startTls;
  if (!f.ehloBefore && !f.ehloAfter) return []; // no EHLO/HELO accepted: nothing is known
  if (before.length === 0 && after.length === 0) {
    if (tlsMissing || (f.mode === 'plain' && f.ehloBefore?.startTls)) {
      return [make('auth-unknown', {
        title: f.mode === 'plain'
          ? 'No AUTH before STARTTLS; what is offered after STARTTLS was not checked (plaintext-only probe)'
          : 'No AUTH before STARTTLS, and STARTTLS did not complete: whether AUTH is offered over TLS is unknown',
      })];
    }
    const ehloEvidence = [f.ehloBefore && `EHLO: ${extensionsText(f.ehloBefore)}`,
      f.ehloAfter && f.mode === 'starttls' && `EHLO after STARTTLS: ${extensionsText(f.ehloAfter)}`,
      f.ehloAfter && f.mode === 'implicit-tls' && `EHLO over TLS: ${extensionsText(f.ehloAfter)}`]
      .filter(Boolean).join('; ');
    const where = f.ehloBefore?.heloOnly ? 'the server only speaks HELO'
      : f.mode === 'starttls' && f.ehloAfter ? 'neither before nor after STARTTLS'
        : f.mode === 'implicit-tls' ? 'EHLO over TLS lists none' : 'EHLO lists none, and there is no STARTTLS';
    const mxStory = 'an internet MX expects anonymous delivery, so a sender or connector set to authenticate to this host fails ("rejected AUTH negotiation")';
    const outcome: Outcome = f.role === 'submission' || f.hasCredentials ? 'fail' : 'pass';
    const title = f.role === 'submission'
      ? `No SMTP AUTH offered on submission port ${port} (${where}): clients cannot log in to send mail`
      : `No SMTP AUTH offered on port ${port} (${where}): ${mxStory}`;
    return [make('auth-not-offered', { outcome, title, evidence: ehloEvidence })];
  }
  const out: Finding[] = [];
  if (f.mode === 'starttls' && before.length === 0 && after.length > 0) {
    out.push(make('auth-only-after-starttls', {
      title: `AUTH offered only after STARTTLS (${after.join(' ')}): a sender must start TLS before it authenticates (e.g. an Exchange connector must not ignore STARTTLS)`,
      evidence: `EHLO before STARTTLS: no AUTH; EHLO after STARTTLS: AUTH ${after.join(' ')}`,
    }));
  } else {
    const list = after.length ? after : before;
    out.push(make('auth-offered', {
      title: `AUTH offered: ${list.join(' ')}`,
      evidence: [before.length && `before TLS: AUTH ${before.join(' ')}`, after.length && `over TLS: AUTH ${after.join(' ')}`].filter(Boolean).join('; '),
    }));
  }
  const exposed = before.filter((m) => CLEARTEXT_MECHANISMS.includes(m));
  if (exposed.length && f.mode !== 'implicit-tls') {
    out.push(make('auth-before-tls', {
      title: `AUTH ${exposed.join(' ')} is offered before TLS: clients may send passwords unencrypted`,
      evidence: `EHLO before TLS: AUTH ${before.join(' ')}`,
    }));
  }
  return out;
}

function authTestFindings(f: SessionFacts, make: Make): Finding[] {
  const t = f.authTest;
  if (!t) return [];
  const step = stepNamed(f, 'auth');
  switch (t.status) {
    case 'skipped':
      return [make('auth-skipped', { title: `AUTH not tested: ${t.reason}` })];
    case 'ok':
      return [make('auth-ok', { title: `Login with the configured account succeeded (${t.method})`, evidence: step?.reply, ms: step?.ms })];
    case 'failed': {
      const code = t.code ?? 0;
      const transient = code >= 400 && code < 500;
      return [make('auth-failed', {
        outcome: transient ? 'warn' : 'fail',
        title: transient
          ? `Login temporarily refused (${t.method}, ${code}): the server asks to try again later`
          : `Login failed (${t.method}${code ? `, ${code}` : ''}): the server rejected the configured credentials`,
        evidence: t.reply ?? t.message,
        ms: step?.ms,
      })];
    }
    case 'interrupted':
      return []; // the session failure explains it
  }
}

function rcptFindings(f: SessionFacts, make: Make): Finding[] {
  const r = f.rcpt;
  if (!r) return [];
  const sender = `<${r.mailFrom}>`;
  if (r.skipped) return [make('rcpt-skipped', { title: `Recipient not checked: ${r.skipped}` })];
  const mail = r.result?.mail;
  if (!mail) return [make('rcpt-skipped', { title: 'Recipient not checked: the session ended before MAIL FROM' })];
  if (mail.code < 200 || mail.code >= 300) {
    const transient = mail.code >= 400 && mail.code < 500;
    return [make('mail-from-rejected', {
      outcome: transient ? 'warn' : 'fail',
      title: `Server ${transient ? 'temporarily refuses' : 'rejects'} the sender ${sender} (MAIL FROM ${mail.code}): recipient not tested`,
      evidence: mail.reply,
      ms: mail.ms,
    })];
  }
  const rcpt = r.result?.rcpt;
  if (!rcpt) return [make('rcpt-skipped', { title: 'Recipient not checked: the session ended before RCPT TO' })];
  const who = `<${r.address}>`;
  if (rcpt.code >= 200 && rcpt.code < 300) {
    return [make('rcpt-accepted', { title: `Server accepts ${who} (RCPT ${rcpt.code}); no message was sent`, evidence: rcpt.reply, ms: rcpt.ms })];
  }
  if (rcpt.code >= 400 && rcpt.code < 500) {
    if (isGreylisting(rcpt.code, rcpt.enhanced, rcpt.reply)) {
      return [make('rcpt-greylisted', { title: `Greylisted, retry later: ${who} was deferred (${rcpt.code}); real senders retry and get through`, evidence: rcpt.reply, ms: rcpt.ms })];
    }
    return [make('rcpt-deferred', { title: `Server temporarily refuses ${who} (RCPT ${rcpt.code})`, evidence: rcpt.reply, ms: rcpt.ms })];
  }
  return [make('rcpt-rejected', {
    title: `Server rejects ${who} (RCPT ${rcpt.code}${rcpt.enhanced ? ` ${rcpt.enhanced}` : ''}): mail to this address bounces`,
    evidence: rcpt.reply,
    ms: rcpt.ms,
  })];
}

/**
 * Greylisting (RFC 6647): a 4xx whose words or enhanced code say "come back later".
 * 450 4.7.1 alone is not enough — Postfix also uses it for policy refusals such as an unknown client host.
 */
export function isGreylisting(code: number, enhanced: string | undefined, text: string): boolean {
  if (code < 400 || code >= 500) return false;
  if (/gr[ae]y/i.test(text)) return true;
  if (enhanced === '4.2.0') return true;
  return enhanced === '4.7.1' && /later|retry/i.test(text);
}

/** The finding for how the session ended early, when it did. */
function failureFindings(f: SessionFacts, make: Make): Finding[] {
  const fail = f.failure;
  if (!fail) return [];
  const title = FAILURE_TITLES[fail.id]?.(fail, f);
  const extra: Partial<Omit<Finding, 'id' | 'host'>> = { evidence: fail.evidence, ms: fail.ms };
  if (title) extra.title = title;
  if (fail.id === 'banner-rejected' && fail.code && fail.code < 500) extra.outcome = 'warn';
  if (fail.id === 'ehlo-rejected') extra.outcome = 'fail';
  const out = [make(fail.id, extra)];
  if (isFailure(f, 'starttls-failed', 'tls-failed') && f.legacy?.error && fail.kind === 'tls') {
    // The extra legacy handshake failed too: say so, it rules out "only old TLS".
    out[0].evidence = `${fail.evidence}; a TLS 1.0–1.1 handshake also failed (${f.legacy.error})`;
  }
  return out;
}

const FAILURE_TITLES: Record<string, (fail: SessionFailure, f: SessionFacts) => string> = {
  'banner-timeout': (fail) => `Connection accepted, but no greeting within ${fail.ms} ms (tarpit, overloaded server or a filtering proxy)`,
  'banner-rejected': (fail) => fail.code && fail.code < 500
    ? `Server refuses connections for now (greeting ${fail.code}): senders queue the mail and retry`
    : `Server refuses the connection (greeting ${fail.code ?? 'is not 220'}): often a blocklist or a policy against the connecting address`,
  'banner-missing': () => 'Server closed the connection without sending a greeting',
  'ehlo-rejected': (fail) => `Server rejects EHLO and HELO (${fail.code ?? 'no reply'}): no sender can start a session`,
  'starttls-failed': (fail) => fail.kind === 'rejected'
    ? `Server advertises STARTTLS but refuses it (${fail.code}): senders that require TLS cannot deliver, others fall back to plaintext`
    : fail.kind === 'timeout'
      ? 'STARTTLS handshake timed out'
      : 'STARTTLS handshake failed: the server agreed to start TLS but the handshake did not complete',
  'tls-failed': (_fail, f) => `TLS handshake on connect failed: clients using implicit TLS on port ${f.target.port} cannot connect`,
  'reply-timeout': (fail) => `Server stopped answering after ${commandOf(fail.phase)} (no reply within ${fail.ms} ms)`,
  'reply-too-large': (fail) => `Server sent an oversized reply during ${commandOf(fail.phase)}; smtpcheck stopped reading`,
  'connection-dropped': (fail) => `Server closed the connection during ${commandOf(fail.phase)}`,
};

function commandOf(phase: string): string {
  const names: Record<string, string> = {
    banner: 'the greeting', ehlo: 'EHLO', helo: 'HELO', 'ehlo-tls': 'EHLO (after STARTTLS)', 'helo-tls': 'HELO (after STARTTLS)',
    starttls: 'STARTTLS', tls: 'the TLS handshake', auth: 'AUTH', mail: 'MAIL FROM', rcpt: 'RCPT TO', rset: 'RSET', quit: 'QUIT',
  };
  return names[phase] ?? phase.toUpperCase();
}
