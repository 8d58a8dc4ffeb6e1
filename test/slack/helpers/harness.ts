/**
 * Runs the Slack adapter in-process against the fake Slack: the real startSlack (real Bolt, real
 * receiver, real listeners), the settings built by the real loadConfig, the engine scripted
 * (helpers/fake-engine). Teardown in the order slack-notes gotcha 4 asks for: app, sockets, fake.
 */
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { startSlack, type RunningSlack } from '../../../src/slack';
import type { SlackEngines } from '../../../src/slack/engine';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../../fake-slack';
import { fakeEngines, type FakeEngineLog, type FakeEngineOptions } from './fake-engine';

export interface Harness {
  fake: FakeSlack;
  bot: RunningSlack;
  engine: FakeEngineLog;
  logs: Record<string, unknown>[];
  /** The bot's HTTP endpoint in HTTP mode. */
  eventsUrl?: string;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'socket' | 'http';
  env?: Record<string, string>;
  fake?: FakeSlackOptions;
  engine?: FakeEngineOptions;
  /** Change the scripted engines before the bot starts (to make a part fail). */
  alterEngines?: (engines: SlackEngines) => void;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack(o.fake);
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const config = loadConfig({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...(o.mode === 'http' ? { SLACK_MODE: 'http', SLACK_SIGNING_SECRET: fake.signingSecret } : { SLACK_APP_TOKEN: fake.appToken }),
    ...o.env,
  });
  const { engines, log } = fakeEngines({ ...o.engine, ...(o.engine?.rateLimit ? {} : { rateLimit: config.rateLimit }) });
  o.alterEngines?.(engines);
  let bot: RunningSlack;
  try {
    bot = await startSlack(config, logger, { engines });
  } catch (err) {
    await fake.stop();
    throw err;
  }
  const eventsUrl = o.mode === 'http' ? `http://127.0.0.1:${bot.port}/slack/events` : undefined;
  if (eventsUrl) fake.useHttp(eventsUrl);
  return {
    fake, bot, engine: log, logs, ...(eventsUrl ? { eventsUrl } : {}),
    async stop() {
      await fake.settle();
      await bot.stop();
      await fake.waitForNoSockets().catch(() => undefined);
      await fake.stop();
    },
  };
}

/** A bounce as people paste it from Outlook: the story's Exchange 2003 expiry NDR (shape: seed document, KB 329636). */
export const PASTED_NDR = [
  'Your message did not reach some or all of the intended recipients.',
  '',
  '      Subject: Quarterly report',
  '      Sent: 10/02/2010 09:12',
  '',
  'The following recipient(s) could not be reached:',
  '',
  '      someone@example.com on 12/02/2010 09:14',
  '            Could not deliver the message in the time limit specified. Please retry or contact your administrator.',
  '            (server.contoso.com #4.4.7)',
].join('\n');

/** A one-line Postfix-style rejection, as people paste from a queue viewer (shape: RFC 3463 example replies). */
export const PASTED_LINE = '<bob@example.org>: host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)';
