/**
 * Pasted bounces, chat, duplicates and shared files — the real Bolt app in-process against the fake
 * Slack over Socket Mode, with a scripted engine (see helpers/fake-engine.ts for why).
 */
import { checkMessage } from '../fake-slack/validate';
import { readEnvelope } from '../../src/slack/thread';
import { ACTIONS } from '../../src/render/blockkit';
import { startHarness, PASTED_NDR, PASTED_LINE, type Harness } from './helpers/harness';

const ALICE = 'U0ALICE';

function texts(blocks: unknown[] | undefined): string {
  return JSON.stringify(blocks ?? []);
}

describe('Slack bot: pasted bounces and chat (Socket Mode)', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness(); });
  afterEach(async () => { await h.stop(); });

  it('reacts :mag: and answers a pasted bounce in its thread, with state in metadata and buttons', async () => {
    const { message } = await h.fake.postMessage('C0GENERAL', ALICE, PASTED_NDR);
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'threaded reply');
    expect(reply.user).toBe(h.fake.identity.botUserId);
    expect(reply.thread_ts).toBe(message.ts);
    const diagnosis = h.engine.diagnosed[0].result;
    expect(reply.text).toContain(diagnosis.causes[0].title);
    expect(checkMessage({ text: reply.text, blocks: reply.blocks })).toBeUndefined();
    const body = texts(reply.blocks);
    expect(body).toContain('someone@example.com');
    expect(body).toContain(ACTIONS.platform);
    expect(body).toContain(ACTIONS.details);
    expect(reply.options).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    const envelope = readEnvelope(reply.metadata);
    expect(envelope?.source).toEqual({ ts: message.ts });
    expect(envelope?.state.diagnosis?.causes).toEqual([diagnosis.causes[0].id]);
    await h.fake.waitFor(() => h.fake.message('C0GENERAL', message.ts)?.reactions.find((r) => r.name === 'mag'), 3000, 'reaction');
    expect(h.engine.diagnosed[0].input).toContain('#4.4.7');
  });

  it('says nothing to chat that is not a bounce, even about email', async () => {
    await h.fake.postMessage('C0GENERAL', ALICE, 'anyone know why mail to example.com is slow today? the meeting has been delayed');
    await h.fake.postMessage('C0GENERAL', ALICE, 'thanks');
    await h.fake.settle();
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsTo('reactions.add')).toHaveLength(0);
    expect(h.engine.diagnosed).toHaveLength(0);
  });

  it('never answers its own posts, other bots, edits, or a redelivered event twice', async () => {
    const first = await h.fake.postMessage('C0GENERAL', ALICE, PASTED_LINE);
    await h.fake.waitFor(() => h.fake.replies('C0GENERAL', first.message.ts)[0], 5000, 'first reply');
    // Slack retries the same event (same event_id) when it thinks the ack was late.
    await h.fake.redeliverMessage(first.message, first.eventId, 1, 'timeout');
    // Another bot posting a bounce, and a person editing their message.
    await h.fake.postMessage('C0GENERAL', 'U0OTHERBOT', PASTED_LINE, { bot_id: 'B0OTHER', subtype: 'bot_message' });
    await h.fake.editMessage('C0GENERAL', first.message.ts, `${PASTED_LINE}\n(edited)`);
    // The same message delivered again under a new event id (e.g. after a reconnect).
    await h.fake.redeliverMessage(first.message, 'Ev-new-id', 0);
    await h.fake.settle();
    await new Promise((r) => setTimeout(r, 150));
    // One diagnosis; the bot's own reply (echoed back by the fake as Slack does) was not answered either.
    expect(h.fake.botMessages('C0GENERAL')).toHaveLength(1);
    expect(h.engine.diagnosed).toHaveLength(1);
    expect(h.logs.some((l) => l.outcome === 'duplicate')).toBe(true);
  });

  it('answers a mention once although Slack sends both message and app_mention', async () => {
    const { message } = await h.fake.postMessage('C0GENERAL', ALICE, `<@${h.fake.identity.botUserId}> ${PASTED_LINE}`);
    await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'reply');
    await h.fake.settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.replies('C0GENERAL', message.ts)).toHaveLength(1);
  });

  it('answers "help" when mentioned with nothing else, and nothing when not mentioned', async () => {
    const { message } = await h.fake.postMessage('C0GENERAL', ALICE, `<@${h.fake.identity.botUserId}>`);
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'help reply');
    expect(texts(reply.blocks)).toMatch(/recheck/);
  });

  it('answers in a DM without a mention, and treats a bare domain there as a probe', async () => {
    // Slack turns a typed domain into a link: the event text is <http://example.com|example.com>.
    const { message } = await h.fake.postMessage('D0USERBOT', ALICE, '<http://example.com|example.com>');
    const result = await h.fake.waitFor(() => h.fake.replies('D0USERBOT', message.ts).find((m) => /PASS|FAIL/.test(m.text ?? '')), 5000, 'probe result in DM');
    expect(h.engine.probes[0].target).toBe('example.com');
    expect(readEnvelope(result.metadata)?.state.probe?.target).toBe('example.com');
  });

  it('waits out Slack\'s rate limit (429 + Retry-After) and still answers once', async () => {
    h.fake.failNext('chat.postMessage', 'ratelimited', { retryAfter: 1 });
    const { message } = await h.fake.postMessage('C0GENERAL', ALICE, PASTED_LINE);
    await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 8000, 'reply after the rate limit');
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000);
    expect(h.fake.replies('C0GENERAL', message.ts)).toHaveLength(1);
  });

  it('tells the poster privately when a pasted bounce is too large to read', async () => {
    const huge = `${PASTED_LINE}\n${'x'.repeat(64 * 1024 * 9)}`;
    await h.fake.postMessage('C0GENERAL', ALICE, huge);
    const eph = await h.fake.waitFor(() => h.fake.ephemerals(ALICE)[0], 5000, 'ephemeral error');
    expect(eph.text).toMatch(/MiB/);
    expect(eph.text).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(h.fake.botMessages()).toHaveLength(0);
  });
});

