/**
 * Composition root for `npm start`: load settings, then run the Slack bot when tokens are set,
 * or the local console (same answers, rendered for a terminal) when they are not.
 */
import 'dotenv/config';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { SmtpcheckError } from './errors';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof SmtpcheckError) {
      process.stderr.write(`smtpcheck: configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  if (config.slack) {
    // Loaded only when needed: Bolt is not required for the console.
    const { startSlack } = require('./slack') as typeof import('./slack');
    const running = await startSlack(config, logger);
    const stop = () => { void running.stop().finally(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } else {
    const { runConsole } = require('./console') as typeof import('./console');
    await runConsole(config, { input: process.stdin, output: process.stdout });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`smtpcheck: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
