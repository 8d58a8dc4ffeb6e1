/**
 * One JSON log line per handled Slack event: who asked, what, how long it took, how it ended.
 * Never the message text or a token (the logger masks secrets as a second line of defence).
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger';
import { asSmtpcheckError } from '../errors';
import { slackError } from './post';

export interface AuditFields {
  /** message, app_mention, command, action:<id>, shortcut, app_home_opened … */
  event: string;
  user?: string;
  team?: string;
  channel?: string;
  /** What was asked: a command kind, 'bounce', 'file' … */
  asked?: string;
  /** What came of it: answered, ignored, duplicate, private, silent, error … */
  outcome?: string;
  /** The reply kind the conversation core gave. */
  reply?: string;
  retry?: number;
}

/** Run a handler, then log one line with its duration and outcome; errors are logged, never rethrown. */
export async function audited(logger: Logger, base: AuditFields, run: (fields: AuditFields) => Promise<void>): Promise<void> {
  const started = performance.now();
  const fields: AuditFields = { ...base };
  try {
    await run(fields);
    const line = { ...fields, outcome: fields.outcome ?? 'answered', ms: Math.round(performance.now() - started) };
    if (line.outcome === 'ignored') logger.debug('slack event', line);
    else logger.info('slack event', line);
  } catch (err) {
    const e = asSmtpcheckError(err);
    logger.error('slack event failed', {
      ...fields, outcome: 'error', ms: Math.round(performance.now() - started),
      code: e.code, ...(slackError(err) ? { slackError: slackError(err) } : {}), err,
    });
  }
}
