/**
 * The conversation core: one command in, one reply out, the same for the console, Slack and tests.
 * It holds no state of its own — everything it needs from earlier messages comes in `state` or
 * through the recall hooks in `deps` (see bot/types.ts for the contract).
 */
import { parseCommand, type Command } from './commands';
import { PLATFORM_LABELS } from './labels';
import { diffProbe, digestProbe, sameProbe } from './digest';
import { ErrorCode, SmtpcheckError, asSmtpcheckError } from '../errors';
import { PLATFORMS, type Platform } from '../kb/types';
import type { Diagnosis } from '../classify/types';
import type { ProbeReport } from '../probe/types';
import type { Explanation, ProbeEvidence } from '../explain/types';
import type {
  BotReply, ConversationState, DiagnosisReply, Engine, HandleDeps, HelpReply, PlatformSource, ProbeRequest,
} from './types';

/** Text that is neither a command nor a bounce. Not part of the shared grammar: only free text can be it. */
export interface UnknownInput {
  kind: 'unknown';
  text: string;
}

/** Ranked cause ids kept in the state: enough to know what was said, small enough for metadata. */
const MAX_STATE_CAUSES = 5;

export function initialState(): ConversationState {
  return { v: 1 };
}

/**
 * Accept a state that came back from storage (e.g. Slack message metadata) only if it has our shape;
 * anything else starts a fresh conversation rather than failing.
 */
export function restoreState(raw: unknown): ConversationState {
  if (!raw || typeof raw !== 'object' || (raw as { v?: unknown }).v !== 1) return initialState();
  const s = raw as Partial<ConversationState>;
  const state: ConversationState = { v: 1 };
  if (typeof s.platform === 'string' && (PLATFORMS as readonly string[]).includes(s.platform)) state.platform = s.platform;
  if (s.diagnosis && typeof s.diagnosis === 'object' && Array.isArray(s.diagnosis.causes)) state.diagnosis = s.diagnosis;
  if (s.probe && typeof s.probe === 'object' && typeof s.probe.target === 'string' && Array.isArray(s.probe.findings) && Array.isArray(s.probe.hosts)) {
    state.probe = s.probe;
  }
  return state;
}

/** Verbs whose usage errors we report as such (a typo'd argument), rather than "not understood". */
export const COMMAND_VERBS: ReadonlySet<string> = new Set(['probe', 'check', 'diagnose', 'explain', 'ndr', 'platform', 'for']);

/**
 * What a message typed or pasted into a conversation asks for. One line is a command if it parses as
 * one, a bounce if it looks like one (a queue error line), else not understood. Several lines are a
 * pasted bounce unless they start with a command verb (`diagnose …`); the engine decides whether
 * the paste really is a bounce.
 */
export function commandFromText(text: string, engine: Pick<Engine, 'looksLikeBounce'>): Command | UnknownInput {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const verb = trimmed.split(/\s+/, 1)[0].toLowerCase();
  if (trimmed.includes('\n')) {
    if (verb === 'diagnose' || verb === 'explain' || verb === 'ndr') return parseCommand(trimmed);
    return { kind: 'diagnose', text: trimmed };
  }
  const cmd = parseCommand(trimmed);
  if (cmd.kind !== 'usage' || COMMAND_VERBS.has(verb)) return cmd;
  if (engine.looksLikeBounce(trimmed)) return { kind: 'diagnose', text: trimmed };
  return { kind: 'unknown', text: trimmed };
}

export const HELP_COMMANDS: HelpReply['commands'] = [
  { usage: '<paste a bounce>', description: 'Explain why a message bounced and what to do: an NDR, a DSN, raw message source or a queue error line.' },
  { usage: 'probe <domain | host[:port] | user@domain> [--port N] [--rcpt ADDRESS] [--transcript]', description: 'Live checks: MX and address records, connect, banner, EHLO, STARTTLS, certificate, AUTH before and after TLS, optional RCPT. Never sends a message.' },
  { usage: 'recheck', description: 'Run the last probe again and show what changed.' },
  { usage: 'transcript', description: 'Show the SMTP transcript and DNS lookups of the last probe.' },
  { usage: `platform <${PLATFORMS.join(' | ')}>`, description: 'Give the resolution steps for another mail system.' },
  { usage: 'details', description: 'Show every fact read from the bounce.' },
  { usage: 'help', description: 'This list.' },
];

