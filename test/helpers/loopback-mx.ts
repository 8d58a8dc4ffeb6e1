/**
 * The story's remote side on loopback: a domain `example.test` whose only MX is a scripted peer that offers no
 * AUTH (test/helpers/smtp-servers 'mx-no-auth'), served by a local DNS server, plus the settings that let a probe
 * reach it (private addresses allowed, the peer's port allowed, no DNSBL zones, a short budget).
 */
import { startDnsServer, type TestDnsServer } from './dns-server';
import { startPeer, type ScriptedPeer } from './smtp-servers';

export interface LoopbackMx {
  dns: TestDnsServer;
  peer: ScriptedPeer;
  /** Environment for the CLI, console or bot so its probes resolve and reach the peer. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startLoopbackMx(): Promise<LoopbackMx> {
  const peer = await startPeer('mx-no-auth');
  const dns = await startDnsServer({
    'example.test': { MX: [{ priority: 10, exchange: peer.name }] },
    [peer.name]: { A: ['127.0.0.1'] },
  });
  const env = {
    SMTPCHECK_ALLOW_PRIVATE: '1', SMTPCHECK_DNS_SERVERS: dns.address, SMTPCHECK_DNSBL_ZONES: '',
    SMTPCHECK_ALLOWED_PORTS: String(peer.port), SMTPCHECK_PROBE_TIMEOUT_MS: '8000',
  };
  return {
    dns, peer, env,
    async stop() {
      await peer.stop();
      await dns.stop();
    },
  };
}
