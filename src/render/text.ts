/**
 * Plain-text answers for an 80-column terminal: the CLI and the local console print these, and
 * they say what the Slack bot posts (render/blockkit renders the same BotReply for Slack).
 *
 * A diagnosis reads top-down the way a help-desk engineer works: what happened (headline), the facts
 * per recipient in the server's own words, the cause in plain language, who must act, numbered steps
 * for the chosen platform, and how to confirm it with a probe. Every output passes through
 * redactSecrets, because pasted bounces and transcripts can carry credentials.
 */
import type { Diagnosis } from '../classify/types';
import type { ExplainedCause, ExplainedRecipient, Explanation, FindingGroup, ProbeEvidence } from '../explain/types';
import { stepSegments } from '../explain/steps';
import type { Finding, HostProbe, ProbeReport } from '../probe/types';
import type {
  BotReply, DetailsReply, DiagnosisReply, HelpReply, ProbeChange, ProbeReply, TranscriptReply,
} from '../bot/types';
import { OUTCOME_LABELS } from '../bot/labels';
import { PLATFORMS } from '../kb/types';
import { redactSecrets } from '../redact';
import { duration, field, plainStyle, terminalSafe, wrap, type Style } from './terminal';

export interface TextOptions {
  style?: Style;
  /** Line width; 80 by default. */
  width?: number;
  /** 'cli' words hints as command-line flags, 'chat' as console/Slack follow-ups. */
  context?: 'cli' | 'chat';
}

interface Ctx {
  s: Style;
  width: number;
  chat: boolean;
}

function ctxOf(opts: TextOptions): Ctx {
  return { s: opts.style ?? plainStyle, width: opts.width ?? 80, chat: (opts.context ?? 'chat') === 'chat' };
}

const MAX_RECIPIENTS_SHOWN = 10;
/** Ranked alternatives shown in full after the most likely cause; the rest are named in one line. */
const MAX_CANDIDATES_SHOWN = 4;
const LABEL_WIDTH = 13;
const MAX_REFERENCES_SHOWN = 5;