function helpReply(state: ConversationState): BotReply {
  return { kind: 'help', commands: HELP_COMMANDS, platforms: [...PLATFORMS], state };
}

/** The probe request behind a suggestion's ready-to-type command (`smtpcheck probe host --rcpt a@b`). */
function requestFromSuggestion(command: string | undefined): ProbeRequest | undefined {
  if (!command) return undefined;
  const cmd = parseCommand(command.replace(/^smtpcheck\s+/, ''));
  return cmd.kind === 'probe' ? requestOf(cmd) : undefined;
}

/**
 * The reply for a diagnosed report. `chosen` is the platform the user picked (none: explain uses the
 * one the report shows, else generic). Exported so the CLI prints exactly what the bot would say.
 */
export function diagnosisReply(
  d: Diagnosis, engine: Pick<Engine, 'explainDiagnosis'>, chosen: Platform | undefined, trigger: DiagnosisReply['trigger'],
): DiagnosisReply {
  const explanation = engine.explainDiagnosis(d, chosen ? { platform: chosen } : {});
  const platform = explanation.platform.chosen;
  const probe = requestFromSuggestion(explanation.confirm?.command);
  return {
    kind: 'diagnosis', trigger, diagnosis: d, explanation, platform,
    platformSource: PLATFORM_SOURCES[explanation.platform.source],
    otherPlatforms: explanation.platform.available.filter((p) => p !== platform && p !== 'generic'),
    ...(probe ? { suggestedProbe: { ...probe, ...(explanation.confirm?.why ? { note: explanation.confirm.why } : {}) } } : {}),
  };
}

const PLATFORM_SOURCES: Record<Explanation['platform']['source'], PlatformSource> = { option: 'chosen', report: 'report', default: 'default' };

function notice(message: string, state: ConversationState): BotReply {
  return { kind: 'notice', message, state };
}

export const NOT_A_BOUNCE = 'That does not look like a bounce (NDR/DSN) I can read. Paste the whole bounce — the text the mail system sent back, its message source (.eml), or the queue\'s error line.';
const NOT_UNDERSTOOD = 'I did not understand that: it is neither a command I know nor a bounce. Type help for what I can do.';

async function recallDiagnosis(deps: HandleDeps, state: ConversationState): Promise<Diagnosis | undefined> {
  if (!state.diagnosis || !deps.recallBounce) return undefined;
  const text = await deps.recallBounce();
  return text === undefined ? undefined : deps.engine.diagnose(text);
}

function diagnose(text: string, state: ConversationState, deps: HandleDeps): BotReply {
  const d = deps.engine.diagnose(text);
  if (d.kind === 'not-a-bounce') return { kind: 'not-understood', why: 'not-a-bounce', message: NOT_A_BOUNCE, state };
  const reply = diagnosisReply(d, deps.engine, state.platform, 'paste');
  const next: ConversationState = {
    ...state,
    diagnosis: {
      kind: d.kind, causes: d.causes.slice(0, MAX_STATE_CAUSES).map((c) => c.id),
      ...(reply.suggestedProbe ? { suggestedProbe: requestOf(reply.suggestedProbe) } : {}),
    },
  };
  return { ...reply, state: next };
}

function requestOf(r: ProbeRequest): ProbeRequest {
  return { target: r.target, ...(r.port !== undefined ? { port: r.port } : {}), ...(r.rcpt !== undefined ? { rcpt: r.rcpt } : {}) };
}

