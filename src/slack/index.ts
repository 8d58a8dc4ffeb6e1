// STUB — owned by the Slack helper.
import type { Config } from '../config';
import type { Logger } from '../logger';
export async function startSlack(_config: Config, _logger: Logger): Promise<{ stop(): Promise<void> }> {
  throw new Error('Slack adapter not implemented yet');
}
