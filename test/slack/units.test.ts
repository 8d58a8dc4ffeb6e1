/**
 * The adapter's small pure parts, called directly: which messages are for the bot (triage, incoming),
 * the state envelope in metadata, the dedupe memory, and the file download rules.
 */
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { looksLikeBounce } from '../../src/intake';
import { triage } from '../../src/slack/triage';
import { incomingMessage, mentionsBot, stripMention } from '../../src/slack/incoming';
import { envelopeMetadata, readEnvelope, latestEnvelope, STATE_EVENT_TYPE } from '../../src/slack/thread';
import { TtlSet } from '../../src/slack/dedupe';
import { downloadFile, isBounceCandidate, isEmailFile } from '../../src/slack/files';
import { checkMessage } from '../fake-slack/validate';
import { PASTED_LINE, PASTED_NDR } from './helpers/harness';

const t = (text: string, o: { addressed?: boolean; inThread?: boolean } = {}) => triage({ text, addressed: o.addressed ?? false, inThread: o.inThread ?? false }, looksLikeBounce);

describe('triage', () => {
  it('answers a pasted bounce anywhere, passing the text on as Slack sent it', () => {
    expect(t(PASTED_NDR)).toEqual({ kind: 'bounce', text: PASTED_NDR });
    const escaped = '&lt;bob@example.org&gt;: host mx.example.org[192.0.2.25] said: 550 5.1.1 User unknown (in reply to RCPT TO command)';
    expect(t(escaped)).toEqual({ kind: 'bounce', text: escaped });
  });

  it('ignores chat, unaddressed commands outside threads, and "thanks" in threads', () => {
    expect(t('anyone seen mail to example.com bounce today?')).toEqual({ kind: 'ignore' });
    expect(t('recheck')).toEqual({ kind: 'ignore' });
    expect(t('thanks!', { inThread: true })).toEqual({ kind: 'ignore' });
    expect(t('ok', { inThread: true })).toEqual({ kind: 'ignore' });
    expect(t('line one\nline two', { inThread: true })).toEqual({ kind: 'ignore' });
  });

  it('takes commands in threads only if they are the bot\'s; a bare target must look like one', () => {
    expect(t('recheck', { inThread: true })).toEqual({ kind: 'command', cmd: { kind: 'recheck' }, needsBotThread: true });
    expect(t('<http://example.com|example.com>', { inThread: true })).toMatchObject({ kind: 'command', cmd: { kind: 'probe', target: 'example.com' }, needsBotThread: true });
    expect(t('<mailto:bob@example.com|bob@example.com>', { inThread: true })).toMatchObject({ cmd: { kind: 'probe', target: 'bob@example.com' } });
    expect(t('platform exim', { inThread: true })).toMatchObject({ cmd: { kind: 'platform', platform: 'exim' } });
    expect(t('platform nonsense', { inThread: true })).toMatchObject({ cmd: { kind: 'usage' }, needsBotThread: true });
  });

  it('answers everything addressed to it (mention, DM): help for nothing, not-understood for chat', () => {
    expect(t('', { addressed: true })).toEqual({ kind: 'command', cmd: { kind: 'help' }, needsBotThread: false });
    expect(t('hello there', { addressed: true })).toMatchObject({ kind: 'command', cmd: { kind: 'unknown' }, needsBotThread: false });
    expect(t('recheck', { addressed: true })).toMatchObject({ cmd: { kind: 'recheck' }, needsBotThread: false });
  });

  it('keeps `diagnose <text>` as sent (escaped) for intake to un-escape once', () => {
    expect(t('diagnose 550 5.1.1 &lt;a@b.example&gt; unknown', { addressed: true })).toMatchObject({ cmd: { kind: 'diagnose', text: '550 5.1.1 &lt;a@b.example&gt; unknown' } });
  });
});

describe('incoming', () => {
  const base = { type: 'message', channel: 'C1', user: 'U1', ts: '1.000001', text: 'hi' };
  it('keeps people\'s messages and file shares, drops bots, itself, edits, deletions and joins', () => {
    expect(incomingMessage(base, 'UBOT')).toMatchObject({ channel: 'C1', user: 'U1', text: 'hi' });
    expect(incomingMessage({ ...base, subtype: 'file_share', files: [{ id: 'F1' }] }, 'UBOT')?.files).toEqual([{ id: 'F1' }]);
    expect(incomingMessage({ ...base, user: 'UBOT' }, 'UBOT')).toBeUndefined();
    expect(incomingMessage({ ...base, bot_id: 'B2' }, 'UBOT')).toBeUndefined();
    for (const subtype of ['message_changed', 'message_deleted', 'channel_join', 'bot_message', 'message_replied']) {
      expect(incomingMessage({ ...base, subtype }, 'UBOT')).toBeUndefined();
    }
  });

  it('finds and strips mentions of the bot only', () => {
    expect(mentionsBot('<@UBOT> recheck', 'UBOT')).toBe(true);
    expect(mentionsBot('<@UOTHER> recheck', 'UBOT')).toBe(false);
    expect(stripMention('<@UBOT|smtpcheck>   recheck', 'UBOT')).toBe('recheck');
  });
});

