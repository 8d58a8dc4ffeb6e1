/**
 * The Slack bot: the only part of smtpcheck that imports @slack/*. A thin adapter — it turns Slack
 * events into commands for the conversation core (bot/handle), renders the replies as Block Kit
 * (render/blockkit) and posts them where they belong. See DEVELOPERS.md for what users do.
 *
 *   app.ts           Bolt App + receiver (Socket Mode or HTTP), /healthz, identity via auth.test
 *   listeners/       messages & mentions, /smtpcheck, buttons, the message shortcut, App Home
 *   conversation.ts  one turn: state from thread metadata → handleCommand → post, state back into metadata
 *   triage.ts        which channel messages are for the bot at all (no API calls)
 *   thread.ts        the state envelope in message metadata; reading a thread
 *   files.ts         shared bounce files: files.info, authenticated size-limited download
 */
import type { Config } from '../config';
import { ErrorCode, SmtpcheckError } from '../errors';
import type { Logger } from '../logger';
import { DEFAULT_API_URL, buildApp, identify } from './app';
import { BounceCache, type Bot } from './conversation';
import { TtlSet } from './dedupe';
import { createSlackEngines, type SlackEngines } from './engine';
import { registerListeners } from './listeners';

/** Slack re-sends an event for up to ~5 minutes (3 retries); remember ids a little longer. */
const EVENT_TTL_MS = 10 * 60 * 1000;
const MAX_REMEMBERED = 5000;

export interface SlackOverrides {
  /** Engines to use instead of the real ones (in-process tests). */
  engines?: SlackEngines;
}

export interface RunningSlack {
  stop(): Promise<void>;
  /** Port of the HTTP listener (HTTP-mode events, /healthz), if one is listening. */
  port?: number;
}

export async function startSlack(config: Config, logger: Logger, overrides: SlackOverrides = {}): Promise<RunningSlack> {
  const slack = config.slack;
  if (!slack) throw new SmtpcheckError(ErrorCode.Config, 'SLACK_BOT_TOKEN is not set, so the Slack bot cannot start.', { setting: 'SLACK_BOT_TOKEN' });

  const me = await identify(slack, logger);
  const built = buildApp(config, logger, me);
  const bot: Bot = {
    config,
    logger,
    me,
    engines: overrides.engines ?? createSlackEngines(config),
    answered: new TtlSet(EVENT_TTL_MS, MAX_REMEMBERED),
    slashBounces: new BounceCache(),
    fileOrigins: [new URL(slack.apiUrl ?? DEFAULT_API_URL).origin],
  };

  // Retried deliveries carry the same event_id: answer each event once (slack-notes §1 "Retries and dedupe").
  const seenEvents = new TtlSet(EVENT_TTL_MS, MAX_REMEMBERED);
  built.app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !seenEvents.claim(eventId)) {
      logger.info('slack event', { event: 'redelivery', outcome: 'duplicate', retry: context.retryNum, reason: context.retryReason });
      return;
    }
    await next();
  });
  registerListeners(built.app, bot);
  built.app.error(async (err) => {
    logger.error('slack listener error', { err });
  });

  const running = await built.start();
  logger.info('slack bot ready', { mode: slack.mode, botUserId: me.botUserId, team: me.teamId, ...(running.port !== undefined ? { port: running.port } : {}) });
  return {
    ...(running.port !== undefined ? { port: running.port } : {}),
    stop: async () => {
      await running.stop();
      logger.info('slack bot stopped', { mode: slack.mode });
    },
  };
}
