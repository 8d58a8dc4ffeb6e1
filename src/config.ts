/**
 * One typed, validated configuration object built from the environment (and .env via dotenv in main).
 * A bad value fails at start with a message naming the setting and how to fix it.
 */
import { ErrorCode, SmtpcheckError } from './errors';
import type { LogLevel } from './logger';
import { registerSecret } from './redact';

export interface ProbeConfig {
  /** DNS servers as host[:port]; empty = system resolver. */
  dnsServers: string[];
  heloName: string;
  mailFrom: string;
  authUser?: string;
  authPass?: string;
  /**
   * Hosts (names as the user types them) the credentials may be sent to, on submission ports only.
   * Unset or empty: credentials are never sent — they are the bot's own, and any user can name any host.
   */
  authHosts?: string[];
  dnsblZones: string[];
  /** Whole-probe budget in ms. */
  timeoutMs: number;
  allowPrivate: boolean;
  allowedPorts: number[];
  maxConcurrent: number;
}

export interface SlackConfig {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  port: number;
  apiUrl?: string;
}

export interface Config {
  /** Undefined when no Slack tokens are set: `npm start` then runs the local console. */
  slack?: SlackConfig;
  probe: ProbeConfig;
  logLevel: LogLevel;
  /** Largest bounce we read, in bytes (pastes and files). */
  maxInputBytes: number;
  /** Probes per user per minute and per workspace per minute. */
  rateLimit: { perUser: number; perTeam: number };
}

type Env = Record<string, string | undefined>;

function fail(setting: string, problem: string, fix: string): never {
  throw new SmtpcheckError(ErrorCode.Config, `${setting} ${problem}. ${fix}`, { setting });
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(name, `is "${raw}"`, `Set it to a whole number from ${min} to ${max}, or remove it to use ${def}.`);
  return n;
}

function list(env: Env, name: string, def: string[]): string[] {
  const raw = env[name];
  if (raw === undefined) return def;
  return raw.split(/[\s,]+/).filter(Boolean);
}

function bool(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  return fail(name, `is "${raw}"`, 'Set it to 1 or 0.');
}

const DEFAULT_DNSBL_ZONES = ['zen.spamhaus.org', 'bl.spamcop.net', 'b.barracudacentral.org'];

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) fail('LOG_LEVEL', `is "${env.LOG_LEVEL}"`, 'Use debug, info, warn or error.');

  const ports = list(env, 'SMTPCHECK_ALLOWED_PORTS', ['25', '465', '587', '2525']).map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 65535) fail('SMTPCHECK_ALLOWED_PORTS', `contains "${p}"`, 'List TCP ports (1-65535) separated by commas.');
    return n;
  });

  const dnsServers = list(env, 'SMTPCHECK_DNS_SERVERS', []);
  for (const s of dnsServers) {
    if (!/^(\[[0-9a-f:.]+\]|[0-9a-f:.]+)(:\d+)?$/i.test(s)) fail('SMTPCHECK_DNS_SERVERS', `contains "${s}"`, 'List IP addresses with optional :port, e.g. 127.0.0.1:5353.');
  }

  const probe: ProbeConfig = {
    dnsServers,
    heloName: env.SMTPCHECK_HELO_NAME?.trim() || 'smtpcheck.invalid',
    mailFrom: env.SMTPCHECK_MAIL_FROM?.trim() || '',
    authUser: env.SMTPCHECK_AUTH_USER?.trim() || undefined,
    authPass: env.SMTPCHECK_AUTH_PASS || undefined,
    authHosts: list(env, 'SMTPCHECK_AUTH_HOSTS', []).map((h) => h.toLowerCase()),
    dnsblZones: list(env, 'SMTPCHECK_DNSBL_ZONES', DEFAULT_DNSBL_ZONES),
    timeoutMs: int(env, 'SMTPCHECK_PROBE_TIMEOUT_MS', 20000, 1000, 120000),
    allowPrivate: bool(env, 'SMTPCHECK_ALLOW_PRIVATE'),
    allowedPorts: ports,
    maxConcurrent: int(env, 'SMTPCHECK_MAX_CONCURRENT_PROBES', 4, 1, 64),
  };
  if (probe.authUser && !probe.authPass) fail('SMTPCHECK_AUTH_PASS', 'is missing while SMTPCHECK_AUTH_USER is set', 'Set both or neither.');
  registerSecret(probe.authPass);

  const config: Config = {
    probe,
    logLevel,
    maxInputBytes: int(env, 'SMTPCHECK_MAX_INPUT_BYTES', 2 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    rateLimit: {
      perUser: int(env, 'SMTPCHECK_RATE_PER_USER', 5, 1, 1000),
      perTeam: int(env, 'SMTPCHECK_RATE_PER_TEAM', 30, 1, 10000),
    },
  };

  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!botToken) return config;
  if (!botToken.startsWith('xoxb-')) fail('SLACK_BOT_TOKEN', 'does not start with xoxb-', 'Copy the Bot User OAuth Token from your app\'s OAuth & Permissions page.');
  registerSecret(botToken);

  const mode = (env.SLACK_MODE?.trim().toLowerCase() || 'socket') as SlackConfig['mode'];
  if (mode !== 'socket' && mode !== 'http') fail('SLACK_MODE', `is "${env.SLACK_MODE}"`, 'Use socket or http.');
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  registerSecret(appToken);
  registerSecret(signingSecret);
  if (mode === 'socket') {
    if (!appToken) fail('SLACK_APP_TOKEN', 'is missing (needed in socket mode)', 'Create an app-level token with connections:write under Basic Information, or set SLACK_MODE=http.');
    if (!appToken.startsWith('xapp-')) fail('SLACK_APP_TOKEN', 'does not start with xapp-', 'Use the app-level token (xapp-…), not the bot token.');
  } else if (!signingSecret) {
    fail('SLACK_SIGNING_SECRET', 'is missing (needed in http mode)', 'Copy the Signing Secret from your app\'s Basic Information page.');
  }
  const apiUrl = env.SLACK_API_URL?.trim() || undefined;
  if (apiUrl && !/^https?:\/\/[^\s]+\/$/.test(apiUrl)) fail('SLACK_API_URL', `is "${apiUrl}"`, 'Give a full URL ending in a slash, e.g. https://slack.com/api/.');
  config.slack = { mode, botToken, appToken, signingSecret, port: int(env, 'PORT', 3000, 0, 65535), apiUrl };
  return config;
}
