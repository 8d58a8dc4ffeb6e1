/**
 * Follow-ups in the bot's threads, buttons, the platform select, the message shortcut and App Home —
 * in-process against the fake Slack (Socket Mode), scripted engine. The conversation state travels
 * only in message metadata: every test reads it back from what the fake stored.
 */
import { checkView } from '../fake-slack/validate';
import { readEnvelope } from '../../src/slack/thread';
import { ACTIONS } from '../../src/render/blockkit';
import { startHarness, PASTED_LINE, PASTED_NDR, type Harness } from './helpers/harness';
import type { StoredMessage } from '../fake-slack';

const ALICE = 'U0ALICE';
const text = (m: StoredMessage | undefined) => JSON.stringify(m?.blocks ?? []) + (m?.text ?? '');

async function pasteAndWait(h: Harness, paste = PASTED_LINE): Promise<{ root: StoredMessage; reply: StoredMessage }> {
  const { message } = await h.fake.postMessage('C0GENERAL', ALICE, paste);
  const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'diagnosis reply');
  return { root: message, reply };
}

describe('Slack bot: follow-ups in the thread', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness({ engine: { outcomes: ['fail', 'pass'] } }); });
  afterEach(async () => { await h.stop(); });

  it('probe <target>, then recheck says what changed, then transcript — state read back from metadata', async () => {
    const { root } = await pasteAndWait(h);
    await h.fake.postMessage('C0GENERAL', ALICE, 'probe <http://example.org|example.org>', { thread_ts: root.ts });
    const probed = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', root.ts).find((m) => /^FAIL: example\.org/.test(m.text ?? '')), 5000, 'probe result');
    // The "Checking …" placeholder became the result (updated in place, none left behind).
    expect(probed.updates).toBeGreaterThanOrEqual(1);
    expect(h.fake.replies('C0GENERAL', root.ts).filter((m) => /Checking/.test(m.text ?? ''))).toHaveLength(0);
    expect(readEnvelope(probed.metadata)?.state.probe?.outcome).toBe('fail');

    await h.fake.postMessage('C0GENERAL', ALICE, 'recheck', { thread_ts: root.ts });
    const rechecked = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', root.ts).find((m) => /^PASS: example\.org/.test(m.text ?? '')), 5000, 'recheck result');
    expect(text(rechecked)).toMatch(/Since the last run/);
    expect(text(rechecked)).toMatch(/FAIL → PASS|gone|new/);
    expect(h.engine.probes.map((p) => p.target)).toEqual(['example.org', 'example.org']);

    await h.fake.postMessage('C0GENERAL', ALICE, 'transcript', { thread_ts: root.ts });
    const transcript = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', root.ts).find((m) => /Transcript/.test(m.text ?? '')), 5000, 'transcript');
    expect(text(transcript)).toContain('EHLO smtpcheck.invalid');
    // every follow-up needed the thread: conversations.replies with metadata
    expect(h.fake.callsTo('conversations.replies').every((c) => c.args.include_all_metadata === 'true')).toBe(true);
  });

  it('platform <p> re-explains the thread\'s bounce for that platform; "thanks" gets no answer', async () => {
    const { root, reply } = await pasteAndWait(h, PASTED_NDR);
    expect(readEnvelope(reply.metadata)?.state.platform).toBeUndefined();
    await h.fake.postMessage('C0GENERAL', ALICE, 'thanks!', { thread_ts: root.ts });
    await h.fake.postMessage('C0GENERAL', ALICE, 'platform exim', { thread_ts: root.ts });
    const again = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', root.ts).find((m) => m.ts !== reply.ts && m.user === h.fake.identity.botUserId), 5000, 'platform reply');
    expect(readEnvelope(again.metadata)?.state.platform).toBe('exim');
    expect(readEnvelope(again.metadata)?.source).toEqual({ ts: root.ts });
    expect(text(again)).toContain('diagnosis_actions_exim');
    expect(h.engine.diagnosed).toHaveLength(2); // the bounce read again from the root message
    await h.fake.settle();
    expect(h.fake.replies('C0GENERAL', root.ts).filter((m) => m.user === h.fake.identity.botUserId)).toHaveLength(2);
  });

  it('ignores commands in threads the bot has no part in', async () => {
    const { message } = await h.fake.postMessage('C0GENERAL', ALICE, 'lunch?');
    await h.fake.postMessage('C0GENERAL', 'U0BOB', 'recheck', { thread_ts: message.ts });
    await h.fake.postMessage('C0GENERAL', 'U0BOB', 'example.com', { thread_ts: message.ts });
    await h.fake.settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.botMessages()).toHaveLength(0);
    expect(h.engine.probes).toHaveLength(0);
  });

  it('answers a pasted bounce in someone else\'s thread too', async () => {
    const { message } = await h.fake.postMessage('C0GENERAL', ALICE, 'got this bounce, any idea?');
    await h.fake.postMessage('C0GENERAL', ALICE, PASTED_LINE, { thread_ts: message.ts });
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts).find((m) => m.user === h.fake.identity.botUserId), 5000, 'reply');
    expect(reply.thread_ts).toBe(message.ts);
  });
});

