/**
 * The conversation core's data, shared by every front end: the local console (src/console) today,
 * the Slack adapter (src/slack) and anything else later.
 *
 * How a front end uses it:
 *   1. Turn what the user wrote into a Command: `commandFromText(text, engine)` (bot/handle) for a
 *      message or paste, or `parseCommand(words)` (bot/commands) for `/smtpcheck …` arguments.
 *   2. `const reply = await handleCommand(cmd, state, deps)` — `state` is what the previous reply in
 *      this conversation carried (or `initialState()` for a new one).
 *   3. Render `reply` (render/text for terminals, render/blockkit for Slack) and keep `reply.state` with
 *      the message it produced: in Slack, in the bot reply's message metadata; in the console, in memory.
 *      The next follow-up in the same thread passes it back.
 *
 * ConversationState is plain JSON, small (well under 2 KB; see bot/digest), and is the only state:
 * the core keeps nothing between calls. What is too big to carry — the pasted bounce, a probe's
 * transcripts — the front end supplies on demand through `HandleDeps.recallBounce` / `recallProbe`
 * (Slack: the thread's root message or file; console: the last paste and report it kept).
 *
 * BotReply is a discriminated union of plain data (no functions, no class instances, no @slack types);
 * every variant carries the next `state`.
 */
import type { Diagnosis } from '../classify/types';
import type { CauseId, Platform } from '../kb/types';
import type { ReportKind } from '../parse/types';
import type { Outcome, ProbeProgress, ProbeReport } from '../probe/types';
import type { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { InputOrigin } from '../intake';
import type { Explanation, ProbeEvidence, ProbeExplanation } from '../explain/types';

// ---------------------------------------------------------------------------------------------
// Conversation state (carried between messages; serialisable)
// ---------------------------------------------------------------------------------------------

/** What to probe: the arguments of one `probe` command. */
export interface ProbeRequest {
  target: string;
  port?: number;
  rcpt?: string;
}

/**
 * The last probe of a conversation, compact enough for Slack message metadata.
 * `findings` entries are `<o><finding id>[@<index into hosts>]`, where `<o>` is the outcome's first
 * letter (p pass, w warn, f fail, s skip, e error) — e.g. `fauth-not-offered@0`.
 */
export interface ProbeDigest extends ProbeRequest {
  /** ISO time the probe started. */
  at: string;
  outcome: Outcome;
  /** The report's verdict line, shortened. */
  verdict: string;
  /** Host labels (`name[ip]:port`) referenced by `findings`. */
  hosts: string[];
  findings: string[];
  /** True when passing/skipped findings were left out to stay within the size budget. */
  partial?: boolean;
}

export interface ConversationState {
  /** Format version of this object; bump when a field changes meaning. */
  v: 1;
  /** Platform chosen with `platform …`; it wins over the platform a report suggests. */
  platform?: Platform;
  /** Set once a bounce was diagnosed in this conversation. */
  diagnosis?: {
    kind: ReportKind;
    /** Ranked cause ids, most likely first. */
    causes: CauseId[];
    /** The probe that would confirm the top cause, when the report names something to probe. */
    suggestedProbe?: ProbeRequest;
  };
  /** The last probe run in this conversation. */
  probe?: ProbeDigest;
}

// ---------------------------------------------------------------------------------------------
// Replies (rendered by render/text and render/blockkit)
// ---------------------------------------------------------------------------------------------

/**
 * A bounce was read. `explanation` (explain/types.ts) is what to say — headline, recipients, ranked
 * causes with steps for the chosen platform, the platforms available, the probe that would confirm
 * it; `diagnosis` is the full engine result for anything more (JSON, details).
 */
export interface DiagnosisReply {
  kind: 'diagnosis';
  /** 'paste' for a new bounce; 'platform' when `platform …` re-explained the conversation's bounce. */
  trigger: 'paste' | 'platform';
  diagnosis: Diagnosis;
  explanation: Explanation;
  // The fields below restate explanation.platform / explanation.confirm in the conversation's terms.
  /** The platform the steps are for (explanation.platform.chosen). */
  platform: Platform;
  /** 'chosen' by the user (`platform …`, --platform), suggested by the 'report', or the 'default'. */
  platformSource: PlatformSource;
  /** Other platforms the lead cause has specific steps for (for an "other platforms: …" hint). */
  otherPlatforms: Platform[];
  /** The probe that would confirm the lead cause (from explanation.confirm), if there is something to probe. */
  suggestedProbe?: ProbeRequest & { note?: string };
}

/** Where the platform used for resolution steps came from. */
export type PlatformSource = 'chosen' | 'report' | 'default';

/** One finding that differs between the previous run of a probe and this one. */
export interface ProbeChange {
  change: 'appeared' | 'disappeared' | 'changed';
  /** Finding id (probe/findings). */
  id: string;
  /** `name[ip]:port` when the finding is about one host. */
  host?: string;
  /** The current title, or for a finding that disappeared, the vocabulary's default title. */
  title: string;
  before?: Outcome;
  after?: Outcome;
}

/** A live probe finished. */
export interface ProbeReply {
  kind: 'probe';
  trigger: 'probe' | 'recheck';
  report: ProbeReport;
  explanation: ProbeExplanation;
  /** Show the SMTP transcript with the report (`--transcript`). */
  showTranscript: boolean;
  /** Present when the same probe ran before in this conversation: what changed since. */
  comparedTo?: { at: string; outcome: Outcome; verdict: string; changes: ProbeChange[] };
  /**
   * Present when the conversation has a diagnosis and this probe bears on it: whether the probe
   * confirms or contradicts the cause ("Confirmed: mx.example.com offers no AUTH …").
   */
  evidence?: ProbeEvidence;
}

/** The SMTP transcript and DNS lookups of the conversation's last probe. */
export interface TranscriptReply {
  kind: 'transcript';
  target: string;
  /** True when the probe had to be run again to get the transcript (nothing was kept). */
  rerun: boolean;
  startedAt: string;
  dns: { name: string; type: string; ms: number; answer?: string; error?: string }[];
  hosts: { label: string; lines: string[]; error?: string }[];
}

/** Every parsed fact of the conversation's bounce, for `details`. */
export interface DetailsReply {
  kind: 'details';
  diagnosis: Diagnosis;
}

export interface HelpReply {
  kind: 'help';
  commands: { usage: string; description: string }[];
  platforms: Platform[];
}

/** Text that is neither a command nor a bounce, or a report that is not a bounce (`kind` from the parser). */
export interface NotUnderstoodReply {
  kind: 'not-understood';
  /** 'not-a-bounce' when the text was read as a report and is not one; 'unknown' when nothing fit. */
  why: 'not-a-bounce' | 'unknown';
  message: string;
}

/** A command with bad arguments. */
export interface UsageReply {
  kind: 'usage';
  message: string;
}

/** A plain sentence: a setting changed, or a follow-up has nothing to work on yet. */
export interface NoticeReply {
  kind: 'notice';
  message: string;
}

/** The request failed: bad input, refused target, rate limit … `message` is safe to show. */
export interface ErrorReply {
  kind: 'error';
  code: ErrorCode;
  message: string;
}

export type ReplyBody =
  | DiagnosisReply
  | ProbeReply
  | TranscriptReply
  | DetailsReply
  | HelpReply
  | NotUnderstoodReply
  | UsageReply
  | NoticeReply
  | ErrorReply;

/** A reply plus the conversation state to carry to the next message. */
export type BotReply = ReplyBody & { state: ConversationState };

// ---------------------------------------------------------------------------------------------
// Dependencies (injected, so the core has no I/O of its own and tests use fakes)
// ---------------------------------------------------------------------------------------------

export interface ProbeOptions {
  port?: number;
  rcpt?: string;
  signal?: AbortSignal;
  onProgress?: (event: ProbeProgress) => void;
}

/** The engine calls the core needs; `createEngine(config)` (bot/engine) wires the real ones. */
export interface Engine {
  looksLikeBounce(text: string): boolean;
  /**
   * Throws SmtpcheckError for unreadable input (too large, binary …). `origin` 'slack' undoes Slack's
   * escaping; without it the engine's default origin applies (see createEngine).
   */
  diagnose(input: string | Buffer, opts?: { origin?: InputOrigin; filename?: string }): Diagnosis;
  explainDiagnosis(d: Diagnosis, opts: { platform?: Platform; probe?: ProbeReport }): Explanation;
  /** Throws SmtpcheckError for a refused or malformed target. */
  probe(target: string, opts: ProbeOptions): Promise<ProbeReport>;
  explainProbe(report: ProbeReport): ProbeExplanation;
}

export interface HandleDeps {
  engine: Engine;
  /**
   * The conversation's bounce: the text the latest `DiagnosisReply` with trigger 'paste' answered
   * (Slack: usually the thread's root message or its file; console: the last paste).
   */
  recallBounce?(): Promise<string | Buffer | undefined>;
  /** The conversation's last full probe report, if the front end kept one. */
  recallProbe?(): Promise<ProbeReport | undefined>;
  /** Cancels a running probe (the user quit, the request timed out). */
  signal?: AbortSignal;
  onProgress?: (event: ProbeProgress) => void;
  logger?: Logger;
}
