/**
 * End to end: the real app started as `npm start` starts it (node dist/main.js, settings from the
 * environment), the real engine, a fake Slack on 127.0.0.1, a local DNS server and a scripted SMTP peer.
 * This is the story of DEVELOPERS.md: the Exchange 2003 "#4.4.7" NDR pasted in a channel, explained as an
 * outbound AUTH mismatch with Exchange 2003 steps, then proved by probing an MX that offers no AUTH.
 */
import { startFakeSlack, type FakeSlack } from '../fake-slack';
import { checkMessage } from '../fake-slack/validate';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startPeer, type ScriptedPeer } from '../helpers/smtp-servers';
import { CAUSES } from '../../src/kb/causes';
import { readEnvelope } from '../../src/slack/thread';
import { ACTIONS } from '../../src/render/blockkit';
import { ensureBuilt, spawnBot, type BotProcess } from './helpers/bot-process';

/** The story's expiry NDR as Outlook shows it (shape: the seed document, Microsoft KB 329636). */
const STORY_NDR = [
  'Your message did not reach some or all of the intended recipients.',
  '',
  '      Subject: Quarterly report',
  '      Sent: 2/10/2010 9:12 AM',
  '',
  'The following recipient(s) could not be reached:',
  '',
  '      someone@example.test on 2/12/2010 9:14 AM',
  '            Could not deliver the message in the time limit specified. Please retry or contact your administrator.',
  '            &lt;server.contoso.com #4.4.7&gt;',
].join('\n');

const ALICE = 'U0ALICE';
const json = (x: unknown) => JSON.stringify(x);

beforeAll(() => ensureBuilt(), 120000);

describe('e2e: node dist/main.js against the fake Slack (Socket Mode)', () => {
  let fake: FakeSlack;
  let dns: TestDnsServer;
  let peer: ScriptedPeer;
  let bot: BotProcess;

  beforeAll(async () => {
    fake = await startFakeSlack();
    peer = await startPeer('mx-no-auth');
    dns = await startDnsServer({
      'example.test': { MX: [{ priority: 10, exchange: 'mx.example.test' }], TXT: ['v=spf1 mx -all'] },
      'mx.example.test': { A: ['127.0.0.1'] },
    });
    bot = spawnBot({
      SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl, PORT: '0',
      SMTPCHECK_ALLOW_PRIVATE: '1', SMTPCHECK_DNS_SERVERS: dns.address, SMTPCHECK_ALLOWED_PORTS: `25,${peer.port}`,
      SMTPCHECK_DNSBL_ZONES: '', SMTPCHECK_PROBE_TIMEOUT_MS: '8000', LOG_LEVEL: 'info',
    });
    await bot.waitForLog((l) => l.msg === 'slack bot ready');
  }, 60000);

  afterAll(async () => {
    const code = await bot.stop();
    expect(code).toBe(0); // SIGTERM → clean exit
    await fake.waitForNoSockets();
    await Promise.all([fake.stop(), dns.stop(), peer.stop()]);
  });

  it('explains the pasted #4.4.7 NDR as an outbound AUTH mismatch, with Exchange 2003 steps, in the thread', async () => {
    const { message } = await fake.postMessage('C0GENERAL', ALICE, STORY_NDR);
    const reply = await fake.waitFor(() => fake.replies('C0GENERAL', message.ts)[0], 15000, 'diagnosis');
    expect(checkMessage({ text: reply.text, blocks: reply.blocks })).toBeUndefined();
    const body = json(reply.blocks);
    // The story's cause is named (as the cause, or as the leading candidate of the bare #4.4.7) …
    expect(body).toContain(CAUSES['outbound-auth-mismatch'].title);
    expect(body).toContain('someone@example.test');
    // … with steps for the platform the report shows (Exchange 2003 wrote it), and a probe to prove it.
    expect(body).toContain('"block_id":"steps_exchange-2003"');
    expect(body).toContain(ACTIONS.probe);
    const state = readEnvelope(reply.metadata)?.state;
    expect(state?.diagnosis?.kind).toBe('bounce');
    expect(state?.diagnosis?.suggestedProbe?.target).toBe('example.test');
    await fake.waitFor(() => fake.message('C0GENERAL', message.ts)?.reactions.find((r) => r.name === 'mag'), 5000, ':mag:');

    // The proof, in the same thread: the next hop offers no AUTH, so the cause is confirmed.
    await fake.postMessage('C0GENERAL', ALICE, `probe mx.example.test:${peer.port}`, { thread_ts: message.ts });
    const proof = await fake.waitFor(() => fake.replies('C0GENERAL', message.ts).find((m) => m.updates > 0 && /mx\.example\.test/.test(m.text ?? '')), 20000, 'probe in the thread');
    // The probe's evidence line ties it to the diagnosis (explain's probeEvidence).
    expect(json(proof.blocks)).toMatch(/:mag: .{0,200}offers no AUTH/);
    expect(peer.commands.some((c) => /^DATA/i.test(c))).toBe(false);
    const line = await bot.waitForLog((l) => l.msg === 'slack event' && l.event === 'message' && l.reply === 'diagnosis');
    expect(line).toMatchObject({ user: ALICE, channel: 'C0GENERAL', asked: 'bounce', outcome: 'thread' });
    expect(typeof line.ms).toBe('number');
    expect(json(line)).not.toContain('someone@example.test'); // the log says who and what, not the bounce
  });

  it('/smtpcheck probes the MX: ack, root, report in the thread showing no AUTH, root updated; no message is sent', async () => {
    const { ack } = await fake.slashCommand('C0GENERAL', ALICE, `mx.example.test:${peer.port}`);
    expect(ack.acked).toBe(true);
    const root = await fake.waitFor(() => fake.botMessages('C0GENERAL').find((m) => !m.thread_ts && /mx\.example\.test/.test(m.text ?? '')), 5000, 'root');
    await fake.waitFor(() => (root.updates > 0 ? root : undefined), 20000, 'root updated with the verdict');
    const report = fake.replies('C0GENERAL', root.ts)[0];
    expect(checkMessage({ text: report.text, blocks: report.blocks })).toBeUndefined();
    const digest = readEnvelope(report.metadata)?.state.probe;
    expect(digest?.target).toBe(`mx.example.test:${peer.port}`);
    expect(digest?.findings.some((f) => /auth-not-offered/.test(f))).toBe(true);
    expect(peer.commands.some((c) => /^EHLO /i.test(c))).toBe(true);
    expect(peer.commands.some((c) => /^DATA/i.test(c))).toBe(false);

    // Follow-ups in the root's thread: recheck says what changed, transcript shows the conversation.
    await fake.postMessage('C0GENERAL', ALICE, 'recheck', { thread_ts: root.ts });
    const again = await fake.waitFor(() => fake.replies('C0GENERAL', root.ts).find((m) => /Since the last run/.test(json(m.blocks))), 20000, 'recheck');
    expect(readEnvelope(again.metadata)?.state.probe?.target).toBe(`mx.example.test:${peer.port}`);
    await fake.postMessage('C0GENERAL', ALICE, 'transcript', { thread_ts: root.ts });
    const transcript = await fake.waitFor(() => fake.replies('C0GENERAL', root.ts).find((m) => /^Transcript/.test(m.text ?? '')), 20000, 'transcript');
    expect(json(transcript.blocks)).toMatch(/EHLO/);
  }, 60000);

  it('publishes App Home and says the install allows private addresses', async () => {
    await fake.openAppHome(ALICE);
    const view = await fake.waitFor(() => fake.homeView(ALICE), 5000, 'home');
    expect(json(view)).toContain('allowed (SMTPCHECK_ALLOW_PRIVATE=1)');
  });
});

