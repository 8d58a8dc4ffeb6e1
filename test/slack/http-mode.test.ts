/**
 * HTTP mode (SLACK_MODE=http): Slack's signed requests on /slack/events, 401 for bad or stale
 * signatures, /healthz, retries by header — and start-up failures that name the setting to fix.
 */
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startSlack } from '../../src/slack';
import { startFakeSlack } from '../fake-slack';
import { startHarness, PASTED_LINE, type Harness } from './helpers/harness';
import { ACTIONS } from '../../src/render/blockkit';

describe('Slack bot over HTTP', () => {
  let h: Harness;
  beforeEach(async () => { h = await startHarness({ mode: 'http' }); });
  afterEach(async () => { await h.stop(); });

  it('answers a signed paste event in the thread; a retry with the same event_id is answered once', async () => {
    const first = await h.fake.postMessage('C0GENERAL', 'U0ALICE', PASTED_LINE);
    expect(first.ack?.status).toBe(200);
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', first.message.ts)[0], 5000, 'reply');
    expect(reply.thread_ts).toBe(first.message.ts);
    const retry = await h.fake.redeliverMessage(first.message, first.eventId, 1, 'http_timeout');
    expect(retry.status).toBe(200);
    await h.fake.settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.botMessages('C0GENERAL')).toHaveLength(1);
    expect(h.logs.some((l) => l.event === 'redelivery' && l.retry === 1)).toBe(true);
  });

  it('acks slash commands in the HTTP response: help privately, a probe with an empty 200 then the thread', async () => {
    const help = await h.fake.slashCommand('C0GENERAL', 'U0ALICE', 'help');
    expect(help.ack.status).toBe(200);
    expect(help.ack.body).toMatchObject({ response_type: 'ephemeral' });
    const probe = await h.fake.slashCommand('C0GENERAL', 'U0ALICE', 'example.com');
    expect(probe.ack.status).toBe(200);
    const root = await h.fake.waitFor(() => h.fake.botMessages('C0GENERAL').find((m) => !m.thread_ts && m.updates > 0), 5000, 'root with verdict');
    expect(h.fake.replies('C0GENERAL', root.ts)).toHaveLength(1);
  });

  it('handles button clicks (form-encoded payload) over HTTP', async () => {
    const first = await h.fake.postMessage('C0GENERAL', 'U0ALICE', PASTED_LINE);
    const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', first.message.ts)[0], 5000, 'reply');
    const click = await h.fake.clickButton('C0GENERAL', reply.ts, ACTIONS.details);
    expect(click.ack.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responsePosts(click.responseId)[0], 5000, 'details');
  });

  it('rejects a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const body = new URLSearchParams({ command: '/smtpcheck', text: 'example.com', user_id: 'U0ALICE', channel_id: 'C0GENERAL', team_id: 'T0FAKE', response_url: `${h.fake.baseUrl}/response/x`, trigger_id: 't' }).toString();
    const bad = await h.fake.signedPost(h.eventsUrl!, body, 'application/x-www-form-urlencoded', { badSignature: true });
    expect(bad.status).toBe(401);
    const stale = await h.fake.signedPost(h.eventsUrl!, body, 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const wrongSecret = await h.fake.signedPost(h.eventsUrl!, body, 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.botMessages()).toHaveLength(0);
    expect(h.engine.probes).toHaveLength(0);
  });

  it('answers GET /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, mode: 'http' });
  });
});

describe('Socket Mode connection', () => {
  it('reconnects after Slack\'s disconnect frame and keeps answering', async () => {
    const h = await startHarness();
    try {
      const opened = h.fake.callsTo('apps.connections.open').length;
      h.fake.sendDisconnect('refresh_requested');
      await h.fake.waitFor(() => h.fake.callsTo('apps.connections.open').length > opened && h.fake.openSockets > 0, 15000, 'a new connection');
      const { message } = await h.fake.postMessage('C0GENERAL', 'U0ALICE', PASTED_LINE);
      await h.fake.waitFor(() => h.fake.replies('C0GENERAL', message.ts)[0], 5000, 'reply after reconnect');
    } finally {
      await h.stop();
    }
  }, 30000);

  it('answers GET /healthz on PORT with the connection state', async () => {
    const h = await startHarness();
    try {
      const res = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, mode: 'socket' });
    } finally {
      await h.stop();
    }
  });
});

describe('start-up failures name the setting', () => {
  it('a bot token Slack refuses → SLACK_BOT_TOKEN', async () => {
    const fake = await startFakeSlack();
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-wrong-token-1234', SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    await expect(startSlack(config, silentLogger)).rejects.toThrow(/SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/);
    await fake.stop();
  });

  it('an app token Slack refuses → SLACK_APP_TOKEN', async () => {
    const fake = await startFakeSlack();
    const config = loadConfig({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: 'xapp-wrong-token-1234', SLACK_API_URL: fake.apiUrl, PORT: '0' });
    await expect(startSlack(config, silentLogger)).rejects.toThrow(/SLACK_APP_TOKEN was refused by Slack \(invalid_auth\)/);
    await fake.waitForNoSockets();
    await fake.stop();
  });

  it('a Slack API that cannot be reached → SLACK_API_URL', async () => {
    const fake = await startFakeSlack();
    const apiUrl = fake.apiUrl;
    await fake.stop(); // nothing listens there any more
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-1234', SLACK_APP_TOKEN: 'xapp-test-1234', SLACK_API_URL: apiUrl, PORT: '0' });
    await expect(startSlack(config, silentLogger)).rejects.toThrow(/SLACK_API_URL/);
  }, 20000);
});
