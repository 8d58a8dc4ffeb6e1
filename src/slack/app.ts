/**
 * The Bolt app and its receiver, and nothing else: Socket Mode by default, HTTP (signed requests on
 * /slack/events, bad signatures → 401) when SLACK_MODE=http. Both transports get GET /healthz.
 *
 * Choices that matter (slack-notes.md):
 *  - retryConfig is explicit: the default retries for ~30 minutes, and in Socket Mode the socket client
 *    would write {retries: 100} into shared options. The receiver gets its own copy of the options
 *    (an explicit SocketModeReceiver does not inherit App.clientOptions; gotcha 3).
 *  - The bot's identity comes from our own auth.test before the App exists, so a bad token is a clean
 *    start-up error naming SLACK_BOT_TOKEN instead of an unhandled rejection in the App constructor.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type CustomRoute } from '@slack/bolt';
import type { Config, SlackConfig } from '../config';
import { ErrorCode, SmtpcheckError } from '../errors';
import type { Logger } from '../logger';
import { boltLogger } from './bolt-logger';
import { slackError } from './post';

export const DEFAULT_API_URL = 'https://slack.com/api/';

/** Retry a failed Web API call twice, quickly; honour Retry-After on 429 (web-api does, given retries). */
export const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 3000 };
const API_TIMEOUT_MS = 15_000;

export function clientOptions(slack: SlackConfig, logger: Logger): webApi.WebClientOptions {
  return {
    slackApiUrl: slack.apiUrl ?? DEFAULT_API_URL,
    retryConfig: { ...RETRY_CONFIG },
    timeout: API_TIMEOUT_MS,
    logger: boltLogger(logger, LogLevel.WARN),
    logLevel: LogLevel.WARN,
  };
}

export interface BotIdentity {
  botUserId: string;
  botId?: string;
  teamId?: string;
}

const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'no_permission']);

function refused(setting: string, code: string, fix: string): SmtpcheckError {
  return new SmtpcheckError(ErrorCode.Config, `${setting} was refused by Slack (${code}). ${fix}`, { setting, slackError: code });
}

/** Who the bot is, from auth.test; a refused token is a configuration error naming the setting. */
export async function identify(slack: SlackConfig, logger: Logger): Promise<BotIdentity> {
  const client = new webApi.WebClient(slack.botToken, clientOptions(slack, logger));
  try {
    const res = await client.auth.test();
    if (!res.user_id) throw new SmtpcheckError(ErrorCode.Config, 'SLACK_BOT_TOKEN is not a bot token (auth.test named no bot user).', { setting: 'SLACK_BOT_TOKEN' });
    return { botUserId: res.user_id, ...(res.bot_id ? { botId: res.bot_id } : {}), ...(res.team_id ? { teamId: res.team_id } : {}) };
  } catch (err) {
    const code = slackError(err);
    if (code && TOKEN_REFUSED.has(code)) throw refused('SLACK_BOT_TOKEN', code, 'Copy the Bot User OAuth Token (xoxb-…) from your app\'s OAuth & Permissions page.');
    if (err instanceof SmtpcheckError) throw err;
    throw new SmtpcheckError(ErrorCode.Config, `Could not reach Slack at ${slack.apiUrl ?? DEFAULT_API_URL} (${code ?? (err as Error).message}). Check the network or SLACK_API_URL.`, { setting: 'SLACK_API_URL' });
  }
}

export interface Health {
  mode: SlackConfig['mode'];
  connected(): boolean;
}

function healthHandler(health: Health) {
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const connected = health.connected();
    res.writeHead(connected ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: connected, mode: health.mode }));
  };
}

export interface RunningApp {
  app: App;
  /** Port of the HTTP listener (events in HTTP mode, /healthz in both), when one is listening. */
  port?: number;
  stop(): Promise<void>;
}

export interface BuiltApp {
  app: App;
  start(): Promise<RunningApp>;
}

/** Create the App for `config.slack` (not started). Listeners are registered by the caller. */
export function buildApp(config: Config, logger: Logger, me: BotIdentity): BuiltApp {
  const slack = config.slack!;
  const blog = boltLogger(logger, LogLevel.INFO);
  let connected = slack.mode === 'http';
  const health: Health = { mode: slack.mode, connected: () => connected };

  let receiver: SocketModeReceiver | HTTPReceiver;
  if (slack.mode === 'socket') {
    const socket = new SocketModeReceiver({ appToken: slack.appToken!, logger: blog, installerOptions: { clientOptions: clientOptions(slack, logger) } });
    socket.client.on('connected', () => { connected = true; });
    socket.client.on('disconnected', () => { connected = false; });
    socket.client.on('reconnecting', () => { connected = false; });
    receiver = socket;
  } else {
    const route: CustomRoute = { path: '/healthz', method: ['GET'], handler: healthHandler(health) };
    receiver = new HTTPReceiver({ signingSecret: slack.signingSecret!, logger: blog, endpoints: '/slack/events', customRoutes: [route] });
  }

  const app = new App({
    token: slack.botToken, botUserId: me.botUserId, ...(me.botId ? { botId: me.botId } : {}),
    receiver, logger: blog, clientOptions: clientOptions(slack, logger), convoStore: false, ignoreSelf: true,
  });

  async function start(): Promise<RunningApp> {
    if (slack.mode === 'http') {
      const server = (await app.start(slack.port)) as http.Server;
      const port = (server.address() as AddressInfo).port;
      return { app, port, stop: () => app.stop() as Promise<void> };
    }
    try {
      await app.start();
    } catch (err) {
      await Promise.resolve(app.stop()).catch(() => undefined);
      const code = slackError(err);
      if (code && TOKEN_REFUSED.has(code)) throw refused('SLACK_APP_TOKEN', code, 'Create an app-level token with the connections:write scope under Basic Information → App-Level Tokens.');
      throw err;
    }
    const healthServer = await listenHealth(slack.port, health, logger);
    return {
      app,
      ...(healthServer ? { port: (healthServer.address() as AddressInfo).port } : {}),
      stop: async () => {
        await app.stop();
        if (healthServer) await new Promise<void>((resolve) => healthServer.close(() => resolve()));
      },
    };
  }

  return { app, start };
}

/**
 * Socket Mode needs no inbound port, so /healthz is a courtesy: a port already in use is logged, not fatal.
 * (Bolt's own customRoutes in Socket Mode would crash the process on EADDRINUSE.)
 */
function listenHealth(port: number, health: Health, logger: Logger): Promise<http.Server | undefined> {
  const handler = healthHandler(health);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') return handler(req, res);
    res.writeHead(404).end();
  });
  return new Promise((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      logger.warn('health endpoint not started', { port, code: err.code });
      resolve(undefined);
    });
    server.listen(port, () => resolve(server));
  });
}
