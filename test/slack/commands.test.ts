/**
 * `/smtpcheck`: acks, the visible root and its thread, private answers, response_url where the bot
 * cannot post, rate limits — in-process against the fake Slack, scripted engine.
 */
import { checkMessage } from '../fake-slack/validate';
import { readEnvelope } from '../../src/slack/thread';
import { startHarness, PASTED_LINE, type Harness } from './helpers/harness';

const ALICE = 'U0ALICE';

describe('Slack bot: /smtpcheck', () => {
  let h: Harness;
  afterEach(async () => { await h.stop(); });

  it('acks a probe at once, posts a visible root, the report in its thread, then updates the root with the verdict', async () => {
    h = await startHarness({ engine: { probeMs: 300, outcomes: ['fail'] } });
    const { ack } = await h.fake.slashCommand('C0GENERAL', ALICE, 'example.com');
    expect(ack.acked).toBe(true);
    expect(ack.body).toEqual({}); // a bare ack: nothing private to say
    const root = await h.fake.waitFor(() => h.fake.botMessages('C0GENERAL').find((m) => !m.thread_ts), 3000, 'root');
    expect(root.text).toMatch(/Checking example\.com/);
    expect(JSON.stringify(root.blocks)).toContain(`<@${ALICE}>`);
    const report = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', root.ts)[0], 5000, 'report in thread');
    expect(report.text).toMatch(/^FAIL: example\.com/);
    expect(checkMessage({ text: report.text, blocks: report.blocks })).toBeUndefined();
    expect(readEnvelope(report.metadata)?.state.probe).toMatchObject({ target: 'example.com', outcome: 'fail' });
    await h.fake.waitFor(() => (root.updates > 0 ? root : undefined), 3000, 'root updated');
    expect(root.text).toMatch(/FAIL: example\.com/);
    expect(readEnvelope(root.metadata)?.state.probe?.target).toBe('example.com');
    expect(h.engine.probes).toHaveLength(1);
  });

  it('answers help, empty and bad arguments privately in the ack', async () => {
    h = await startHarness();
    const help = await h.fake.slashCommand('C0GENERAL', ALICE, 'help');
    expect(help.ack.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(help.ack.body)).toMatch(/recheck/);
    const empty = await h.fake.slashCommand('C0GENERAL', ALICE, '');
    expect(empty.ack.body).toMatchObject({ response_type: 'ephemeral' });
    const bad = await h.fake.slashCommand('C0GENERAL', ALICE, 'probe example.com --port');
    expect(bad.ack.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(bad.ack.body)).toMatch(/--port needs a port number/);
    const url = await h.fake.slashCommand('C0GENERAL', ALICE, 'https://example.com/');
    expect(url.ack.body).toMatchObject({ response_type: 'ephemeral' });
    const badTarget = await h.fake.slashCommand('C0GENERAL', ALICE, 'probe https://example.com/');
    expect(JSON.stringify(badTarget.ack.body)).toMatch(/is a URL/);
    const refusedPort = await h.fake.slashCommand('C0GENERAL', ALICE, 'mx.example.com:8080');
    expect(JSON.stringify(refusedPort.ack.body)).toMatch(/8080/);
    const noState = await h.fake.slashCommand('C0GENERAL', ALICE, 'recheck');
    expect(JSON.stringify(noState.ack.body)).toMatch(/Nothing to re-check/);
    await h.fake.settle();
    expect(h.fake.botMessages()).toHaveLength(0);
    expect(h.engine.probes).toHaveLength(0);
  });

  it('reads a target Slack escaped (&lt;user@example.com&gt;)', async () => {
    h = await startHarness();
    const { ack } = await h.fake.slashCommand('C0GENERAL', ALICE, '&lt;user@example.com&gt;');
    expect(ack.body).toEqual({});
    await h.fake.waitFor(() => h.engine.probes[0], 5000, 'probe');
    expect(h.engine.probes[0].target).toBe('<user@example.com>'); // the probe's target parser drops the brackets
  });

  it('still acks, privately and in plain words, when something inside fails', async () => {
    h = await startHarness({ alterEngines: (e) => { e.limiter.take = () => { throw new TypeError('internal detail at /src/x.ts:12'); }; } });
    const { ack } = await h.fake.slashCommand('C0GENERAL', ALICE, 'example.com');
    expect(ack.acked).toBe(true);
    expect(ack.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.body)).toMatch(/Something went wrong inside smtpcheck/);
    expect(JSON.stringify(ack.body)).not.toMatch(/internal detail|x\.ts/);
    expect(h.logs.some((l) => l.msg === 'slack event failed' && l.event === 'command')).toBe(true);
  });

  it('answers through response_url where the bot is not a member', async () => {
    h = await startHarness();
    const { ack, responseId } = await h.fake.slashCommand('C0NOBOT', ALICE, 'example.com');
    expect(ack.acked).toBe(true);
    const posts = await h.fake.waitFor(() => (h.fake.responsePosts(responseId).length >= 2 ? h.fake.responsePosts(responseId) : undefined), 5000, 'two response_url posts');
    expect(posts[0].body.text).toMatch(/Checking example\.com/);
    expect(posts[1].body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(String(posts[1].body.text)).toMatch(/example\.com/);
    expect(h.fake.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['not_in_channel']);
  });

  it('also works in a DM between two people (channel_not_found → response_url)', async () => {
    h = await startHarness();
    const { responseId } = await h.fake.slashCommand('D0TWOUSERS', ALICE, 'user@example.com');
    const posts = await h.fake.waitFor(() => (h.fake.responsePosts(responseId).length >= 2 ? h.fake.responsePosts(responseId) : undefined), 5000, 'response_url');
    expect(String(posts[1].body.text)).toMatch(/user@example\.com/);
  });

  it('refuses a probe over the per-user rate limit in the ack, saying when to retry', async () => {
    h = await startHarness({ env: { SMTPCHECK_RATE_PER_USER: '1' } });
    await h.fake.slashCommand('C0GENERAL', ALICE, 'example.com');
    const second = await h.fake.slashCommand('C0GENERAL', ALICE, 'example.net');
    expect(second.ack.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(second.ack.body)).toMatch(/Try again in \d+ s/);
    const other = await h.fake.slashCommand('C0GENERAL', 'U0BOB', 'example.org');
    expect(other.ack.body).toEqual({});
    await h.fake.waitFor(() => (h.engine.probes.length === 2 ? true : undefined), 5000, 'two probes');
    expect(h.engine.probes.map((p) => p.target)).toEqual(['example.com', 'example.org']);
  });

  it('diagnoses `/smtpcheck diagnose <text>` as a visible root; platform follow-ups can read the text again', async () => {
    h = await startHarness();
    await h.fake.slashCommand('C0GENERAL', ALICE, `diagnose ${PASTED_LINE}`);
    const root = await h.fake.waitFor(() => h.fake.botMessages('C0GENERAL')[0], 5000, 'diagnosis root');
    expect(root.thread_ts).toBeUndefined();
    expect(JSON.stringify(root.blocks)).toContain('bob@example.org');
    await h.fake.selectOption('C0GENERAL', root.ts, 'smtpcheck_platform', 'postfix');
    await h.fake.waitFor(() => (root.updates > 0 ? root : undefined), 5000, 'updated for postfix');
    expect(readEnvelope(root.metadata)?.state.platform).toBe('postfix');
    // recipient-unknown has no Postfix-specific steps in the catalogue: the generic ones, said so.
    expect(JSON.stringify(root.blocks)).toContain('No steps specific to Postfix');
    expect(JSON.stringify(root.blocks)).toMatch(/"initial_option":\{"text":\{[^}]*\},"value":"postfix"\}/);
    expect(h.engine.diagnosed).toHaveLength(2);
  });

  it('keeps Socket Mode pings flowing while a slow probe runs (the event loop is never blocked)', async () => {
    h = await startHarness({ engine: { probeMs: 4000 } });
    const before = h.fake.pings.length;
    const started = Date.now();
    await h.fake.slashCommand('C0GENERAL', ALICE, 'example.com');
    // While the probe runs, other users still get answers and the client keeps pinging.
    const help = await h.fake.slashCommand('C0GENERAL', 'U0BOB', 'help');
    expect(help.ack.acked).toBe(true);
    const root = await h.fake.waitFor(() => h.fake.botMessages('C0GENERAL').find((m) => !m.thread_ts), 3000, 'root');
    await h.fake.waitFor(() => (root.updates > 0 ? root : undefined), 8000, 'root updated with the verdict');
    const during = h.fake.pings.filter((t) => t > 0).length - before;
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    expect(during).toBeGreaterThanOrEqual(2);
  }, 20000);
});