describe('Slack bot: shared bounce files', () => {
  let h: Harness;
  afterEach(async () => { await h.stop(); });

  it('downloads a shared .eml with the bot token and answers in its thread', async () => {
    h = await startHarness();
    const file = h.fake.addFile({ name: 'bounce.eml', mimetype: 'message/rfc822', filetype: 'email', content: `From: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n${PASTED_LINE}\r\n` });
    const { message } = await h.fake.shareFile('C0GENERAL', ALICE, file);
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'reply to file');
    expect(texts(reply.blocks)).toContain('bob@example.org');
    expect(h.fake.downloads).toEqual([expect.objectContaining({ authorized: true })]);
    expect(h.fake.callsTo('files.info')).toHaveLength(0);
    expect(readEnvelope(reply.metadata)?.source).toEqual({ ts: message.ts, file: file.id });
    expect(h.engine.diagnosed[0].origin).toBe('file');
  });

  it('calls files.info first when the event carries only the file id', async () => {
    h = await startHarness();
    const file = h.fake.addFile({ name: 'ndr.txt', content: PASTED_NDR });
    const { message } = await h.fake.shareFile('C0GENERAL', ALICE, file, { onlyId: true });
    await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'reply to file');
    expect(h.fake.callsTo('files.info').map((c) => c.args.file)).toEqual([file.id]);
  });

  it('keeps the bytes of an 8-bit file intact (latin1 body reaches the engine as the file has it)', async () => {
    h = await startHarness();
    const content = Buffer.concat([Buffer.from(`${PASTED_LINE}\r\nNote: `), Buffer.from([0xe9, 0xe8]), Buffer.from('\r\n')]);
    const file = h.fake.addFile({ name: 'ndr.eml', mimetype: 'message/rfc822', content });
    await h.fake.shareFile('C0GENERAL', ALICE, file);
    await h.fake.waitFor(() => h.engine.diagnosed[0], 5000, 'diagnosis');
    expect(h.engine.diagnosed[0].bytes).toBe(content.length);
  });

  it('says privately that an Outlook .msg (binary) is not readable, and ignores an unrelated .txt', async () => {
    h = await startHarness();
    const msg = h.fake.addFile({ name: 'bounce.msg', mimetype: 'application/vnd.ms-outlook', content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]) });
    await h.fake.shareFile('C0GENERAL', ALICE, msg);
    const eph = await h.fake.waitFor(() => h.fake.ephemerals(ALICE)[0], 5000, 'ephemeral');
    expect(eph.text).toMatch(/Outlook \.msg/);
    const notes = h.fake.addFile({ name: 'notes.txt', content: 'shopping list: milk, eggs' });
    await h.fake.shareFile('C0GENERAL', ALICE, notes);
    await h.fake.settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.botMessages()).toHaveLength(0);
    expect(h.fake.ephemerals(ALICE)).toHaveLength(1);
  });

  it('refuses Slack\'s sign-in page (files:read missing) with a clear private message', async () => {
    h = await startHarness({ fake: { scopes: ['commands', 'chat:write', 'channels:history', 'reactions:write'] } });
    const file = h.fake.addFile({ name: 'bounce.eml', mimetype: 'message/rfc822', content: PASTED_LINE });
    await h.fake.shareFile('C0GENERAL', ALICE, file);
    const eph = await h.fake.waitFor(() => h.fake.ephemerals(ALICE)[0], 5000, 'ephemeral');
    expect(eph.text).toMatch(/sign-in page/);
    expect(eph.text).toMatch(/files:read/);
    expect(h.fake.botMessages()).toHaveLength(0);
  });
});
