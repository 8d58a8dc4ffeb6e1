/**
 * A local fake Slack on 127.0.0.1 that speaks the real wire protocols, so the bot runs unmodified:
 *
 *   Web API     POST /api/<method>  (form or JSON bodies, Bearer token)  with Slack's error answers
 *   Socket Mode WebSocket at the URL apps.connections.open returns: hello, envelopes, acks, disconnect
 *   HTTP mode   signed POSTs to the app's /slack/events (the "signed HTTP driver")
 *   response_url POST /response/<id>       url_private  GET /files-pri/... (Bearer, else 302 to a sign-in page)
 *
 * It validates what the bot sends as Slack would (see validate.ts), records every call with a timestamp,
 * and plays the users' side: posting, editing, sharing files, slash commands, buttons, shortcuts, App Home.
 * What worked against Bolt 5.1.0 is written down in /work/shared/reference/slack-notes.md §3.
 */
import http from 'node:http';
import { once, EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkMessage, checkView, type Rejection } from './validate';
import { Store, messageJson, type Conversation, type ConversationType, type FileObject, type StoredMessage } from './store';
import { eventCallback, findElement, interactionBase, sign, slashCommandBody, type Identity } from './payloads';

export type { Conversation, StoredMessage, FileObject, EphemeralMessage, ResponseUrlPost } from './store';
export { LIMITS } from './validate';

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  /** Bot scopes granted at install; a call needing another answers missing_scope. Default: all. */
  scopes?: string[];
  /** Deliver the bot's own posts and edits back to it as message events, as Slack does. Default true. */
  echoBotMessages?: boolean;
  /** How long a delivery waits for the app's ack before it counts as unacknowledged. */
  ackTimeoutMs?: number;
}

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
  ok: boolean;
  error?: string;
  /** Why the fake rejected it (limit broken), when it did. */
  detail?: string;
  /** What the fake answered (ok calls), e.g. the new message's ts. */
  result?: Record<string, unknown>;
}

export type DeliveryKind = 'events_api' | 'slash_commands' | 'interactive';

export interface AckRecord {
  kind: DeliveryKind;
  envelopeId?: string;
  /** performance.now() when the delivery was sent and when the ack came back. */
  sentAt: number;
  ackedAt?: number;
  /** Milliseconds from send to ack; undefined when never acked. */
  ms?: number;
  acked: boolean;
  /** The ack's payload (socket) or the HTTP response body, parsed when JSON. */
  body?: unknown;
  /** HTTP status (HTTP transport only). */
  status?: number;
}

export interface Delivery { ack: AckRecord }

type Transport = { kind: 'socket' } | { kind: 'http'; url: string; signingSecret: string };

interface InjectedFailure { error: string; status: number; retryAfter?: number; remaining: number }

const METHOD_SCOPES: Record<string, string | ((c: Conversation | undefined) => string)> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'reactions.add': 'reactions:write',
  'files.info': 'files:read',
  'conversations.replies': (c) => `${c?.type === 'channel' ? 'channels' : c?.type === 'group' ? 'groups' : c?.type ?? 'channels'}:history`,
};

const JSON_FIELDS = ['blocks', 'attachments', 'metadata', 'view'];

class ApiFailure extends Error {
  constructor(readonly error: string, readonly detail?: string, readonly status = 200, readonly retryAfter?: number) {
    super(error);
  }
}

export class FakeSlack extends EventEmitter {
  readonly store = new Store();
  readonly calls: ApiCall[] = [];
  readonly acks: AckRecord[] = [];
  /** performance.now() of every WebSocket ping the app sent (proves its event loop kept running). */
  readonly pings: number[] = [];
  readonly identity: Identity = { teamId: 'T0FAKE', teamDomain: 'fake-workspace', appId: 'A0FAKEAPP', botUserId: 'U0BOT', verificationToken: 'fake-verification-token' };
  readonly botId = 'B0BOT';
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly baseUrl: string;
  readonly apiUrl: string;
  /** Downloads of url_private, with whether they carried the bot token. */
  readonly downloads: { path: string; authorized: boolean; at: number }[] = [];

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly tickets = new Set<string>();
  private readonly pendingAcks = new Map<string, (body: unknown) => void>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly triggers = new Map<string, { at: number; used: boolean }>();
  private readonly responseUrls = new Map<string, { channel: string; user: string; uses: number }>();
  private transport: Transport = { kind: 'socket' };
  private stopped = false;
  private seq = 0;
  private readonly opts: Required<Omit<FakeSlackOptions, 'scopes'>> & { scopes?: string[] };