describe('state envelope in message metadata', () => {
  it('round-trips through the shape Slack accepts (one JSON string, no deep nesting)', () => {
    const envelope = { state: { v: 1 as const, platform: 'postfix' as const, diagnosis: { kind: 'bounce' as const, causes: ['recipient-unknown' as const] } }, source: { ts: '1.000001', file: 'F1' } };
    const metadata = envelopeMetadata(envelope);
    expect(metadata.event_type).toBe(STATE_EVENT_TYPE);
    expect(checkMessage({ text: 'x', metadata })).toBeUndefined();
    expect(readEnvelope(JSON.parse(JSON.stringify(metadata)))).toEqual(envelope);
  });

  it('ignores foreign or broken metadata, and finds the newest envelope the bot left', () => {
    expect(readEnvelope({ event_type: 'other', event_payload: {} })).toBeUndefined();
    expect(readEnvelope({ event_type: STATE_EVENT_TYPE, event_payload: { v: 1, envelope: '{not json' } })).toBeUndefined();
    expect(readEnvelope({ event_type: STATE_EVENT_TYPE, event_payload: { v: 1, envelope: '{"state":{"v":99}}' } })).toEqual({ state: { v: 1 } });
    const me = { botUserId: 'UBOT' };
    const m = (ts: string, user: string, platform?: string) => ({ ts, user, ...(platform ? { metadata: envelopeMetadata({ state: { v: 1, platform: platform as 'exim' } }) } : {}) });
    const thread = { channel: 'C1', rootTs: '1', messages: [m('1', 'U1'), m('2', 'UBOT', 'exim'), m('3', 'UEVIL', 'postfix'), m('4', 'UBOT')] };
    expect(latestEnvelope(thread, me)).toEqual({ envelope: { state: { v: 1, platform: 'exim' } }, ts: '2' });
  });
});

describe('TtlSet', () => {
  it('claims a key once within the TTL, again after it, and stays bounded', () => {
    let now = 0;
    const set = new TtlSet(1000, 3, () => now);
    expect(set.claim('a')).toBe(true);
    expect(set.claim('a')).toBe(false);
    now = 1001;
    expect(set.claim('a')).toBe(true);
    for (const k of ['b', 'c', 'd', 'e']) set.claim(k);
    expect(set.size).toBeLessThanOrEqual(3);
    expect(set.has('e')).toBe(true);
  });
});

describe('shared files', () => {
  it('picks bounce-like files and tells saved emails apart', () => {
    expect(isBounceCandidate({ id: 'F', name: 'x.eml' })).toBe(true);
    expect(isBounceCandidate({ id: 'F', name: 'x.TXT' })).toBe(true);
    expect(isBounceCandidate({ id: 'F', mimetype: 'message/rfc822' })).toBe(true);
    expect(isBounceCandidate({ id: 'F', file_access: 'check_file_info' })).toBe(true);
    expect(isBounceCandidate({ id: 'F', name: 'cat.png', mimetype: 'image/png' })).toBe(false);
    expect(isEmailFile({ id: 'F', name: 'x.msg' })).toBe(true);
    expect(isEmailFile({ id: 'F', name: 'x.txt' })).toBe(false);
  });

  describe('downloadFile', () => {
    let server: http.Server;
    let base: string;
    const seen: { path: string; auth?: string }[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        seen.push({ path: req.url ?? '', auth: req.headers.authorization });
        if (req.url === '/redirect') { res.writeHead(302, { location: '/signin' }); res.end(); return; }
        if (req.url === '/html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>Sign in</html>'); return; }
        if (req.url === '/big') { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('x'.repeat(100_000)); return; }
        res.writeHead(200, { 'content-type': 'message/rfc822' });
        res.end(PASTED_LINE);
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));
    const opts = () => ({ botToken: 'xoxb-test-secret', maxBytes: 1000, extraOrigins: [base] });

    it('sends the bot token and reads the file', async () => {
      const bytes = await downloadFile({ id: 'F', name: 'a.eml', url_private_download: `${base}/ok` }, opts());
      expect(bytes.toString()).toBe(PASTED_LINE);
      expect(seen.at(-1)?.auth).toBe('Bearer xoxb-test-secret');
    });

    it('refuses a redirect or an HTML page (Slack\'s sign-in page) with a message naming files:read', async () => {
      await expect(downloadFile({ id: 'F', name: 'a.eml', url_private_download: `${base}/redirect` }, opts())).rejects.toThrow(/files:read/);
      await expect(downloadFile({ id: 'F', name: 'a.eml', url_private_download: `${base}/html` }, opts())).rejects.toThrow(/sign-in page/);
    });

    it('reads at most maxBytes + 1 bytes, and refuses files far too large before downloading', async () => {
      expect((await downloadFile({ id: 'F', name: 'a.txt', url_private_download: `${base}/big` }, opts())).length).toBe(1001);
      const before = seen.length;
      await expect(downloadFile({ id: 'F', name: 'a.txt', size: 50_000_000, url_private_download: `${base}/big` }, opts())).rejects.toThrow(/too large/);
      expect(seen.length).toBe(before);
    });

    it('never sends the token to a host that is not Slack', async () => {
      const before = seen.length;
      await expect(downloadFile({ id: 'F', name: 'a.eml', url_private_download: `${base}/ok` }, { ...opts(), extraOrigins: [] })).rejects.toThrow(/not stored on Slack/);
      await expect(downloadFile({ id: 'F', name: 'a.eml', url_private_download: 'http://files.slack.com/x' }, { ...opts(), extraOrigins: [] })).rejects.toThrow(/not stored on Slack/);
      expect(seen.length).toBe(before);
    });
  });
});