function finish(lines: string[]): string {
  return terminalSafe(redactSecrets(lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd())) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Diagnosis
// ---------------------------------------------------------------------------------------------

const FORMAT_LABELS: Record<Diagnosis['source']['format'], string> = {
  mime: 'message source (MIME)',
  text: 'pasted bounce text',
  line: 'a single error line',
};

function quoteServer(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine ? `"${oneLine.length > 400 ? `${oneLine.slice(0, 397)}…` : oneLine}"` : '(no text given)';
}

function recipientLines(r: ExplainedRecipient, c: Ctx): string[] {
  const lines = [`  ${c.s.bold(r.address || '(recipient not named in the report)')}`];
  if (r.status) lines.push(...field('Status', `${r.status}${r.action ? ` (${r.action})` : ''}`, c.width, '    ', LABEL_WIDTH));
  else if (r.action) lines.push(...field('Action', r.action, c.width, '    ', LABEL_WIDTH));
  if (r.replyCode) lines.push(...field('Reply code', r.replyCode, c.width, '    ', LABEL_WIDTH));
  const ip = r.remoteIp && !r.remoteHost?.includes(r.remoteIp) ? `[${r.remoteIp}]` : '';
  if (r.remoteHost || ip) lines.push(...field('Remote host', [r.remoteHost, ip].filter(Boolean).join(' '), c.width, '    ', LABEL_WIDTH));
  if (r.command) lines.push(...field('SMTP stage', r.command, c.width, '    ', LABEL_WIDTH));
  lines.push(...field('Server said', quoteServer(r.serverSaid), c.width, '    ', LABEL_WIDTH));
  return lines;
}

/** A step with its code spans set off: coloured when colour is on, in backticks otherwise. */
function stepText(step: string, c: Ctx): string {
  if (!c.s.enabled) return step;
  return stepSegments(step).map((seg) => (seg.code ? c.s.cyan(seg.text) : seg.text)).join('');
}

function stepsLines(e: Explanation, cause: ExplainedCause, c: Ctx): string[] {
  if (!cause.steps.length) return [];
  const p = e.platform;
  const lines = ['', ...wrap(c.s.bold(`What to do — ${p.hasSteps ? p.name : 'any mail system'}:`), c.width)];
  if (p.hasSteps && p.chosen !== 'generic') lines.push(...wrap(`In ${p.adminTool}.`, c.width, '  ').map(c.s.dim));
  if (!p.hasSteps && p.chosen !== 'generic') lines.push(...wrap(`(No steps specific to ${p.name}; these apply to any mail system.)`, c.width, '  '));
  cause.steps.forEach((step, i) => {
    const num = `  ${i + 1}. `;
    lines.push(...wrap(stepText(step, c), c.width, num, ' '.repeat(num.length)));
  });
  return lines;
}

/** The causes after the lead, numbered by rank when they are alternatives to it, from 1 when they lie behind it. */
function candidatesLines(causes: ExplainedCause[], c: Ctx, heading: string, byRank: boolean): string[] {
  const lines = ['', c.s.bold(heading)];
  const shown = causes.slice(1, 1 + MAX_CANDIDATES_SHOWN);
  for (const [i, cause] of shown.entries()) {
    const num = `  ${byRank ? cause.rank : i + 1}. `;
    const hang = ' '.repeat(num.length);
    const probed = cause.probe ? ` — ${cause.probe} by the probe` : '';
    lines.push(...wrap(`${cause.title} (${cause.confidence} confidence)${probed}`, c.width, num, hang));
    if (cause.tellApart) lines.push(...wrap(`Tell apart: ${cause.tellApart}`, c.width, hang, hang + '  '));
  }
  const rest = causes.slice(1 + shown.length);
  if (rest.length) {
    const more = c.chat ? 'type details for all' : 'use --json for all';
    lines.push(...wrap(`Less likely: ${rest.map((r) => r.title).join('; ')} (${more}).`, c.width, '  ', '    '));
  }
  return lines;
}

function platformHint(reply: DiagnosisReply, c: Ctx): string[] {
  if (!reply.otherPlatforms.length) return [];
  const how = c.chat ? 'type platform NAME' : 'run again with --platform NAME';
  return ['', ...wrap(`Other platforms: ${reply.otherPlatforms.join(', ')} (${how}).`, c.width)];
}

function confirmLines(e: Explanation, c: Ctx): string[] {
  const p = e.confirm;
  if (!p) return [];
  const cmd = c.chat ? p.command.replace(/^smtpcheck\s+/, '') : p.command;
  const lines = ['', c.s.bold('Confirm it: ') + c.s.cyan(cmd)];
  if (p.why) lines.push(...wrap(p.why, c.width, '  '));
  return lines;
}

const EVIDENCE_TONE: Record<ProbeEvidence['verdict'], keyof Omit<Style, 'enabled'>> = {
  confirmed: 'green', supported: 'green', contradicted: 'yellow', mixed: 'yellow', inconclusive: 'dim',
};

/** What a probe showed about the cause: the one line first, then the findings that settle it. */
function evidenceLines(ev: ProbeEvidence, c: Ctx, oneHost: boolean): string[] {
  const lines = ['', ...wrap(c.s[EVIDENCE_TONE[ev.verdict]](c.s.bold(ev.line)), c.width)];
  const items = [...ev.confirming, ...ev.contradicting].slice(0, 4);
  for (const item of items) {
    const head = `  ${outcomeTag(item.outcome, c)} `;
    lines.push(...wrap(`${item.title}${item.host && !oneHost ? ` — ${item.host}` : ''}`, c.width, head, ' '.repeat(10)));
    if (item.meaning && item.meaning !== ev.line) lines.push(...wrap(item.meaning, c.width, ' '.repeat(10)));
    if (item.evidence) lines.push(...wrap(`evidence: ${quoteServer(item.evidence)}`, c.width, ' '.repeat(10), ' '.repeat(12)));
  }
  return lines;
}

/** A diagnosis as the console and CLI print it. */
export function renderDiagnosisText(reply: DiagnosisReply, opts: TextOptions = {}): string {
  const c = ctxOf(opts);
  const d = reply.diagnosis;
  const e = reply.explanation;
  const lines: string[] = [];
  const tone = e.kind === 'bounce' ? c.s.red : e.kind === 'delay' ? c.s.yellow : c.s.green;
  lines.push(...wrap(tone(c.s.bold(e.headline)), c.width));
  if (e.lead) lines.push(...wrap(e.lead, c.width));
  const from = [FORMAT_LABELS[d.source.format], d.source.mta ? `written by ${d.source.mta}` : ''].filter(Boolean).join(', ');
  lines.push(...wrap(`Read from ${from}.`, c.width).map(c.s.dim));
  if (d.original?.subject) lines.push(...wrap(`Original subject: ${d.original.subject}`, c.width));

  if (e.recipients.length) {
    lines.push('');
    for (const r of e.recipients.slice(0, MAX_RECIPIENTS_SHOWN)) lines.push(...recipientLines(r, c));
    const more = e.recipients.length - MAX_RECIPIENTS_SHOWN;
    if (more > 0) lines.push(`  … and ${more} more recipient${more === 1 ? '' : 's'} (${c.chat ? 'type details' : 'use --json'} for all).`);
  }
  if (e.probeEvidence) lines.push(...evidenceLines(e.probeEvidence, c, true));

  const top = e.causes[0];
  if (top) {
    // A certain lead with others after it is a symptom (a bare #4.4.7) followed by what may lie behind it;
    // an uncertain lead is the best of several guesses.
    const others = e.causes.length > 1;
    const guess = others && top.confidence !== 'high';
    lines.push('', ...wrap(`${c.s.bold(`${guess ? 'Most likely cause:' : 'Cause:'} ${top.title}`)} ${c.s.dim(`(${top.confidence} confidence)`)}`, c.width, '', '  '));
    lines.push(...wrap(top.summary, c.width, '  '));
    if (top.why) lines.push(...wrap(`Why: ${top.why}`, c.width, '  ', '    '));
    if (guess && top.tellApart) lines.push(...wrap(`Tell apart: ${top.tellApart}`, c.width, '  ', '    '));
    lines.push(...wrap(`Who must act: ${top.actorLabel}.${top.retryAdvice ? ` ${top.retryAdvice}` : ''}`, c.width, '  ', '  '));
    if (others) lines.push(...candidatesLines(e.causes, c, guess ? 'Other possible causes:' : 'What may lie behind it, most likely first:', guess));
    lines.push(...stepsLines(e, top, c));
    if (guess) lines.push(...wrap('(Steps are for the most likely cause.)', c.width, '  '));
  }
  lines.push(...confirmLines(e, c));
  if (top) lines.push(...platformHint(reply, c));
  if (e.references.length) lines.push('', 'References:', ...e.references.slice(0, MAX_REFERENCES_SHOWN).map((u) => `  ${u}`));
  if (e.notes.length) lines.push('', ...e.notes.flatMap((w) => wrap(`Note: ${w}`, c.width, '', '  ')));
  return finish(lines);
}

/** Every fact read from the bounce (`details`). */
export function renderDetailsText(reply: DetailsReply, opts: TextOptions = {}): string {
  const c = ctxOf(opts);
  const d = reply.diagnosis;
  const kv = (label: string, value: string | undefined, indent = '  ') => (value ? field(label, value, c.width, indent, 20) : []);
  const lines: string[] = [c.s.bold('Report'), ...kv('Kind', d.kind), ...kv('Format', d.source.format), ...kv('Written by', d.source.mta), ...kv('Platform hint', d.platform)];
  if (d.headers) lines.push(...kv('Subject', d.headers.subject), ...kv('From', d.headers.from), ...kv('Date', d.headers.date), ...kv('Message-ID', d.headers.messageId));
  if (d.original) {
    lines.push('', c.s.bold('Original message'), ...kv('Subject', d.original.subject), ...kv('From', d.original.from),
      ...kv('To', d.original.to?.join(', ')), ...kv('Date', d.original.date), ...kv('Message-ID', d.original.messageId));
  }
  d.recipients.forEach((r, i) => {
    lines.push('', c.s.bold(`Recipient ${i + 1}: ${r.address || '(not named)'}`),
      ...kv('Original recipient', r.originalRecipient), ...kv('Action', r.action), ...kv('Status', r.status),
      ...kv('Reply code', r.replyCode), ...kv('Remote host', r.remoteHost), ...kv('Remote IP', r.remoteIp),
      ...kv('Reporting MTA', r.reportingMta), ...kv('SMTP stage', r.command), ...kv('Diagnostic type', r.diagnosticType),
      ...kv('Diagnostic', r.diagnostic), ...kv('Last attempt', r.lastAttemptDate), ...kv('Will retry until', r.willRetryUntil),
      ...kv('Reason', r.reason), ...kv('Cause', r.cause), ...kv('Hard', r.hard ? 'yes: retrying cannot succeed' : 'no'), ...kv('Decided by', r.rule));
    for (const [k, v] of Object.entries(r.extensions ?? {})) lines.push(...kv(k, v));
  });
  if (d.causes.length) {
    lines.push('', c.s.bold('Causes, ranked'));
    for (const cause of d.causes) {
      lines.push(`  ${cause.rank}. ${cause.title} [${cause.id}] (${cause.confidence})`, ...kv('Why', cause.why, '     '), ...kv('Tell apart', cause.tellApart, '     '));
    }
  }
  if (d.warnings?.length) lines.push('', c.s.bold('Warnings'), ...d.warnings.flatMap((w) => wrap(w, c.width, '  - ', '    ')));
  return finish(lines);
}

// ---------------------------------------------------------------------------------------------
// Probe
// ---------------------------------------------------------------------------------------------

function outcomeTag(outcome: Finding['outcome'], c: Ctx): string {
  const tag = `[${OUTCOME_LABELS[outcome]}]`.padEnd(7);
  if (outcome === 'pass') return c.s.green(tag);
  if (outcome === 'warn') return c.s.yellow(tag);
  if (outcome === 'fail' || outcome === 'error') return c.s.red(tag);
  return c.s.dim(tag);
}

function hostLabel(h: Pick<HostProbe, 'name' | 'ip' | 'port'>): string {
  return h.name === h.ip ? `[${h.ip}]:${h.port}` : `${h.name}[${h.ip}]:${h.port}`;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}

function dnsLines(report: ProbeReport, c: Ctx): string[] {
  const dns = report.dns;
  const lines: string[] = [];
  if (dns.nullMx) lines.push('  MX       null MX (the domain accepts no mail)');
  for (const mx of dns.mx ?? []) {
    lines.push(...field(dns.implicitMx ? 'A/AAAA' : 'MX', `${dns.implicitMx ? '' : `${mx.priority} `}${mx.exchange}${mx.addresses.length ? ` (${mx.addresses.join(', ')})` : ' (no address)'}`, c.width, '  ', 9));
  }
  if (dns.spf?.record) lines.push(...field('SPF', dns.spf.record, c.width, '  ', 9));
  if (dns.dmarc?.record) lines.push(...field('DMARC', dns.dmarc.record, c.width, '  ', 9));
  if (dns.mtaSts?.policy) lines.push(...field('MTA-STS', `mode ${dns.mtaSts.policy.mode}, mx ${dns.mtaSts.policy.mx.join(' ')}`, c.width, '  ', 9));
  return lines.length ? ['', c.s.bold('DNS'), ...lines] : [];
}

function hostLines(h: HostProbe, c: Ctx): string[] {
  const lines = ['', c.s.bold(hostLabel(h))];
  for (const step of h.steps) {
    const status = step.ok ? c.s.green('ok  ') : c.s.red('FAIL');
    const head = `    ${step.step.padEnd(10)} ${duration(step.ms).padStart(7)}  `;
    const reply = firstLine(step.reply);
    lines.push(...wrap(`${status} ${reply}`, c.width, head, ' '.repeat(head.length + 5)));
  }
  const auth = (list?: string[]) => (list === undefined ? 'not seen' : list.length ? list.join(' ') : 'none offered');
  if (h.ehlo.before || h.ehlo.after) lines.push(...field('AUTH', `before TLS: ${auth(h.auth.before)}; after TLS: ${auth(h.auth.after)}`, c.width, '    ', 13));
  if (h.tls) {
    lines.push(...field('TLS', [h.tls.protocol, h.tls.cipher].filter(Boolean).join(' ') || 'negotiated', c.width, '    ', 13));
    const cert = h.tls.cert;
    if (cert) {
      const facts = [
        cert.subject && `subject ${cert.subject}`,
        cert.issuer && `issuer ${cert.issuer}`,
        cert.validTo && `valid to ${cert.validTo}${cert.daysLeft !== undefined ? ` (${cert.daysLeft} days left)` : ''}`,
        cert.trusted ? 'trusted' : `NOT trusted${cert.trustError ? ` (${cert.trustError})` : ''}`,
        cert.nameMatches ? 'name matches' : 'name does NOT match',
      ].filter(Boolean).join('; ');
      lines.push(...field('Certificate', facts, c.width, '    ', 13));
    }
  }
  if (h.error) lines.push(...field('Error', [h.error.command, h.error.message, h.error.response && quoteServer(h.error.response)].filter(Boolean).join(': '), c.width, '    ', 13));
  return lines;
}

/** Findings grouped worst first (explain's groups); evidence and what a problem points to for the serious ones. */
function findingLines(groups: FindingGroup[], c: Ctx, oneHost: boolean): string[] {
  const lines: string[] = [];
  for (const group of groups) {
    lines.push('', c.s.bold(`${group.label}:`));
    const serious = group.outcome === 'fail' || group.outcome === 'warn' || group.outcome === 'error';
    for (const f of group.findings) {
      const head = `  ${outcomeTag(f.outcome, c)} `;
      const hang = ' '.repeat(10);
      // With one host every finding is about it; naming it each time only adds noise.
      const where = f.host && !oneHost ? ` — ${f.host}` : '';
      lines.push(...wrap(`${f.title}${where}${f.timing ? c.s.dim(` (${f.timing})`) : ''}`, c.width, head, hang));
      if (f.evidence && (serious || group.outcome === 'pass')) lines.push(...wrap(`evidence: ${quoteServer(f.evidence)}`, c.width, hang, hang + '  '));
      if (serious && f.causes.length) lines.push(...wrap(`can cause: ${f.causes.map((x) => x.title).join('; ')}`, c.width, hang, hang + '  ').map(c.s.dim));
    }
  }
  return lines;
}

function changeLines(compared: NonNullable<ProbeReply['comparedTo']>, c: Ctx): string[] {
  const lines = ['', c.s.bold(`Since the last run (${compared.at}, ${OUTCOME_LABELS[compared.outcome]}):`)];
  if (!compared.changes.length) return [...lines, '  Nothing changed.'];
  const describe = (ch: ProbeChange): string => {
    const where = ch.host ? ` — ${ch.host}` : '';
    if (ch.change === 'appeared') return `+ new: [${OUTCOME_LABELS[ch.after!]}] ${ch.title}${where}`;
    if (ch.change === 'disappeared') return `- gone: [${OUTCOME_LABELS[ch.before!]}] ${ch.title}${where}`;
    return `~ ${OUTCOME_LABELS[ch.before!]} → ${OUTCOME_LABELS[ch.after!]}: ${ch.title}${where}`;
  };
  for (const ch of compared.changes) lines.push(...wrap(describe(ch), c.width, '  ', '      '));
  return lines;
}

function transcriptLines(hosts: { label: string; lines: string[]; error?: string }[], c: Ctx): string[] {
  const lines: string[] = [];
  for (const h of hosts) {
    lines.push('', c.s.bold(`Transcript ${h.label}`));
    if (!h.lines.length) lines.push('  (no SMTP conversation)');
    for (const l of h.lines) lines.push(`  ${l}`);
    if (h.error) lines.push(`  ! ${h.error}`);
  }
  return lines;
}

/** A probe report: verdict first, then DNS, each host's steps with timings, findings with evidence. */
export function renderProbeText(
  reply: Pick<ProbeReply, 'report' | 'explanation' | 'showTranscript' | 'comparedTo' | 'evidence'>, opts: TextOptions = {},
): string {
  const c = ctxOf(opts);
  const r = reply.report;
  const e = reply.explanation;
  const tone = e.outcome === 'pass' ? c.s.green : e.outcome === 'warn' || e.outcome === 'skip' ? c.s.yellow : c.s.red;
  const label = OUTCOME_LABELS[e.outcome];
  const verdict = e.verdict.toUpperCase().startsWith(`${label}:`) ? e.verdict : `${label}: ${e.verdict}`;
  const oneHost = r.hosts.length <= 1;
  const lines = wrap(tone(c.s.bold(verdict)), c.width, '', '  ');
  lines.push(...wrap(`Probed ${r.target} (${r.kind}) at ${r.startedAt} in ${duration(r.ms)}. No message was sent.`, c.width).map(c.s.dim));
  if (reply.evidence) lines.push(...evidenceLines(reply.evidence, c, oneHost));
  if (reply.comparedTo) lines.push(...changeLines(reply.comparedTo, c));
  lines.push(...dnsLines(r, c));
  for (const h of r.hosts) lines.push(...hostLines(h, c));
  lines.push(...findingLines(e.groups, c, oneHost));
  if (e.pointsTo.length) lines.push('', ...wrap(`The problems found can cause: ${e.pointsTo.map((p) => p.title).join('; ')}.`, c.width, '', '  '));
  if (reply.showTranscript) lines.push(...transcriptLines(r.hosts.map((h) => ({ label: hostLabel(h), lines: h.transcript, ...(h.error ? { error: h.error.message } : {}) })), c));
  else if (c.chat) lines.push('', c.s.dim('Type transcript for the SMTP conversation, recheck to run it again.'));
  else lines.push('', c.s.dim('Add --transcript for the SMTP conversation.'));
  return finish(lines);
}

/** The transcript follow-up: DNS lookups with timings, then each host's SMTP conversation. */
export function renderTranscriptText(reply: TranscriptReply, opts: TextOptions = {}): string {
  const c = ctxOf(opts);
  const lines = [c.s.bold(`Transcript of the probe of ${reply.target} (${reply.startedAt})${reply.rerun ? ' — run again just now' : ''}`)];
  if (reply.dns.length) {
    lines.push('', c.s.bold('DNS lookups'));
    for (const q of reply.dns) {
      const head = `  ${duration(q.ms).padStart(7)}  ${q.type.padEnd(5)} ${q.name} `;
      lines.push(...wrap(q.error ? `error: ${q.error}` : q.answer ?? '(no answer)', c.width, head, ' '.repeat(15)));
    }
  }
  lines.push(...transcriptLines(reply.hosts, c));
  return finish(lines);
}

// ---------------------------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------------------------

/** Help for the console and Slack follow-ups. */
export function renderChatHelpText(reply: Pick<HelpReply, 'commands'>, opts: TextOptions & { extra?: HelpReply['commands'] } = {}): string {
  const c = ctxOf(opts);
  const lines = [c.s.bold('What I can do:')];
  for (const cmd of [...reply.commands, ...(opts.extra ?? [])]) {
    lines.push('', ...wrap(c.s.cyan(cmd.usage), c.width, '  ', '    '), ...wrap(cmd.description, c.width, '    '));
  }
  return finish(lines);
}

/** `smtpcheck help`: the command-line surface. */
export function renderHelpText(opts: TextOptions = {}): string {
  const c = ctxOf(opts);
  const lines = [
    c.s.bold('smtpcheck — explain email bounces and prove it with live SMTP/DNS probes'),
    '',
    c.s.bold('Usage'),
    '  smtpcheck diagnose [FILE|DIR…|-] [--json | --jsonl] [--platform NAME]',
    '  smtpcheck probe TARGET [--port N] [--rcpt ADDRESS] [--json] [--transcript]',
    '  smtpcheck help | --help | --version',
    '',
    c.s.bold('diagnose'),
    ...wrap('Reads bounces (NDR/DSN message source, pasted bounce text, or a queue error line) from files, from every file under a directory, or from standard input (- or no argument) and explains each: facts per recipient, the cause, and steps to fix it.', c.width, '  '),
    ...field('--json', 'one JSON object for one input', c.width, '  ', 17),
    ...field('--jsonl', 'one JSON line per input; a file that cannot be read prints {"file","error","code"} and the rest continue', c.width, '  ', 17),
    ...field('--platform NAME', `steps for: ${PLATFORMS.join(', ')} (default: the platform the report shows, else generic)`, c.width, '  ', 17),
    ...wrap('Exit status: 0 when a report (bounce, delay, …) was read from at least one input; 1 when inputs were read but none is a report; 2 for usage errors or when no input could be read.', c.width, '  '),
    '',
    c.s.bold('probe'),
    ...wrap('Live checks of a domain (its MX hosts), a host[:port] or user@domain: MX and address records, connect, banner, EHLO, STARTTLS, certificate, AUTH before and after TLS, optional RCPT. Never sends a message.', c.width, '  '),
    ...field('--port N', 'probe this port only (allowed: SMTPCHECK_ALLOWED_PORTS)', c.width, '  ', 17),
    ...field('--rcpt ADDRESS', 'also ask whether the server accepts this recipient (RCPT TO)', c.width, '  ', 17),
    ...field('--json', 'print the ProbeReport as JSON on stdout', c.width, '  ', 17),
    ...field('--transcript', 'append the SMTP transcript', c.width, '  ', 17),
    ...wrap('Exit status: 0 when nothing failed (warnings allowed), 1 when a check failed or errored, 2 for usage errors or a refused target.', c.width, '  '),
    '',
    c.s.bold('Settings (environment or .env)'),
    ...wrap('SMTPCHECK_DNS_SERVERS, SMTPCHECK_ALLOW_PRIVATE=1 (allow private and loopback targets), SMTPCHECK_ALLOWED_PORTS, SMTPCHECK_PROBE_TIMEOUT_MS, SMTPCHECK_HELO_NAME, SMTPCHECK_MAIL_FROM, SMTPCHECK_MAX_INPUT_BYTES, NO_COLOR, SMTPCHECK_DEBUG=1 (stack traces on errors).', c.width, '  '),
  ];
  return finish(lines);
}

// ---------------------------------------------------------------------------------------------
// Any reply
// ---------------------------------------------------------------------------------------------

/** Commands only the console has, shown after the shared help. */
export const CONSOLE_ONLY_COMMANDS: HelpReply['commands'] = [
  { usage: 'quit', description: 'Leave the console (also exit, or Ctrl-D).' },
];

/** Render any reply of the conversation core for a terminal. */
export function renderReplyText(reply: BotReply, opts: TextOptions = {}): string {
  const c = ctxOf(opts);
  switch (reply.kind) {
    case 'diagnosis': return renderDiagnosisText(reply, opts);
    case 'details': return renderDetailsText(reply, opts);
    case 'probe': return renderProbeText(reply, opts);
    case 'transcript': return renderTranscriptText(reply, opts);
    case 'help': return renderChatHelpText(reply, opts.context === 'cli' ? opts : { ...opts, extra: CONSOLE_ONLY_COMMANDS });
    case 'error': return finish(wrap(c.s.red(reply.message), c.width));
    case 'usage':
    case 'notice':
    case 'not-understood':
      return finish(wrap(reply.message, c.width));
  }
}
