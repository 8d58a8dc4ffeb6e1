/**
 * Shared by the SMTP probe tests: run probeSmtpHost against one scripted peer and stop the peer after.
 */
import { probeSmtpHost } from '../../../src/probe/smtp';
import type { SmtpHostResult, SmtpProbeOptions } from '../../../src/probe/smtp';
import type { Finding } from '../../../src/probe/types';
import { getTestCerts } from '../../helpers/certs';
import { startPeer, type PeerName, type PeerOptions, type ScriptedPeer } from '../../helpers/smtp-servers';

export const HELO = 'probe.smtpcheck.example';

export interface PeerRun {
  result: SmtpHostResult;
  peer: ScriptedPeer;
}

/** Probes the peer with the test CA trusted (so 'good-cert' grades as trusted) and a 5 s budget. */
export async function probePeer(name: PeerName, opts: Partial<SmtpProbeOptions> = {}, peerOptions: PeerOptions = {}): Promise<PeerRun> {
  const certs = await getTestCerts();
  const peer = await startPeer(name, peerOptions);
  try {
    const result = await probeSmtpHost(
      { name: peer.name, ip: peer.host, port: peer.port },
      { heloName: HELO, timeoutMs: 5000, trustedCa: certs.ca.cert, ...opts },
    );
    return { result, peer };
  } finally {
    await peer.stop();
  }
}

export function ids(r: SmtpHostResult): string[] {
  return r.findings.map((f) => f.id);
}

export function finding(r: SmtpHostResult, id: string): Finding {
  const f = r.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding "${id}"; got: ${ids(r).join(', ')}`);
  return f;
}

/** Ids of findings that are not pass/skip: what the report would flag. */
export function problems(r: SmtpHostResult): string[] {
  return r.findings.filter((f) => f.outcome === 'warn' || f.outcome === 'fail' || f.outcome === 'error').map((f) => f.id);
}
