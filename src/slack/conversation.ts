/**
 * One turn of a conversation in Slack: state in (from the thread's metadata), the conversation core's
 * answer out (bot/handle — the same logic the local console uses), rendered as Block Kit and posted
 * where it belongs, with the next state attached as message metadata.
 *
 * Probes take seconds, so when the core starts one we first post "Checking …" in the thread and later
 * replace it with the result; progress lines update it at most every PROGRESS_EVERY_MS.
 */
import { performance } from 'node:perf_hooks';
import { handleCommand, initialState, type UnknownInput } from '../bot/handle';
import type { Command } from '../bot/commands';
import type { BotReply, HandleDeps, ProbeOptions } from '../bot/types';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ProbeProgress } from '../probe/types';
import { renderError, renderProbeProgress, renderProbeStarted, renderReply } from '../render/blockkit';
import type { TtlSet } from './dedupe';
import { requestEngine, type SlackEngines } from './engine';
import { downloadFile, isBounceCandidate, resolveFile } from './files';
import { stripMention } from './incoming';
import { post, react, slackError, tellPrivately, update, type Place, type Posted } from './post';
import { envelopeMetadata, loadThread, type BotIdentity, type BounceSource, type Envelope, type Thread } from './thread';

/** Bounces that came with `/smtpcheck diagnose …` exist nowhere in Slack; a small bounded cache keeps them for follow-ups. */
export class BounceCache {
  private readonly entries = new Map<string, { text: string; expires: number }>();
  constructor(private readonly maxEntries = 200, private readonly ttlMs = 2 * 60 * 60 * 1000) {}
  put(key: string, text: string): void {
    this.entries.delete(key);
    this.entries.set(key, { text, expires: Date.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
  get(key: string): string | undefined {
    const e = this.entries.get(key);
    return e && e.expires > Date.now() ? e.text : undefined;
  }
}

/** Everything the Slack adapter's handlers share. */
export interface Bot {
  config: Config;
  logger: Logger;
  me: BotIdentity;
  engines: SlackEngines;
  /** Keys of messages already answered (channel:ts), against duplicate deliveries and mention/message pairs. */
  answered: TtlSet;
  slashBounces: BounceCache;
  /** Origins besides Slack's file hosts allowed to receive the bot token (the configured API base). */
  fileOrigins: string[];
}

export const REACTION_DIAGNOSED = 'mag';
const PROGRESS_EVERY_MS = 2000;

export interface TurnOptions {
  /** The conversation's state so far (undefined: a new conversation). */
  envelope?: Envelope;
  /** The thread, when it was loaded (to recall the bounce without another API call). */
  thread?: Thread;
  /** Where a bounce diagnosed in this turn lives. */
  newSource?: BounceSource;
  /** How the core's strings are to be read (a file request passes bytes as latin1). */
  input?: 'slack-text' | 'file-bytes-as-latin1';
  /** The rate limiter was already consulted (slash commands, before their ack). */
  admitted?: boolean;
  /** Answer only the person who asked (Show details, Show transcript). */
  privately?: boolean;
  /** An unaddressed paste the parser rejects gets no answer at all. */
  silentIfNotBounce?: boolean;
  /** Add the :mag: reaction to this message when a diagnosis is posted. */
  reactTo?: string;
  /** Replace this message with the answer when the answer is of one of `kinds` (the platform select). */
  replace?: { ts: string; kinds: BotReply['kind'][] };
  /** Only answers of these kinds are posted for all to see; the rest go to the asker alone (slash commands). */
  publicKinds?: BotReply['kind'][];
  /** Post "Checking …" in the thread while a probe runs (default true; slash commands have their own root). */
  placeholder?: boolean;
}

export interface TurnResult {
  reply: BotReply;
  /** How the answer went out. */
  delivered: 'thread' | 'updated' | 'private' | 'response_url' | 'silent';
  /** ts of the posted (or updated) message carrying the new state. */
  ts?: string;
}

function progressLine(e: ProbeProgress): string {
  return `${e.message}${e.elapsedMs ? ` (${(e.elapsedMs / 1000).toFixed(1)} s)` : ''}`;
}

/** The conversation's bounce again: cached slash text, a file (downloaded), or a message's text. */
export async function recallBounce(bot: Bot, place: Place, source: BounceSource | undefined, thread?: Thread): Promise<string | Buffer | undefined> {
  if (!source) return undefined;
  if (source.cached) return bot.slashBounces.get(source.cached);
  let msg = thread?.messages.find((m) => m.ts === source.ts);
  if (!msg) msg = (await loadThread(place.client, place.channel, source.ts)).messages.find((m) => m.ts === source.ts);
  if (!msg) return undefined;
  const fileRef = source.file ? msg.files?.find((f) => f.id === source.file) ?? { id: source.file } : msg.files?.find(isBounceCandidate);
  if (fileRef) {
    const file = await resolveFile(place.client, fileRef);
    return downloadFile(file, { botToken: bot.config.slack!.botToken, maxBytes: bot.config.maxInputBytes, extraOrigins: bot.fileOrigins });
  }
  return msg.text ? stripMention(msg.text, bot.me.botUserId) : undefined;
}

/** Run one command in `place` and deliver the answer. Engine failures become private error messages; Slack refusing the answer itself throws (the caller logs it). */
export async function takeTurn(bot: Bot, place: Place, cmd: Command | UnknownInput, o: TurnOptions = {}): Promise<TurnResult> {
  const state = o.envelope?.state ?? initialState();
  let placeholderTs: string | undefined;
  let lastProgress = 0;
  let progressChain: Promise<unknown> = Promise.resolve();
  let probeTarget: ProbeOptions & { target: string } | undefined;

  const wantsPlaceholder = !o.privately && !o.replace && o.placeholder !== false;
  const engine = requestEngine(bot.engines, {
    input: o.input ?? 'slack-text',
    caller: { user: place.user, ...(place.team ? { team: place.team } : {}) },
    admitted: o.admitted,
    onProbeStart: async (target, opts) => {
      probeTarget = { target, ...opts };
      const started = renderProbeStarted({ target, ...(opts.port ? { port: opts.port } : {}), ...(opts.rcpt ? { rcpt: opts.rcpt } : {}) }, place.user);
      // Private answers (Show transcript re-runs the probe) say privately that it is running.
      if (o.privately) await tellPrivately(place, started).catch((err) => bot.logger.debug('could not say the probe started', { err }));
      if (!wantsPlaceholder) return;
      placeholderTs = (await post(place, started)).ts;
    },
  });

  const deps: HandleDeps = {
    engine,
    recallBounce: () => recallBounce(bot, place, o.envelope?.source, o.thread),
    logger: bot.logger,
    onProgress: (event) => {
      const e = event as ProbeProgress;
      const now = performance.now();
      if (!placeholderTs || !probeTarget || e.stage === 'done' || now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      const message = renderProbeProgress(probeTarget, place.user, progressLine(e));
      const ts = placeholderTs;
      // Serialised and fire-and-forget: progress must never slow the probe down.
      progressChain = progressChain.then(() => update(place, ts, message)).catch((err) => bot.logger.debug('progress update failed', { err }));
    },
  };

  const reply = await handleCommand(cmd, state, deps);
  await progressChain;

  if (reply.kind === 'not-understood' && reply.why === 'not-a-bounce' && o.silentIfNotBounce) return { reply, delivered: 'silent' };

  if (reply.kind === 'error') {
    if (placeholderTs) await update(place, placeholderTs, renderError(`The check of ${probeTarget?.target ?? 'that target'} did not finish: ${reply.message}`)).catch(() => undefined);
    await tellPrivately(place, renderError(reply.message)).catch((err) => bot.logger.warn('could not tell the user about an error', { err, slackError: slackError(err) }));
    return { reply, delivered: 'private' };
  }

  const message = renderReply(reply);
  const replacing = o.replace && o.replace.kinds.includes(reply.kind) ? o.replace.ts : undefined;
  if (o.privately || (o.replace && !replacing) || (o.publicKinds && !o.publicKinds.includes(reply.kind))) {
    await tellPrivately(place, message);
    return { reply, delivered: 'private' };
  }

  const source = reply.kind === 'diagnosis' && reply.trigger === 'paste' ? o.newSource : o.envelope?.source;
  const metadata = envelopeMetadata({ state: reply.state, ...(source ? { source } : {}) });

  const replaceTs = replacing ?? placeholderTs;
  let posted: Posted | undefined;
  if (replaceTs) {
    await update(place, replaceTs, message, metadata);
  } else {
    posted = await post(place, message, metadata);
  }
  if (reply.kind === 'diagnosis' && o.reactTo && posted?.via !== 'response_url') await react(place, o.reactTo, REACTION_DIAGNOSED);
  if (replaceTs) return { reply, delivered: 'updated', ts: replaceTs };
  return { reply, delivered: posted?.via === 'response_url' ? 'response_url' : 'thread', ...(posted?.ts ? { ts: posted.ts } : {}) };
}
