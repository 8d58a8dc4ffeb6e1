/**
 * The fake Slack checked against a real Bolt 5.1.0 app (not our bot), so the bot's own tests can trust it:
 * both transports deliver and record acks, Web API errors come back as Slack sends them, limits are
 * enforced, url_private needs the token, response_url is captured.
 */
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { startFakeSlack, type FakeSlack, LIMITS } from './index';
import { checkMessage, checkView } from './validate';

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

async function socketApp(fake: FakeSlack, wire: (app: App) => void): Promise<App> {
  const app = new App({
    token: fake.botToken, appToken: fake.appToken, socketMode: true, logger: quiet,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  wire(app);
  await app.start();
  return app;
}

describe('fake Slack with a real Bolt app (Socket Mode)', () => {
  let fake: FakeSlack;
  let app: App | undefined;
  beforeEach(async () => { fake = await startFakeSlack(); });
  afterEach(async () => {
    if (app) await app.stop();
    app = undefined;
    await fake.waitForNoSockets().catch(() => undefined);
    await fake.stop();
  });

  it('delivers an event over the socket, records the ack, and stores the threaded reply', async () => {
    app = await socketApp(fake, (a) => a.message(async ({ message, client }) => {
      const m = message as { channel: string; ts: string };
      await client.chat.postMessage({ channel: m.channel, thread_ts: m.ts, text: 'seen' });
    }));
    const { message, ack } = await fake.postMessage('C0GENERAL', 'U0ALICE', 'hello');
    expect(ack?.acked).toBe(true);
    const reply = await fake.waitFor(() => fake.replies('C0GENERAL', message.ts)[0], 3000, 'thread reply');
    expect(reply.text).toBe('seen');
    expect(reply.user).toBe(fake.identity.botUserId);
    await fake.settle();
  });

  it('answers Web API calls with Slack errors: not_in_channel, channel_not_found, invalid_blocks, ratelimited', async () => {
    app = await socketApp(fake, () => undefined);
    const client = app.client;
    await expect(client.chat.postMessage({ channel: 'C0NOBOT', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(client.chat.postMessage({ channel: 'D0TWOUSERS', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    const tooMany = Array.from({ length: LIMITS.messageBlocks + 1 }, () => ({ type: 'divider' }));
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: tooMany })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x'.repeat(LIMITS.textChars + 1) })).rejects.toMatchObject({ data: { error: 'msg_too_long' } });
    fake.failNext('chat.postMessage', 'ratelimited', { retryAfter: 0 });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toThrow(/rate limit/i);
    expect(fake.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['not_in_channel', 'channel_not_found', 'invalid_blocks', 'msg_too_long', 'ratelimited']);
  });

  it('rejects a wrong bot token with invalid_auth and a wrong app token at start', async () => {
    const bad = new App({ token: 'xoxb-wrong', appToken: 'xapp-wrong', socketMode: true, logger: quiet, deferInitialization: true, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    await expect(bad.init()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    const wrongAppToken = new App({
      token: fake.botToken, botId: fake.botId, botUserId: fake.identity.botUserId, appToken: 'xapp-wrong', socketMode: true, logger: quiet,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    await expect(wrongAppToken.start()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await wrongAppToken.stop().catch(() => undefined);
  });

  it('records slash-command acks with their body, and response_url posts', async () => {
    app = await socketApp(fake, (a) => a.command('/smtpcheck', async ({ ack, respond }) => {
      await ack({ response_type: 'ephemeral', text: 'usage' });
      await respond({ response_type: 'ephemeral', text: 'later' });
    }));
    const { ack, responseId } = await fake.slashCommand('C0GENERAL', 'U0ALICE', '');
    expect(ack.acked).toBe(true);
    expect(ack.body).toMatchObject({ text: 'usage' });
    const post = await fake.waitFor(() => fake.responsePosts(responseId)[0], 3000, 'response_url post');
    expect(post.body).toMatchObject({ text: 'later' });
    expect(fake.ephemerals('U0ALICE').map((e) => e.text)).toEqual(['usage', 'later']);
  });

  it('serves url_private only with the bot token (302 to a sign-in page without)', async () => {
    const file = fake.addFile({ name: 'bounce.eml', content: 'Subject: x\r\n\r\nbody' });
    const anon = await fetch(file.url_private_download, { redirect: 'manual' });
    expect(anon.status).toBe(302);
    const signin = await fetch(file.url_private_download);
    expect(await signin.text()).toMatch(/Sign in/);
    const ok = await fetch(file.url_private_download, { headers: { Authorization: `Bearer ${fake.botToken}` } });
    expect(await ok.text()).toBe('Subject: x\r\n\r\nbody');
  });

  it('redelivers with the same event_id (Bolt sees retry_attempt as context.retryNum)', async () => {
    const seen: string[] = [];
    app = await socketApp(fake, (a) => a.event('message', async ({ body, context }) => { seen.push(`${(body as { event_id: string }).event_id}:${context.retryNum ?? 0}`); }));
    const first = await fake.postMessage('C0GENERAL', 'U0ALICE', 'hi');
    await fake.redeliverMessage(first.message, first.eventId, 1, 'timeout');
    expect(seen).toEqual([`${first.eventId}:0`, `${first.eventId}:1`]);
  });
});

describe('fake Slack: Socket Mode reconnect', () => {
  it('a disconnect frame makes the client open a new connection, and deliveries go on', async () => {
    const fake = await startFakeSlack();
    const receiver = new SocketModeReceiver({
      appToken: fake.appToken, logger: quiet, clientPingTimeout: 1000,
      installerOptions: { clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } },
    });
    const app = new App({ token: fake.botToken, receiver, logger: quiet, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    let seen = 0;
    app.event('message', async () => { seen += 1; });
    await app.start();
    const opened = fake.callsTo('apps.connections.open').length;
    const reconnected = new Promise<void>((resolve) => receiver.client.once('connected', () => resolve()));
    fake.sendDisconnect('refresh_requested');
    await reconnected;
    expect(fake.callsTo('apps.connections.open').length).toBe(opened + 1);
    await fake.postMessage('C0GENERAL', 'U0ALICE', 'after reconnect');
    expect(seen).toBe(1);
    await app.stop();
    await fake.waitForNoSockets();
    await fake.stop();
  });
});

describe('fake Slack with a real Bolt app (HTTP mode)', () => {
  let fake: FakeSlack;
  let app: App;
  let url: string;
  beforeEach(async () => {
    fake = await startFakeSlack();
    app = new App({ token: fake.botToken, signingSecret: fake.signingSecret, logger: quiet, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/smtpcheck', async ({ ack }) => { await ack({ text: 'got it' }); });
    const server = await app.start({ port: 0, host: '127.0.0.1' }) as import('node:http').Server;
    url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/slack/events`;
    fake.useHttp(url);
  });
  afterEach(async () => { await app.stop(); await fake.stop(); });

  it('signs deliveries; a bad signature or a stale timestamp gets 401', async () => {
    const { ack } = await fake.slashCommand('C0GENERAL', 'U0ALICE', 'help');
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ text: 'got it' });
    const bad = await fake.signedPost(url, 'command=%2Fsmtpcheck&text=x', 'application/x-www-form-urlencoded', { badSignature: true });
    expect(bad.status).toBe(401);
    const stale = await fake.signedPost(url, 'command=%2Fsmtpcheck&text=x', 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 400 });
    expect(stale.status).toBe(401);
  });
});

describe('fake Slack validation', () => {
  it('enforces Block Kit limits as Slack does', () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    expect(checkMessage({ text: 'ok', blocks: [section('fine')] })).toBeUndefined();
    expect(checkMessage({ blocks: [] , text: '' })).toBeUndefined();
    expect(checkMessage({})).toMatchObject({ error: 'no_text' });
    expect(checkMessage({ text: 'x', blocks: [section('y'.repeat(LIMITS.sectionText + 1))] })).toMatchObject({ error: 'invalid_blocks' });
    expect(checkMessage({ text: 'x', blocks: [section('')] })).toMatchObject({ error: 'invalid_blocks' });
    expect(checkMessage({ text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] })).toMatchObject({ error: 'invalid_blocks' });
    expect(checkMessage({ text: 'x', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'b'.repeat(76) } }] }] })).toMatchObject({ error: 'invalid_blocks' });
    expect(checkMessage({ text: 'x', blocks: [{ type: 'actions', elements: [
      { type: 'button', action_id: 'same', text: { type: 'plain_text', text: 'a' } },
      { type: 'button', action_id: 'same', text: { type: 'plain_text', text: 'b' } },
    ] }] })).toMatchObject({ error: 'invalid_blocks' });
    expect(checkMessage({ text: 'x', blocks: [section('a'.repeat(2900)), section('b'.repeat(2900)), section('c'.repeat(2900)), section('d'.repeat(2900)), section('e'.repeat(2900))] })).toMatchObject({ error: 'msg_blocks_too_long' });
    expect(checkMessage({ text: 'x', metadata: { event_type: 'smtpcheck_state', event_payload: { deep: { a: { b: 1 } } } } })).toMatchObject({ error: 'invalid_metadata_format' });
    expect(checkMessage({ text: 'x', metadata: { event_type: 'smtpcheck_state', event_payload: { v: 1, envelope: '{}' } } })).toBeUndefined();
  });

  it('checks views: home needs blocks within 100, modal needs a short title', () => {
    expect(checkView({ type: 'home', blocks: [{ type: 'divider' }] })).toBeUndefined();
    expect(checkView({ type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) })).toMatchObject({ error: 'invalid_blocks' });
    expect(checkView({ type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: [] })).toMatchObject({ error: 'invalid_blocks' });
  });
});