  private constructor(server: http.Server, opts: FakeSlackOptions) {
    super();
    this.setMaxListeners(0);
    this.server = server;
    const port = (server.address() as AddressInfo).port;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.opts = {
      botToken: opts.botToken ?? 'xoxb-test-0000-fakebottoken',
      appToken: opts.appToken ?? 'xapp-test-0000-fakeapptoken',
      signingSecret: opts.signingSecret ?? 'fake-signing-secret-0123456789',
      echoBotMessages: opts.echoBotMessages ?? true,
      ackTimeoutMs: opts.ackTimeoutMs ?? 5000,
      scopes: opts.scopes,
    };
    this.botToken = this.opts.botToken;
    this.appToken = this.opts.appToken;
    this.signingSecret = this.opts.signingSecret;
    this.wss = new WebSocketServer({ noServer: true });
    server.on('request', (req, res) => { void this.route(req, res); });
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    // A default workspace: a public channel with the bot, one without, a private channel, a DM with the bot.
    this.store.addConversation({ id: 'C0GENERAL', name: 'general', type: 'channel', botMember: true });
    this.store.addConversation({ id: 'C0NOBOT', name: 'random', type: 'channel', botMember: false });
    this.store.addConversation({ id: 'G0PRIVATE', name: 'mail-admins', type: 'group', botMember: true });
    this.store.addConversation({ id: 'D0USERBOT', name: 'dm-bot', type: 'im', botMember: true });
    this.store.addConversation({ id: 'D0TWOUSERS', name: 'dm-users', type: 'im', botMember: false });
  }

  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeSlack(server, opts);
  }

  // ---------------------------------------------------------------- transport

  useSocketMode(): void {
    this.transport = { kind: 'socket' };
  }

  /** Deliver to an HTTP-mode app at `url` (its /slack/events endpoint), signed with `signingSecret`. */
  useHttp(url: string, signingSecret = this.signingSecret): void {
    this.transport = { kind: 'http', url, signingSecret };
  }

  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  async waitForSocket(timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => (this.openSockets > 0 ? true : undefined), timeoutMs, 'an open Socket Mode connection');
  }

  async waitForNoSockets(timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => (this.sockets.size === 0 ? true : undefined), timeoutMs, 'all Socket Mode connections closed');
  }

  /** Ask every connected client to reconnect, as Slack does before rotating a connection. */
  sendDisconnect(reason = 'refresh_requested'): void {
    for (const s of this.sockets) s.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.emit('change');
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- what users do

  addConversation(c: { id: string; name?: string; type?: ConversationType; botMember?: boolean }): Conversation {
    return this.store.addConversation({ id: c.id, name: c.name ?? c.id.toLowerCase(), type: c.type ?? 'channel', botMember: c.botMember ?? true });
  }

  /**
   * A person (or another bot) posts. Stores the message and, when the bot is in the conversation,
   * delivers the `message` event (plus `app_mention` when the text mentions the bot, as Slack does).
   */
  async postMessage(channel: string, user: string, text: string, opts: {
    thread_ts?: string; subtype?: string; bot_id?: string; files?: FileObject[] | { id: string; file_access: string }[];
    eventId?: string; retryAttempt?: number; retryReason?: string;
  } = {}): Promise<{ message: StoredMessage; eventId: string; ack?: AckRecord; mentionAck?: AckRecord }> {
    const conv = this.conversation(channel);
    const message = this.store.add({
      channel, user, text, thread_ts: opts.thread_ts, subtype: opts.subtype, bot_id: opts.bot_id,
      files: opts.files?.every((f) => 'name' in f) ? (opts.files as FileObject[]) : undefined,
    });
    const eventId = opts.eventId ?? this.newId('Ev');
    // Slack delivers message events only for conversations the bot is in.
    if (!conv.botMember) return { message, eventId };
    const event: Record<string, unknown> = {
      type: 'message', channel, user, text, ts: message.ts, event_ts: message.ts, channel_type: conv.type, team: this.identity.teamId,
    };
    if (opts.thread_ts) event.thread_ts = opts.thread_ts;
    if (opts.subtype) event.subtype = opts.subtype;
    if (opts.bot_id) event.bot_id = opts.bot_id;
    if (opts.files) event.files = opts.files;
    if (opts.files) event.upload = false;
    const ack = await this.deliverEvent(event, { eventId, retryAttempt: opts.retryAttempt, retryReason: opts.retryReason });
    let mentionAck: AckRecord | undefined;
    if (text.includes(`<@${this.identity.botUserId}>`) && conv.type !== 'im' && !opts.subtype) {
      const mention: Record<string, unknown> = { type: 'app_mention', channel, user, text, ts: message.ts, event_ts: message.ts, team: this.identity.teamId };
      if (opts.thread_ts) mention.thread_ts = opts.thread_ts;
      mentionAck = await this.deliverEvent(mention, {});
    }
    return { message, eventId, ack, mentionAck };
  }

  /** Re-send the very same event (same event_id), as Slack does when an ack was late or failed. */
  async redeliverMessage(message: StoredMessage, eventId: string, retryAttempt = 1, retryReason = 'timeout'): Promise<AckRecord> {
    const conv = this.conversation(message.channel);
    const event: Record<string, unknown> = { type: 'message', channel: message.channel, user: message.user, text: message.text, ts: message.ts, event_ts: message.ts, channel_type: conv.type };
    if (message.thread_ts) event.thread_ts = message.thread_ts;
    return this.deliverEvent(event, { eventId, retryAttempt, retryReason });
  }

  /** A person edits a message: Slack sends subtype message_changed with the new text under `message`. */
  async editMessage(channel: string, ts: string, text: string): Promise<AckRecord> {
    const m = this.mustFind(channel, ts);
    const previous = messageJson(m, { includeMetadata: false });
    m.text = text;
    m.edited = { user: m.user ?? '', ts: this.store.nextTs() };
    const conv = this.conversation(channel);
    return this.deliverEvent({
      type: 'message', subtype: 'message_changed', hidden: true, channel, channel_type: conv.type, ts: this.store.nextTs(),
      event_ts: m.edited.ts, message: messageJson(m, { includeMetadata: false }), previous_message: previous,
    }, {});
  }

  /** Register a file the way Slack stores uploads; url_private needs the bot token to download. */
  addFile(f: { name: string; content: Buffer | string; mimetype?: string; filetype?: string; user?: string }): FileObject {
    const id = this.newId('F');
    const content = Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8');
    const safe = encodeURIComponent(f.name);
    const file: FileObject = {
      id, name: f.name, title: f.name, mimetype: f.mimetype ?? 'text/plain', filetype: f.filetype ?? 'text', size: content.length,
      url_private: `${this.baseUrl}/files-pri/${this.identity.teamId}-${id}/${safe}`,
      url_private_download: `${this.baseUrl}/files-pri/${this.identity.teamId}-${id}/download/${safe}`,
      user: f.user ?? 'U0ALICE',
    };
    this.store.files.set(id, { file, content });
    return file;
  }

  /**
   * A person shares a file in a conversation: `message` subtype `file_share`. With `onlyId`, the event
   * carries only `{id, file_access: "check_file_info"}` and the app must call files.info (as Slack sometimes does).
   */
  async shareFile(channel: string, user: string, file: FileObject, opts: { text?: string; onlyId?: boolean; thread_ts?: string } = {}) {
    const files = opts.onlyId ? [{ id: file.id, file_access: 'check_file_info' }] : [file];
    const res = await this.postMessage(channel, user, opts.text ?? '', { subtype: 'file_share', files, thread_ts: opts.thread_ts });
    res.message.files = [file];
    return res;
  }

  /** Someone types `/smtpcheck <text>` in `channel`. */
  async slashCommand(channel: string, user: string, text: string, command = '/smtpcheck'): Promise<{ ack: AckRecord; responseUrl: string; responseId: string; triggerId: string }> {
    const conv = this.store.conversations.get(channel);
    const { url: responseUrl, id: responseId } = this.newResponseUrl(channel, user);
    const triggerId = this.newTrigger();
    const body = slashCommandBody(this.identity, { command, text, channelId: channel, channelName: conv?.name ?? 'directmessage', userId: user, responseUrl, triggerId });
    const ack = await this.deliver('slash_commands', body);
    this.recordAckAsEphemeral(ack, channel, user);
    return { ack, responseUrl, responseId, triggerId };
  }

  /** Someone clicks a button (found by action_id in a stored or ephemeral message). */
  async clickButton(channel: string, ts: string, actionId: string, user = 'U0ALICE'): Promise<{ ack: AckRecord; responseId: string }> {
    return this.blockAction(channel, ts, actionId, user, (el, blockId) => ({
      type: 'button', action_id: actionId, block_id: blockId, text: el.text, value: el.value, action_ts: this.store.nextTs(),
    }));
  }

  /** Someone picks `value` in a static select. */
  async selectOption(channel: string, ts: string, actionId: string, value: string, user = 'U0ALICE'): Promise<{ ack: AckRecord; responseId: string }> {
    return this.blockAction(channel, ts, actionId, user, (el, blockId) => {
      const options = (el.options as { value: string }[]) ?? [];
      const selected = options.find((o) => o.value === value);
      if (!selected) throw new Error(`fake-slack: select ${actionId} has no option ${value} (has ${options.map((o) => o.value).join(', ')})`);
      return { type: 'static_select', action_id: actionId, block_id: blockId, selected_option: selected, placeholder: el.placeholder, action_ts: this.store.nextTs() };
    });
  }

  /** Someone runs the message shortcut `callbackId` on a message. */
  async messageShortcut(channel: string, ts: string, user = 'U0ALICE', callbackId = 'diagnose_bounce'): Promise<{ ack: AckRecord; responseId: string; triggerId: string }> {
    const m = this.mustFind(channel, ts);
    const conv = this.conversation(channel);
    const { url: responseUrl, id: responseId } = this.newResponseUrl(channel, user);
    const triggerId = this.newTrigger();
    const payload = {
      type: 'message_action', callback_id: callbackId, action_ts: this.store.nextTs(), message_ts: ts,
      ...interactionBase(this.identity, user, triggerId),
      channel: { id: channel, name: conv.name }, message: messageJson(m, { includeMetadata: false }), response_url: responseUrl,
    };
    const ack = await this.deliver('interactive', payload);
    return { ack, responseId, triggerId };
  }

  /** Someone opens the app's Home tab. */
  async openAppHome(user = 'U0ALICE'): Promise<AckRecord> {
    return this.deliverEvent({ type: 'app_home_opened', user, channel: 'D0USERBOT', tab: 'home', event_ts: this.store.nextTs() }, {});
  }

  // ---------------------------------------------------------------- looking at what happened

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  replies(channel: string, rootTs: string): StoredMessage[] {
    return this.store.replies(channel, rootTs);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.store.find(channel, ts);
  }

  /** Messages the bot posted (not ephemerals), oldest first. */
  botMessages(channel?: string): StoredMessage[] {
    const all = [...this.store.messages.values()].flat().filter((m) => m.user === this.identity.botUserId);
    return channel ? all.filter((m) => m.channel === channel) : all;
  }

  ephemerals(user?: string) {
    return user ? this.store.ephemerals.filter((e) => e.user === user) : this.store.ephemerals;
  }

  responsePosts(responseId?: string) {
    return responseId ? this.store.responsePosts.filter((p) => p.id === responseId) : this.store.responsePosts;
  }

  homeView(user: string): Record<string, unknown> | undefined {
    return this.store.homeViews.get(user)?.view;
  }

  /**
   * Resolve with the first truthy value of `probe`, re-checked on every change the fake sees
   * (and every 20 ms, for changes outside it). Rejects with `label` after `timeoutMs`.
   */
  waitFor<T>(probe: () => T | undefined | false | null, timeoutMs = 5000, label = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let v: T | undefined | false | null;
        try { v = probe(); } catch (err) { done(); reject(err); return; }
        if (v) { done(); resolve(v); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`fake-slack: timed out after ${timeoutMs} ms waiting for ${label}`)); }, timeoutMs);
      const poll = setInterval(check, 20);
      const done = () => { clearTimeout(timer); clearInterval(poll); this.off('change', check); };
      this.on('change', check);
      check();
    });
  }

  /** Wait until every delivery the fake started (including echoes of the bot's own posts) has been acked. */
  async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Make the next `count` calls of `method` fail with `error` (429 + Retry-After for 'ratelimited'). */
  failNext(method: string, error: string, opts: { count?: number; retryAfter?: number } = {}): void {
    const list = this.failures.get(method) ?? [];
    list.push({ error, status: error === 'ratelimited' ? 429 : 200, retryAfter: opts.retryAfter ?? (error === 'ratelimited' ? 1 : undefined), remaining: opts.count ?? 1 });
    this.failures.set(method, list);
  }

  // ---------------------------------------------------------------- deliveries

  async deliverEvent(event: Record<string, unknown>, o: { eventId?: string; retryAttempt?: number; retryReason?: string }): Promise<AckRecord> {
    return this.deliver('events_api', eventCallback(this.identity, event, o.eventId ?? this.newId('Ev')), o);
  }

  /** Send one envelope (socket) or one signed request (HTTP) and resolve with its ack. */
  deliver(kind: DeliveryKind, payload: Record<string, unknown>, o: { retryAttempt?: number; retryReason?: string } = {}): Promise<AckRecord> {
    const p = this.transport.kind === 'socket' ? this.deliverSocket(kind, payload, o) : this.deliverHttp(this.transport, kind, payload, o);
    this.inFlight.add(p);
    const forget = () => { this.inFlight.delete(p); };
    p.then(forget, forget);
    return p;
  }

  /** POST a raw body to the HTTP-mode app, signed (or deliberately mis-signed / stale). */
  async signedPost(url: string, rawBody: string, contentType: string, o: {
    secret?: string; timestamp?: number; badSignature?: boolean; headers?: Record<string, string>;
  } = {}): Promise<{ status: number; body: string; ms: number }> {
    const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = o.badSignature ? 'v0=' + '0'.repeat(64) : sign(o.secret ?? this.signingSecret, ts, rawBody);
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, ...o.headers },
      body: rawBody,
    });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  }

  private async deliverSocket(kind: DeliveryKind, payload: Record<string, unknown>, o: { retryAttempt?: number; retryReason?: string }): Promise<AckRecord> {
    await this.waitFor(() => this.stopped || this.openSockets > 0, this.opts.ackTimeoutMs, 'an open Socket Mode connection');
    if (this.stopped) return { kind, sentAt: performance.now(), acked: false };
    const socket = [...this.sockets].reverse().find((s) => s.readyState === s.OPEN);
    if (!socket) throw new Error('fake-slack: no open Socket Mode connection');
    const envelopeId = randomBytes(8).toString('hex');
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId, type: kind, payload, accepts_response_payload: kind !== 'events_api',
    };
    if (kind === 'events_api') {
      envelope.retry_attempt = o.retryAttempt ?? 0;
      envelope.retry_reason = o.retryReason ?? '';
    }
    const record: AckRecord = { kind, envelopeId, sentAt: performance.now(), acked: false };
    this.acks.push(record);
    const acked = new Promise<unknown>((resolve) => this.pendingAcks.set(envelopeId, resolve));
    socket.send(JSON.stringify(envelope));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), this.opts.ackTimeoutMs); });
    const result = await Promise.race([acked, timeout]);
    clearTimeout(timer);
    this.pendingAcks.delete(envelopeId);
    if (result !== 'timeout') {
      record.acked = true;
      record.ackedAt = performance.now();
      record.ms = record.ackedAt - record.sentAt;
      record.body = result;
    }
    this.changed();
    return record;
  }

  private async deliverHttp(t: { url: string; signingSecret: string }, kind: DeliveryKind, payload: Record<string, unknown>, o: { retryAttempt?: number; retryReason?: string }): Promise<AckRecord> {
    let raw: string;
    let type: string;
    const headers: Record<string, string> = {};
    if (kind === 'events_api') {
      raw = JSON.stringify(payload);
      type = 'application/json';
      if (o.retryAttempt) {
        headers['x-slack-retry-num'] = String(o.retryAttempt);
        headers['x-slack-retry-reason'] = o.retryReason ?? 'http_timeout';
      }
    } else if (kind === 'slash_commands') {
      raw = new URLSearchParams(payload as Record<string, string>).toString();
      type = 'application/x-www-form-urlencoded';
    } else {
      raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      type = 'application/x-www-form-urlencoded';
    }
    const record: AckRecord = { kind, sentAt: performance.now(), acked: false };
    this.acks.push(record);
    const res = await this.signedPost(t.url, raw, type, { secret: t.signingSecret, headers });
    record.status = res.status;
    record.ackedAt = performance.now();
    record.acked = res.status === 200;
    record.ms = record.ackedAt - record.sentAt;
    try { record.body = res.body ? JSON.parse(res.body) : {}; } catch { record.body = res.body; }
    this.changed();
    return record;
  }

  private async blockAction(channel: string, ts: string, actionId: string, user: string,
    build: (el: Record<string, unknown>, blockId: string) => Record<string, unknown>): Promise<{ ack: AckRecord; responseId: string }> {
    const stored = this.store.find(channel, ts);
    const ephemeral = stored ? undefined : this.store.ephemerals.find((e) => e.channel === channel && e.ts === ts);
    const blocks = stored?.blocks ?? ephemeral?.blocks;
    if (!stored && !ephemeral) throw new Error(`fake-slack: no message ${channel}/${ts} to click in`);
    const found = findElement(blocks, actionId);
    if (!found) throw new Error(`fake-slack: message ${channel}/${ts} has no element with action_id ${actionId}`);
    const conv = this.conversation(channel);
    const { url: responseUrl, id: responseId } = this.newResponseUrl(channel, user);
    const triggerId = this.newTrigger();
    const threadTs = stored?.thread_ts ?? ephemeral?.thread_ts;
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      ...interactionBase(this.identity, user, triggerId),
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: !stored, ...(threadTs ? { thread_ts: threadTs } : {}) },
      channel: { id: channel, name: conv.name },
      state: { values: {} },
      response_url: responseUrl,
      actions: [build(found.element, found.blockId)],
    };
    // Slack includes the message for in-channel messages only; ephemeral sources carry just the container.
    if (stored) payload.message = messageJson(stored, { includeMetadata: false });
    const ack = await this.deliver('interactive', payload);
    return { ack, responseId };
  }

  private recordAckAsEphemeral(ack: AckRecord, channel: string, user: string): void {
    const body = ack.body as Record<string, unknown> | undefined;
    if (body && typeof body === 'object' && (body.text || body.blocks)) {
      this.store.ephemerals.push({ channel, user, ts: this.store.nextTs(), text: body.text as string | undefined, blocks: body.blocks as unknown[] | undefined, via: 'ack' });
      this.changed();
    }
  }

  // ---------------------------------------------------------------- HTTP side

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const body = await readBody(req);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) return this.api(url.pathname.slice(5), req, body, res);
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) return this.responseUrl(url.pathname.slice(10), body, res);
    if (req.method === 'GET' && url.pathname.startsWith('/files-pri/')) return this.download(url.pathname, req, res);
    if (req.method === 'GET' && url.pathname === '/signin') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><head><title>Sign in | Slack</title></head><body><form action="/signin">Sign in to your workspace</form></body></html>');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  private async api(method: string, req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): Promise<void> {
    const args = parseArgs(req.headers['content-type'] ?? '', raw);
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : '';
    const call: ApiCall = { method, args, at: performance.now(), ok: false };
    this.calls.push(call);
    let status = 200;
    let out: Record<string, unknown>;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    try {
      const injected = this.takeFailure(method);
      if (injected) throw new ApiFailure(injected.error, 'injected by the test', injected.status, injected.retryAfter);
      out = { ok: true, ...this.handle(method, args, token) };
      call.ok = true;
      call.result = out;
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      status = err.status;
      if (err.retryAfter !== undefined) headers['retry-after'] = String(err.retryAfter);
      out = { ok: false, error: err.error, ...(err.detail ? { response_metadata: { messages: [`[ERROR] ${err.detail}`] } } : {}) };
      call.error = err.error;
      call.detail = err.detail;
    }
    res.writeHead(status, headers);
    res.end(JSON.stringify(out));
    this.changed();
  }

  private handle(method: string, args: Record<string, unknown>, token: string): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      if (token !== this.appToken) throw new ApiFailure(token ? 'invalid_auth' : 'not_authed');
      const ticket = randomBytes(12).toString('hex');
      this.tickets.add(ticket);
      return { url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link?ticket=${ticket}` };
    }
    if (!token) throw new ApiFailure('not_authed');
    if (token !== this.botToken) throw new ApiFailure('invalid_auth');
    const conv = typeof args.channel === 'string' ? this.store.conversations.get(args.channel) : undefined;
    const scope = METHOD_SCOPES[method];
    const needed = typeof scope === 'function' ? scope(conv) : scope;
    if (needed && this.opts.scopes && !this.opts.scopes.includes(needed)) throw new ApiFailure('missing_scope', `needs ${needed}`);
    switch (method) {
      case 'auth.test':
        return { url: `https://${this.identity.teamDomain}.slack.com/`, team: 'Fake Workspace', user: 'smtpdoctor', team_id: this.identity.teamId, user_id: this.identity.botUserId, bot_id: this.botId, is_enterprise_install: false };
      case 'chat.postMessage': return this.chatPostMessage(args);
      case 'chat.update': return this.chatUpdate(args);
      case 'chat.postEphemeral': return this.chatPostEphemeral(args);
      case 'reactions.add': return this.reactionsAdd(args);
      case 'files.info': {
        const f = this.store.files.get(String(args.file ?? ''));
        if (!f) throw new ApiFailure('file_not_found');
        return { file: f.file };
      }
      case 'conversations.replies': {
        const c = this.postable(args.channel, true);
        const thread = this.store.thread(c.id, String(args.ts ?? ''));
        if (!thread.length) throw new ApiFailure('thread_not_found');
        const includeMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        return { messages: thread.map((m) => messageJson(m, { includeMetadata })), has_more: false };
      }
      case 'views.publish': {
        const view = args.view as Record<string, unknown>;
        const bad = checkView(view);
        if (bad) throw reject(bad);
        if (typeof args.user_id !== 'string' || !args.user_id) throw new ApiFailure('invalid_arguments', 'user_id is required');
        this.store.homeViews.set(args.user_id, { view, at: performance.now() });
        return { view: { id: this.newId('V'), ...view } };
      }
      case 'views.open': {
        const trigger = this.triggers.get(String(args.trigger_id ?? ''));
        if (!trigger) throw new ApiFailure('invalid_trigger_id');
        if (trigger.used || performance.now() - trigger.at > 3000) throw new ApiFailure('expired_trigger_id');
        const bad = checkView(args.view);
        if (bad) throw reject(bad);
        trigger.used = true;
        this.store.openedViews.push({ trigger_id: String(args.trigger_id), view: args.view as Record<string, unknown> });
        return { view: { id: this.newId('V'), ...(args.view as object) } };
      }
      default:
        throw new ApiFailure('unknown_method', `the fake does not implement ${method}`);
    }
  }

  private chatPostMessage(args: Record<string, unknown>): Record<string, unknown> {
    const c = this.postable(args.channel);
    const bad = checkMessage(args);
    if (bad) throw reject(bad);
    const thread = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
    const { channel: _c, text, blocks, metadata, thread_ts: _t, token: _tok, ...options } = args;
    const m = this.store.add({
      channel: c.id, user: this.identity.botUserId, bot_id: this.botId, app_id: this.identity.appId, thread_ts: thread,
      text: text as string | undefined, blocks: blocks as unknown[] | undefined, metadata: metadata as StoredMessage['metadata'], options,
    });
    this.echo({ type: 'message', channel: c.id, channel_type: c.type, ...messageJson(m, { includeMetadata: false }), event_ts: m.ts });
    return { channel: c.id, ts: m.ts, message: messageJson(m, { includeMetadata: false }) };
  }

  private chatUpdate(args: Record<string, unknown>): Record<string, unknown> {
    const c = this.postable(args.channel);
    const m = this.store.find(c.id, String(args.ts ?? ''));
    if (!m) throw new ApiFailure('message_not_found');
    if (m.user !== this.identity.botUserId) throw new ApiFailure('cant_update_message');
    const bad = checkMessage(args, { requireContent: false });
    if (bad) throw reject(bad);
    const previous = messageJson(m, { includeMetadata: false });
    if (args.text !== undefined) m.text = args.text as string;
    if (args.blocks !== undefined) m.blocks = args.blocks as unknown[];
    if (args.metadata !== undefined) m.metadata = args.metadata as StoredMessage['metadata'];
    m.updates += 1;
    m.edited = { user: this.identity.botUserId, ts: this.store.nextTs() };
    this.echo({
      type: 'message', subtype: 'message_changed', hidden: true, channel: c.id, channel_type: c.type, ts: this.store.nextTs(), event_ts: m.edited.ts,
      message: messageJson(m, { includeMetadata: false }), previous_message: previous,
    });
    return { channel: c.id, ts: m.ts, text: m.text };
  }

  private chatPostEphemeral(args: Record<string, unknown>): Record<string, unknown> {
    const c = this.postable(args.channel);
    if (typeof args.user !== 'string' || !args.user) throw new ApiFailure('user_not_in_channel');
    const bad = checkMessage(args);
    if (bad) throw reject(bad);
    const ts = this.store.nextTs();
    this.store.ephemerals.push({ channel: c.id, user: args.user, ts, thread_ts: args.thread_ts as string | undefined, text: args.text as string | undefined, blocks: args.blocks as unknown[] | undefined, via: 'chat.postEphemeral' });
    return { message_ts: ts };
  }

  private reactionsAdd(args: Record<string, unknown>): Record<string, unknown> {
    const c = this.postable(args.channel);
    const m = this.store.find(c.id, String(args.timestamp ?? ''));
    if (!m) throw new ApiFailure('message_not_found');
    const name = String(args.name ?? '');
    if (!/^[a-z0-9_+-]+$/.test(name)) throw new ApiFailure('invalid_name');
    let r = m.reactions.find((x) => x.name === name);
    if (!r) { r = { name, users: [] }; m.reactions.push(r); }
    if (r.users.includes(this.identity.botUserId)) throw new ApiFailure('already_reacted');
    r.users.push(this.identity.botUserId);
    return {};
  }

  /** The conversation the bot may post in (or read), or Slack's error for why not. */
  private postable(channel: unknown, reading = false): Conversation {
    const c = typeof channel === 'string' ? this.store.conversations.get(channel) : undefined;
    if (!c) throw new ApiFailure('channel_not_found');
    if (!c.botMember) throw new ApiFailure(c.type === 'im' || c.type === 'mpim' || (c.type === 'group' && !reading) ? 'channel_not_found' : 'not_in_channel');
    return c;
  }

  private responseUrl(id: string, raw: Buffer, res: http.ServerResponse): void {
    const target = this.responseUrls.get(id);
    let body: Record<string, unknown> = {};
    try { body = JSON.parse(raw.toString('utf8')); } catch { /* recorded as empty */ }
    let status = 200;
    let answer = 'ok';
    if (!target) { status = 404; answer = 'no_such_url'; }
    else if (target.uses >= 5) { status = 404; answer = 'used_url'; }
    else {
      const bad = checkMessage(body);
      if (bad) { status = 400; answer = bad.error; }
      else {
        target.uses += 1;
        if (body.response_type !== 'in_channel') {
          this.store.ephemerals.push({ channel: target.channel, user: target.user, ts: this.store.nextTs(), text: body.text as string | undefined, blocks: body.blocks as unknown[] | undefined, via: 'response_url' });
        }
      }
    }
    this.store.responsePosts.push({ id, at: performance.now(), body, status });
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(answer);
    this.changed();
  }

  private download(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const auth = String(req.headers.authorization ?? '');
    const authorized = auth === `Bearer ${this.botToken}`;
    this.downloads.push({ path: pathname, authorized, at: performance.now() });
    this.changed();
    // Without the token, or with a token lacking files:read, Slack sends the browser to sign in.
    const scoped = !this.opts.scopes || this.opts.scopes.includes('files:read');
    if (!authorized || !scoped) {
      // What Slack does without a valid token: send the browser to the sign-in page.
      res.writeHead(302, { location: `${this.baseUrl}/signin?redir=${encodeURIComponent(pathname)}` });
      res.end();
      return;
    }
    const m = /^\/files-pri\/[^/]+-(F[A-Z0-9]+)\//.exec(pathname);
    const f = m ? this.store.files.get(m[1]) : undefined;
    if (!f) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('file_not_found'); return; }
    res.writeHead(200, { 'content-type': f.file.mimetype, 'content-length': String(f.content.length) });
    res.end(f.content);
  }

  // ---------------------------------------------------------------- Socket Mode side

  private upgrade(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link' || !this.tickets.delete(ticket)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('ping', () => { this.pings.push(performance.now()); });
      ws.on('message', (data) => {
        let msg: { envelope_id?: string; payload?: unknown };
        try { msg = JSON.parse(data.toString()); } catch { return; }
        const resolve = msg.envelope_id ? this.pendingAcks.get(msg.envelope_id) : undefined;
        if (resolve) resolve(msg.payload ?? {});
      });
      ws.on('close', () => { this.sockets.delete(ws); this.changed(); });
      ws.send(JSON.stringify({ type: 'hello', num_connections: this.sockets.size, debug_info: { host: 'fake-slack', approximate_connection_time: 18060 }, connection_info: { app_id: this.identity.appId } }));
      this.changed();
    });
  }

  // ---------------------------------------------------------------- helpers

  private echo(event: Record<string, unknown>): void {
    if (!this.opts.echoBotMessages) return;
    const conv = this.store.conversations.get(String(event.channel));
    if (!conv?.botMember) return;
    // Fire and forget, like Slack; settle() waits for these.
    void this.deliverEvent(event, {}).catch(() => undefined);
  }

  private conversation(id: string): Conversation {
    const c = this.store.conversations.get(id);
    if (!c) throw new Error(`fake-slack: no conversation ${id}; add it with addConversation()`);
    return c;
  }

  private mustFind(channel: string, ts: string): StoredMessage {
    const m = this.store.find(channel, ts);
    if (!m) throw new Error(`fake-slack: no message ${channel}/${ts}`);
    return m;
  }

  private newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(6, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
  }

  private newTrigger(): string {
    const id = `${this.seq}.${randomBytes(6).toString('hex')}`;
    this.triggers.set(id, { at: performance.now(), used: false });
    return id;
  }

  private newResponseUrl(channel: string, user: string): { url: string; id: string } {
    const id = randomBytes(8).toString('hex');
    this.responseUrls.set(id, { channel, user, uses: 0 });
    return { url: `${this.baseUrl}/response/${id}`, id };
  }

  private takeFailure(method: string): InjectedFailure | undefined {
    const list = this.failures.get(method);
    const f = list?.[0];
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) list.shift();
    return f;
  }

  private changed(): void {
    this.emit('change');
  }
}

function reject(r: Rejection): ApiFailure {
  return new ApiFailure(r.error, r.detail);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Web API bodies are form-encoded with nested values as JSON strings (what @slack/web-api sends), or JSON. */
function parseArgs(contentType: string, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (!text) return {};
  if (contentType.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    if (JSON_FIELDS.includes(k)) {
      try { out[k] = JSON.parse(v); continue; } catch { /* keep the raw string: the validator will say what is wrong */ }
    }
    out[k] = v;
  }
  return out;
}

export const startFakeSlack = (opts?: FakeSlackOptions) => FakeSlack.start(opts);
