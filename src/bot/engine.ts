/**
 * The real engine behind the conversation core's `Engine` interface, bound to one configuration.
 * Each stage is loaded on first use, so `smtpcheck diagnose` never loads the probe's SMTP stack and a
 * corpus run pays only for parsing and classifying.
 */
import type { Config } from '../config';
import type { Engine } from './types';
import type { InputOrigin } from '../intake';


export interface EngineOptions {
  /** How diagnosed input reached us; 'slack' makes intake undo Slack's escaping. */
  origin?: InputOrigin;
}

export function createEngine(config: Config, opts: EngineOptions = {}): Engine {
  const pipeline = () => require('../pipeline') as typeof import('../pipeline');
  const intake = () => require('../intake') as typeof import('../intake');
  const explain = () => require('../explain') as typeof import('../explain');
  const probe = () => require('../probe') as typeof import('../probe');
  return {
    looksLikeBounce: (text) => intake().looksLikeBounce(text),
    diagnose: (input, o) => pipeline().diagnose(input, { origin: o?.origin ?? opts.origin ?? 'paste', ...(o?.filename ? { filename: o.filename } : {}), maxBytes: config.maxInputBytes }),
    explainDiagnosis: (d, o) => explain().explainDiagnosis(d, o),
    probe: (target, o) => probe().runProbe(target, { ...o, config: config.probe }),
    explainProbe: (report) => explain().explainProbe(report),
  };
}
