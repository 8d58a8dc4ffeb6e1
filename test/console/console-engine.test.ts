/**
 * The console on the real engine, driven through piped stdin: a live probe of a loopback MX
 * (dns2 + scripted smtp-server peer from test/helpers), its recheck and its transcript.
 */
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../src/config';
import { runConsole } from '../../src/console';
import { silentLogger } from '../../src/logger';
import { startLoopbackMx, type LoopbackMx } from '../helpers/loopback-mx';
import { allCommands, type ScriptedPeer } from '../helpers/smtp-servers';
import { QUEUE_LINE } from '../cli/fixtures';

let world: LoopbackMx;
let peer: ScriptedPeer;
let env: Record<string, string>;

beforeAll(async () => {
  world = await startLoopbackMx();
  ({ peer, env } = world);
});
afterAll(async () => {
  await world?.stop();
});

async function drive(input: string, envOverride?: Record<string, string>): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => { out += c.toString(); });
  const done = runConsole(loadConfig(envOverride ?? env), { input: stdin, output: stdout }, { logger: silentLogger, env: {} });
  stdin.end(input);
  await done;
  return out;
}

describe('console on the real engine', () => {
  it('probes a loopback MX, rechecks it, and shows the transcript it kept', async () => {
    const out = await drive(`probe example.test --port ${peer.port}\nrecheck\ntranscript\nquit\n`);
    const [probe, recheck, transcript] = out.split(/\n> /).slice(1);
    expect(probe).toMatch(/^probe example\.test --port \d+\n\n(PASS|WARN|FAIL|SKIP|ERROR): /);
    expect(probe).toMatch(/AUTH\s+before TLS: none offered; after TLS: none offered/);
    expect(probe).toMatch(/No SMTP AUTH offered/);
    expect(recheck).toMatch(/^recheck\n\n[\s\S]*Since the last run \([^)]+\):\n  Nothing changed\./);
    expect(transcript).toMatch(/^transcript\n\nTranscript of the probe of example\.test/);
    expect(transcript).not.toMatch(/run again just now/);
    expect(transcript).toMatch(/C: EHLO /);
    expect(transcript).toMatch(/MX\s+example\.test/);
    expect(allCommands()).not.toContain('DATA');
  });

  it('diagnoses the pasted queue error, switches platform, then shows the probe confirming the cause', async () => {
    const out = await drive(`${QUEUE_LINE}\n.\nplatform exchange-onprem\nprobe example.test --port ${peer.port}\nquit\n`);
    const [paste, platform, probe] = out.split(/\n> /).slice(1);
    expect(paste).toMatch(/^The remote SMTP service rejected AUTH negotiation\n\n/);
    expect(paste).toMatch(/Cause: Outbound SMTP authentication/);
    expect(paste).toMatch(/What to do — Exchange Server 2003:/);
    expect(platform).toMatch(/What to do — Exchange Server \(on-premises\):/);
    expect(platform).toContain('Set-SendConnector');
    // The probe of the next hop bears on the diagnosis: no AUTH offered confirms the mismatch.
    expect(probe).toMatch(/^probe example\.test --port \d+\n\n/);
    expect(probe).toMatch(/\n\nConfirmed: mx\.example\.test offers no AUTH[^\n]*\n  \[PASS\]\s+No SMTP AUTH offered/);
    expect(probe).toMatch(/No SMTP AUTH offered/);
  });

  it('refuses a loopback target when private addresses are not allowed', async () => {
    const out = await drive('probe 127.0.0.1\n', { SMTPCHECK_DNSBL_ZONES: '' });
    expect(out).toMatch(/> probe 127\.0\.0\.1\n\n[^>]*(private|loopback|public addresses)/i);
  });
});
