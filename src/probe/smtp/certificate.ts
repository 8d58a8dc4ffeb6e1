/**
 * Grades the TLS session and the server certificate ourselves: the probe connects with
 * rejectUnauthorized:false so it can see (and report) every certificate, good or bad.
 *
 * Trust and name are separate questions. Node folds a name mismatch into `authorizationError` only when
 * the chain is fine, and reports chain errors ahead of name errors, so the name is always checked here
 * with tls.checkServerIdentity against the host name we were given.
 */
import tls from 'node:tls';
import type { CertInfo } from '../types';

const DAY_MS = 86_400_000;

/** authorizationError values that are about the name, not the chain. */
const NAME_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

export interface TlsFacts {
  protocol?: string;
  cipher?: string;
  cert?: CertInfo;
  /** Node's reason the name does not match (kept for evidence). */
  nameError?: string;
}

export function gradeTls(socket: tls.TLSSocket, name: string, now = Date.now()): TlsFacts {
  const facts: TlsFacts = {};
  const protocol = socket.getProtocol();
  if (protocol) facts.protocol = protocol;
  const cipher = socket.getCipher();
  if (cipher?.name) facts.cipher = cipher.standardName || cipher.name;

  const peer = socket.getPeerCertificate(true);
  if (!peer || Object.keys(peer).length === 0) return facts;

  const authError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  const trusted = socket.authorized || (authError !== undefined && NAME_ERRORS.has(authError));
  const nameCheck = tls.checkServerIdentity(name, peer);

  const cert: CertInfo = { trusted, nameMatches: !nameCheck };
  if (!trusted && authError) cert.trustError = authError;
  const subject = formatName(peer.subject);
  if (subject) cert.subject = subject;
  const issuer = formatName(peer.issuer);
  if (issuer) cert.issuer = issuer;
  const altNames = parseAltNames(peer.subjectaltname);
  if (altNames.length) cert.altNames = altNames;
  const from = Date.parse(peer.valid_from);
  const to = Date.parse(peer.valid_to);
  if (Number.isFinite(from)) cert.validFrom = new Date(from).toISOString();
  if (Number.isFinite(to)) {
    cert.validTo = new Date(to).toISOString();
    cert.daysLeft = Math.floor((to - now) / DAY_MS);
  }
  if (peer.fingerprint256) cert.fingerprint256 = peer.fingerprint256;
  const chain = chainSubjects(peer);
  if (chain.length > 1) cert.chain = chain;

  facts.cert = cert;
  if (nameCheck) facts.nameError = nameCheck.message;
  return facts;
}

/** True when the certificate is outside its validity period at `now`. */
export function certNotYetValid(cert: CertInfo, now = Date.now()): boolean {
  return cert.validFrom !== undefined && Date.parse(cert.validFrom) > now;
}

function formatName(name: tls.Certificate | undefined): string | undefined {
  if (!name) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(name)) {
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${key}=${v}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

function parseAltNames(san: string | undefined): string[] {
  if (!san) return [];
  return san
    .split(/,\s*/)
    .map((s) => s.replace(/^DNS:/, '').replace(/^IP Address:/, '').trim())
    .filter(Boolean);
}

/** Subjects from the leaf up, stopping at a self-signed root (which references itself). */
function chainSubjects(leaf: tls.DetailedPeerCertificate): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: tls.DetailedPeerCertificate | undefined = leaf;
  while (cur && Object.keys(cur).length && !seen.has(cur.fingerprint256)) {
    seen.add(cur.fingerprint256);
    out.push(formatName(cur.subject) ?? '?');
    cur = cur.issuerCertificate;
  }
  return out;
}
