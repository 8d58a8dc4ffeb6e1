/**
 * The engine as the Slack adapter hands it to the conversation core (bot/handle), one per request:
 *
 *  - text from Slack is diagnosed with origin 'slack' (intake undoes Slack's escaping); a shared file's
 *    bytes with origin 'file'. The core passes a new bounce as a string, so for a file request the bytes
 *    travel as a latin1 string (a lossless byte↔char mapping) and become bytes again here.
 *  - every probe first takes a token from the per-user and per-workspace limiter (probe/limits), then
 *    tells the adapter it is starting (so it can post "Checking …"), then runs.
 */
import type { Config } from '../config';
import { createEngine } from '../bot/engine';
import type { Engine, ProbeOptions } from '../bot/types';
import { ProbeRateLimiter, type ProbeCaller } from '../probe/limits';
import type { ProbeReport } from '../probe/types';

export interface SlackEngines {
  text: Engine;
  file: Engine;
  limiter: ProbeRateLimiter;
}

export function createSlackEngines(config: Config): SlackEngines {
  return {
    text: createEngine(config, { origin: 'slack' }),
    file: createEngine(config, { origin: 'file' }),
    limiter: new ProbeRateLimiter(config.rateLimit),
  };
}

export interface RequestEngineOptions {
  /** How a string handed to diagnose() should be read. */
  input: 'slack-text' | 'file-bytes-as-latin1';
  caller: ProbeCaller;
  /** Called after the limiter admitted the probe and before it runs. */
  onProbeStart?: (target: string, opts: ProbeOptions) => Promise<void> | void;
  /** The limiter was already consulted for this request (slash commands check before they ack). */
  admitted?: boolean;
}

export function requestEngine(engines: SlackEngines, o: RequestEngineOptions): Engine {
  let admitted = o.admitted ?? false;
  return {
    looksLikeBounce: (text) => engines.text.looksLikeBounce(text),
    diagnose: (input) => {
      if (Buffer.isBuffer(input)) return engines.file.diagnose(input);
      return o.input === 'file-bytes-as-latin1' ? engines.file.diagnose(Buffer.from(input, 'latin1')) : engines.text.diagnose(input);
    },
    explainDiagnosis: (d, opts) => engines.text.explainDiagnosis(d, opts),
    explainProbe: (report) => engines.text.explainProbe(report),
    probe: async (target, opts): Promise<ProbeReport> => {
      if (!admitted) engines.limiter.take(o.caller);
      admitted = false; // one admission per probe: a second probe in the same request asks again
      await o.onProbeStart?.(target, opts);
      return engines.text.probe(target, opts);
    },
  };
}