describe('e2e: HTTP mode', () => {
  it('verifies signatures (401 otherwise), answers signed commands, serves /healthz', async () => {
    const fake = await startFakeSlack();
    const bot = spawnBot({ SLACK_BOT_TOKEN: fake.botToken, SLACK_MODE: 'http', SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    try {
      const ready = await bot.waitForLog((l) => l.msg === 'slack bot ready');
      const url = `http://127.0.0.1:${ready.port}/slack/events`;
      fake.useHttp(url);
      const help = await fake.slashCommand('C0GENERAL', ALICE, 'help');
      expect(help.ack.status).toBe(200);
      expect(help.ack.body).toMatchObject({ response_type: 'ephemeral' });
      const bad = await fake.signedPost(url, 'command=%2Fsmtpcheck&text=help', 'application/x-www-form-urlencoded', { badSignature: true });
      expect(bad.status).toBe(401);
      const health = await fetch(`http://127.0.0.1:${ready.port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      expect(await bot.stop()).toBe(0);
      await fake.stop();
    }
  }, 30000);
});

describe('e2e: bad settings stop the start with a message naming the setting', () => {
  const run = async (env: Record<string, string>) => {
    const bot = spawnBot(env);
    const code = await bot.exited;
    return { code, out: bot.stderr.join('\n') + bot.logs.map((l) => json(l)).join('\n') };
  };

  it('missing SLACK_APP_TOKEN in socket mode', async () => {
    const { code, out } = await run({ SLACK_BOT_TOKEN: 'xoxb-test-1234' });
    expect(code).toBe(2);
    expect(out).toMatch(/SLACK_APP_TOKEN is missing/);
  });

  it('malformed SLACK_API_URL and SLACK_BOT_TOKEN', async () => {
    expect((await run({ SLACK_BOT_TOKEN: 'xoxb-test-1234', SLACK_APP_TOKEN: 'xapp-test-1234', SLACK_API_URL: 'not a url' })).out).toMatch(/SLACK_API_URL/);
    expect((await run({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xapp-test-1234' })).out).toMatch(/SLACK_BOT_TOKEN does not start with xoxb-/);
  });

  it('a bot token the workspace refuses', async () => {
    const fake = await startFakeSlack();
    try {
      const { code, out } = await run({ SLACK_BOT_TOKEN: 'xoxb-revoked-1234', SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl, PORT: '0' });
      expect(code).not.toBe(0);
      expect(out).toMatch(/SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
      expect(out).not.toContain('xoxb-revoked-1234');
    } finally {
      await fake.stop();
    }
  }, 20000);
});
