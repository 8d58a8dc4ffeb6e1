/**
 * The console driven like a script: everything written to a piped stdin at once, then EOF.
 * Uses the fake engine (test/bot/fakes); console-engine.test.ts drives it on the real engine.
 */
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../src/config';
import { runConsole } from '../../src/console';
import { silentLogger } from '../../src/logger';
import { AUTH_LINE, F, fakeEngine, report, type FakeEngine } from '../bot/fakes';

async function drive(input: string, engine: FakeEngine = fakeEngine(), keepOpen = false): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => { out += c.toString(); });
  const done = runConsole(loadConfig({}), { input: stdin, output: stdout }, { engine, logger: silentLogger, env: {} });
  stdin.write(input);
  if (!keepOpen) stdin.end();
  await done;
  return out;
}

const SEED_DELAY = [
  'Delivery Status Notification',
  '',
  'THIS IS A WARNING MESSAGE ONLY.',
  'Delivery to the following recipients has been delayed',
  AUTH_LINE,
].join('\n');

describe('runConsole with piped input', () => {
  it('prints the banner saying why it is the console and how to reach Slack', async () => {
    const out = await drive('');
    expect(out).toMatch(/^smtpcheck local console — no Slack tokens are set/);
    expect(out).toMatch(/SLACK_BOT_TOKEN and SLACK_APP_TOKEN/);
  });

  it('diagnoses a paste, then re-explains it for another platform, then quits and ignores the rest', async () => {
    const engine = fakeEngine();
    const out = await drive(`${SEED_DELAY}\n.\nplatform exchange-onprem\nquit\nprobe example.com\n`, engine);
    expect(out).toMatch(/> \(pasted 5 lines\)\n\nOutbound SMTP authentication mismatch\n/);
    expect(out).toMatch(/What to do — Exchange Server 2003:/);
    expect(out).toMatch(/> platform exchange-onprem\n\nOutbound SMTP authentication mismatch\n[\s\S]*What to do — Exchange Server \(on-premises\):/);
    expect(out).toMatch(/Other platforms: exchange-2003, [^(]*\(type platform NAME\)/);
    expect(engine.calls.explainPlatforms).toEqual([undefined, 'exchange-onprem']);
    expect(engine.calls.probes).toHaveLength(0);
  });

  it('diagnoses a last paste without a terminator at the end of input', async () => {
    const out = await drive(`help\n${SEED_DELAY}\n`);
    expect(out).toMatch(/What I can do:[\s\S]*quit/);
    expect(out).toMatch(/Outbound SMTP authentication mismatch/);
  });

  it('probes, rechecks with what changed, and shows the kept transcript without probing again', async () => {
    const engine = fakeEngine([report([F.mxOk, F.tlsFail]), report([F.mxOk, { ...F.tlsFail, outcome: 'pass', title: 'STARTTLS works' }])]);
    const out = await drive('probe example.com\nrecheck\ntranscript\n', engine);
    expect(out).toMatch(/> probe example\.com\n\nFAIL: STARTTLS handshake failed/);
    expect(out).toMatch(/> recheck\n\nPASS: [\s\S]*Since the last run \([^)]*FAIL\):\n  ~ FAIL → PASS: STARTTLS works/);
    expect(out).toMatch(/> transcript\n\nTranscript of the probe of example\.com[^\n]*\n[\s\S]*C: EHLO smtpcheck\.invalid/);
    expect(out).not.toMatch(/run again just now/);
    expect(engine.calls.probes).toHaveLength(2);
  });

  it('answers follow-ups that have nothing to work on, and text it does not understand', async () => {
    const out = await drive('details\nrecheck\nhello there\n.\nplatform sendmail\n');
    expect(out).toMatch(/> details\n\nThere is no bounce in this conversation yet/);
    expect(out).toMatch(/> recheck\n\nNothing to re-check yet/);
    expect(out).toMatch(/> hello there\n\nI did not understand that/);
    expect(out).toMatch(/> platform sendmail\n\nResolution steps will be for Sendmail\./);
  });

  it('shows refused targets and bad input as one clear line, and keeps going', async () => {
    const engine = fakeEngine();
    engine.probe = async () => { throw new (require('../../src/errors').SmtpcheckError)('smtpcheck_bad_target', '"exa mple" is not a valid host name.'); };
    const out = await drive('probe exa_mple.com\nBINARY data\nmore\n.\nprobe example.com --port 99999\nhelp\n', engine);
    expect(out).toMatch(/> probe exa_mple\.com\n\n"exa mple" is not a valid host name\.\n/);
    expect(out).toMatch(/> \(pasted 2 lines\)\n\nThat looks like a binary file, not a bounce message\./);
    expect(out).toMatch(/> probe example\.com --port 99999\n\n--port needs a port number/);
    expect(out).toMatch(/What I can do:/);
  });

  it('ends a paste when the input pauses, as a terminal paste does', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => { out += c.toString(); });
    const done = runConsole(loadConfig({}), { input: stdin, output: stdout }, { engine: fakeEngine(), logger: silentLogger, env: {}, pauseMs: 20 });
    stdin.write(`${SEED_DELAY}\n`);
    await new Promise((r) => setTimeout(r, 200));
    expect(out).toMatch(/Outbound SMTP authentication mismatch/);
    stdin.end('quit\n');
    await done;
  });
});

describe('runConsole on a terminal', () => {
  /** A PassThrough that claims to be a TTY, so the console runs readline in terminal mode. */
  function ttyStream(): PassThrough & { isTTY: boolean; setRawMode(): void; columns: number } {
    return Object.assign(new PassThrough(), { isTTY: true, setRawMode() {}, columns: 80 });
  }

  it('reads a burst of pasted lines as one bounce, even when it starts with an address, and waits for a pending last line', async () => {
    const stdin = ttyStream();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => { out += c.toString(); });
    const engine = fakeEngine();
    const done = runConsole(loadConfig({}), { input: stdin, output: stdout }, { engine, logger: silentLogger, env: { NO_COLOR: '1' }, pauseMs: 30 });
    // The last line has no newline yet, as when a paste ends mid-line: nothing may run until Enter.
    stdin.write('someone@example.com\nCould not deliver the message in the time limit specified.\n(server.contoso.com #4.4.7)');
    await new Promise((r) => setTimeout(r, 150));
    expect(engine.calls.explainPlatforms).toEqual([]);
    expect(engine.calls.probes).toEqual([]);
    expect(out).not.toMatch(/does not look like a bounce|did not understand/);
    stdin.write('\r');
    await new Promise((r) => setTimeout(r, 150));
    expect(engine.calls.explainPlatforms).toHaveLength(1);
    expect(out).toMatch(/Cause: Delivery retries ran out[\s\S]*What may lie behind it, most likely first:\n  1\. Outbound SMTP authentication mismatch/);
    expect(out).toContain('smtpcheck> ');
    stdin.write('quit\r');
    await done;
    expect(engine.calls.probes).toEqual([]);
    expect(out).toMatch(/Bye\.\n$/);
    expect(out).not.toMatch(/does not look like a bounce|did not understand/);
  });
});
