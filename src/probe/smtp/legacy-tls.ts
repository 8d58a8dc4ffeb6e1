/**
 * One extra session that offers only TLS 1.0–1.1, run when the main handshake failed or came out below
 * TLS 1.2: it tells "this server only speaks legacy TLS" apart from other handshake failures.
 *
 * One handshake with a 1.0–1.1 range instead of one per version: the server picks its best, which answers
 * the question at half the cost. OpenSSL 3 refuses those versions at its default security level before
 * the server is even asked (ERR_SSL_LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED), hence SECLEVEL=0.
 */
import type tls from 'node:tls';
import type { Budget } from './budget';
import { SmtpSession } from './session';
import { openTcp } from './tcp';
import { Transcript } from './transcript';

export const LEGACY_TLS_OPTIONS: tls.ConnectionOptions = {
  minVersion: 'TLSv1',
  maxVersion: 'TLSv1.1',
  ciphers: 'DEFAULT@SECLEVEL=0',
};

export interface LegacyTlsResult {
  protocol?: string;
  cipher?: string;
  /** Why no legacy handshake happened (error code), when it did not. */
  error?: string;
}

export async function tryLegacyTls(
  target: { name: string; ip: string; port: number },
  implicit: boolean,
  heloName: string,
  budget: Budget,
  signal?: AbortSignal,
): Promise<LegacyTlsResult> {
  const tcp = await openTcp(target.ip, target.port, budget.remaining(), signal);
  if (!tcp.socket) return { error: tcp.errorCode };
  const session = new SmtpSession({
    socket: tcp.socket,
    name: target.name,
    heloName,
    secure: implicit,
    ignoreTls: false,
    tls: { rejectUnauthorized: false, ...LEGACY_TLS_OPTIONS },
    transcript: new Transcript(),
    budget,
    signal,
    maxResponseSize: 64 * 1024,
  });
  try {
    const result = await session.handshake();
    const socket = session.tlsSocket();
    if (result.ok && socket) {
      const out: LegacyTlsResult = {};
      const protocol = socket.getProtocol();
      if (protocol) out.protocol = protocol;
      const cipher = socket.getCipher();
      if (cipher?.name) out.cipher = cipher.standardName || cipher.name;
      return out;
    }
    if (result.ok) return { error: 'no TLS offered' };
    const err = SmtpSession.errorOf(result);
    if (err) return { error: String(err.originalCode ?? err.code ?? 'failed') };
    return { error: 'end' in result ? result.end.kind : 'failed' };
  } finally {
    await session.quit();
  }
}