describe('Slack bot: buttons and the platform select', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => { await h.stop(); });

  it('Probe button runs the suggested probe in the thread; Recheck and Show transcript follow', async () => {
    const { root, reply } = await pasteAndWait(h);
    const click = await h.fake.clickButton('C0GENERAL', reply.ts, ACTIONS.probe, ALICE);
    expect(click.ack.acked).toBe(true);
    const result = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', root.ts).find((m) => /example\.org/.test(m.text ?? '') && /FAIL|PASS/.test(m.text ?? '')), 5000, 'probe result');
    expect(h.engine.probes[0].target).toBe('example.org');

    const re = await h.fake.clickButton('C0GENERAL', result.ts, ACTIONS.recheck, ALICE);
    expect(re.ack.acked).toBe(true);
    await h.fake.waitFor(() => (h.engine.probes.length === 2 ? true : undefined), 5000, 'recheck probe');

    const tr = await h.fake.clickButton('C0GENERAL', result.ts, ACTIONS.transcript, ALICE);
    // Transcripts are not kept, so the probe runs again: first a private "Checking …", then the transcript.
    const posts = await h.fake.waitFor(() => (h.fake.responsePosts(tr.responseId).length >= 2 ? h.fake.responsePosts(tr.responseId) : undefined), 5000, 'transcript via response_url');
    expect(String(posts[0].body.text)).toMatch(/^Checking example\.org/);
    expect(posts[1].body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(posts[1].body)).toContain('EHLO smtpcheck.invalid');
    expect(h.fake.replies('C0GENERAL', root.ts).filter((m) => /^Transcript/.test(m.text ?? ''))).toHaveLength(0);
  });

  it('Show details answers only the person who clicked', async () => {
    const { reply } = await pasteAndWait(h);
    const click = await h.fake.clickButton('C0GENERAL', reply.ts, ACTIONS.details, 'U0BOB');
    const shown = await h.fake.waitFor(() => h.fake.responsePosts(click.responseId)[0], 5000, 'details');
    expect(shown.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(shown.body)).toMatch(/Recipient 1: bob@example.org/);
    expect(h.fake.ephemerals('U0BOB')).toHaveLength(1);
  });

  it('the platform select rewrites the diagnosis in place (chat.update) and keeps the choice in metadata', async () => {
    const { reply } = await pasteAndWait(h, PASTED_NDR);
    const before = JSON.stringify(reply.blocks);
    await h.fake.selectOption('C0GENERAL', reply.ts, ACTIONS.platform, 'exchange-online');
    await h.fake.waitFor(() => (reply.updates > 0 ? reply : undefined), 5000, 'chat.update');
    expect(JSON.stringify(reply.blocks)).not.toBe(before);
    expect(JSON.stringify(reply.blocks)).toContain('"value":"exchange-online"}}'); // the select's initial option
    expect(readEnvelope(reply.metadata)?.state.platform).toBe('exchange-online');
    expect(h.fake.callsTo('chat.update').map((c) => c.args.ts)).toEqual([reply.ts]);
  });
});

describe('Slack bot: the Diagnose bounce shortcut and App Home', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => { await h.stop(); });

  it('diagnoses the message it is run on, in that message\'s thread', async () => {
    // Posted by someone else in a channel; the bot did not answer it by itself (no bounce sniff for edits etc.).
    const m = h.fake.store.add({ channel: 'C0GENERAL', user: 'U0BOB', text: PASTED_NDR });
    const { ack } = await h.fake.messageShortcut('C0GENERAL', m.ts, ALICE);
    expect(ack.acked).toBe(true);
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', m.ts)[0], 5000, 'reply');
    expect(readEnvelope(reply.metadata)?.source).toEqual({ ts: m.ts });
  });

  it('says privately when the message is not a bounce', async () => {
    const m = h.fake.store.add({ channel: 'C0GENERAL', user: 'U0BOB', text: 'see you at 3' });
    const { responseId } = await h.fake.messageShortcut('C0GENERAL', m.ts, ALICE);
    const post = await h.fake.waitFor(() => h.fake.responsePosts(responseId)[0], 5000, 'ephemeral');
    expect(post.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(post.body.text)).toMatch(/does not look like a bounce/);
    expect(h.fake.botMessages()).toHaveLength(0);
  });

  it('answers privately through response_url where the bot is not a member', async () => {
    const m = h.fake.store.add({ channel: 'C0NOBOT', user: 'U0BOB', text: PASTED_LINE });
    const { responseId } = await h.fake.messageShortcut('C0NOBOT', m.ts, ALICE);
    const post = await h.fake.waitFor(() => h.fake.responsePosts(responseId)[0], 5000, 'response_url');
    expect(JSON.stringify(post.body)).toContain('bob@example.org');
  });

  it('publishes App Home with what the install allows', async () => {
    await h.fake.openAppHome(ALICE);
    const view = await h.fake.waitFor(() => h.fake.homeView(ALICE), 5000, 'home view');
    expect(checkView(view)).toBeUndefined();
    const body = JSON.stringify(view);
    expect(body).toContain('25, 465, 587, 2525');
    expect(body).toMatch(/Private \/ local addresses\*\\nrefused/);
    expect(body).toMatch(/5 a minute/);
    expect(body).toContain('/smtpcheck');
  });
});