async function runProbe(request: ProbeRequest, deps: HandleDeps): Promise<ProbeReport> {
  return deps.engine.probe(request.target, {
    ...(request.port !== undefined ? { port: request.port } : {}),
    ...(request.rcpt !== undefined ? { rcpt: request.rcpt } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  });
}

async function probe(
  request: ProbeRequest, showTranscript: boolean, trigger: 'probe' | 'recheck', state: ConversationState, deps: HandleDeps,
): Promise<BotReply> {
  const report = await runProbe(request, deps);
  const explanation = deps.engine.explainProbe(report);
  const previous = state.probe && sameProbe(state.probe, request) ? state.probe : undefined;
  const evidence = await evidenceFor(report, request, state, deps);
  return {
    kind: 'probe', trigger, report, explanation, showTranscript,
    ...(previous ? { comparedTo: { at: previous.at, outcome: previous.outcome, verdict: previous.verdict, changes: diffProbe(previous, report) } } : {}),
    ...(evidence ? { evidence } : {}),
    state: { ...state, probe: digestProbe(report, requestOf(request)) },
  };
}

/**
 * What the probe says about the conversation's diagnosis, if it has one: the confirmation the story
 * needs ("the remote host offers no AUTH"). An unrelated probe's inconclusive verdict is left out;
 * a failure here never spoils the probe reply itself.
 */
async function evidenceFor(report: ProbeReport, request: ProbeRequest, state: ConversationState, deps: HandleDeps): Promise<ProbeEvidence | undefined> {
  if (!state.diagnosis) return undefined;
  try {
    const d = await recallDiagnosis(deps, state);
    const evidence = d && deps.engine.explainDiagnosis(d, { ...(state.platform ? { platform: state.platform } : {}), probe: report }).probeEvidence;
    if (!evidence) return undefined;
    const suggested = state.diagnosis.suggestedProbe;
    return evidence.verdict !== 'inconclusive' || (suggested && sameProbe(suggested, request)) ? evidence : undefined;
  } catch (err) {
    deps.logger?.warn('could not relate the probe to the diagnosis', { err });
    return undefined;
  }
}

function transcriptReply(report: ProbeReport, rerun: boolean, state: ConversationState): BotReply {
  return {
    kind: 'transcript', target: report.target, rerun, startedAt: report.startedAt,
    dns: report.dns.lookups,
    hosts: report.hosts.map((h) => ({
      label: `${h.name}[${h.ip}]:${h.port}`, lines: h.transcript, ...(h.error ? { error: h.error.message } : {}),
    })),
    state,
  };
}

async function handle(cmd: Command | UnknownInput, state: ConversationState, deps: HandleDeps): Promise<BotReply> {
  switch (cmd.kind) {
    case 'help':
    case 'empty':
      return helpReply(state);
    case 'usage':
      return { kind: 'usage', message: cmd.message, state };
    case 'unknown':
      return { kind: 'not-understood', why: 'unknown', message: NOT_UNDERSTOOD, state };
    case 'diagnose':
      return diagnose(cmd.text, state, deps);
    case 'platform': {
      const next: ConversationState = { ...state, platform: cmd.platform };
      const d = await recallDiagnosis(deps, state);
      if (!d) return notice(`Resolution steps will be for ${PLATFORM_LABELS[cmd.platform]}. Paste a bounce to get them.`, next);
      return { ...diagnosisReply(d, deps.engine, cmd.platform, 'platform'), state: next };
    }
    case 'details': {
      const d = await recallDiagnosis(deps, state);
      if (!d) return notice('There is no bounce in this conversation yet: paste one, then ask for details.', state);
      return { kind: 'details', diagnosis: d, state };
    }
    case 'probe':
      return probe(requestOf(cmd), cmd.transcript, 'probe', state, deps);
    case 'recheck':
      if (state.probe) return probe(requestOf(state.probe), false, 'recheck', state, deps);
      if (state.diagnosis?.suggestedProbe) return probe(state.diagnosis.suggestedProbe, false, 'probe', state, deps);
      return notice('Nothing to re-check yet: run probe <domain | host | address> first.', state);
    case 'transcript': {
      if (!state.probe) return notice('No probe has run in this conversation yet: run probe <domain | host | address> first.', state);
      const kept = await deps.recallProbe?.();
      if (kept && kept.startedAt === state.probe.at) return transcriptReply(kept, false, state);
      const request = requestOf(state.probe);
      const report = await runProbe(request, deps);
      return transcriptReply(report, true, { ...state, probe: digestProbe(report, request) });
    }
  }
}

/**
 * Answer one command. Never throws: bad input, refused targets and internal failures become an
 * `error` reply whose message is safe to show (details go to the logger).
 */
export async function handleCommand(cmd: Command | UnknownInput, state: ConversationState, deps: HandleDeps): Promise<BotReply> {
  try {
    return await handle(cmd, state, deps);
  } catch (err) {
    if (deps.signal?.aborted) return { kind: 'error', code: ErrorCode.ProbeTimeout, message: 'The probe was cancelled before it finished.', state };
    const e = asSmtpcheckError(err);
    if (!(err instanceof SmtpcheckError)) deps.logger?.error('command failed', { command: cmd.kind, err });
    return { kind: 'error', code: e.code, message: e.message, state };
  }
}
