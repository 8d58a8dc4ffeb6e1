/**
 * The conversation core's replies as Slack Block Kit — plain JSON data, no @slack imports, so the
 * engine never depends on Slack and these can be tested (and benchmarked) without it.
 *
 * Same reading order as render/text (what the console prints): headline, the cause in plain words,
 * facts per recipient in the server's own words, steps for the chosen platform, how to confirm it.
 * Slack's limits are hard errors (invalid_blocks, msg_blocks_too_long), so every message goes through
 * `fit()`: ≤ 50 blocks, section text ≤ 3000, header ≤ 150, button text ≤ 75, ids ≤ 255, and a total text
 * budget below Slack's ~12k ceiling (bolt-js #2509). Long material is cut with a pointer to *Show details*
 * / *Show transcript*. Every string passes redactSecrets: pasted bounces and transcripts can carry secrets.
 * Limits: https://docs.slack.dev/reference/block-kit/blocks · .../block-elements/button-element
 */
import type { ClassifiedRecipient, Diagnosis } from '../classify/types';
import type { HostProbe, Outcome, ProbeReport } from '../probe/types';
import type { ExplainedCause, ExplainedRecipient, Explanation, FindingGroup, HostSummary } from '../explain/types';
import { formatMs, stepSegments } from '../explain';
import type {
  BotReply, DetailsReply, DiagnosisReply, HelpReply, ProbeChange, ProbeReply, ProbeRequest, TranscriptReply,
} from '../bot/types';
import { OUTCOME_LABELS, PLATFORM_LABELS } from '../bot/labels';
import { PLATFORMS, type Platform } from '../kb/types';
import { redactSecrets } from '../redact';

// ---------------------------------------------------------------------------------------------
// Minimal Block Kit types (only what we send)
// ---------------------------------------------------------------------------------------------

export interface PlainText { type: 'plain_text'; text: string; emoji?: boolean }
export interface Mrkdwn { type: 'mrkdwn'; text: string; verbatim?: boolean }
export type TextObject = PlainText | Mrkdwn;
export interface Option { text: PlainText; value: string }
export interface Button { type: 'button'; action_id: string; text: PlainText; value?: string; style?: 'primary' | 'danger' }
export interface StaticSelect { type: 'static_select'; action_id: string; placeholder?: PlainText; options: Option[]; initial_option?: Option }
export type Element = Button | StaticSelect;
export interface SectionBlock { type: 'section'; block_id?: string; text?: TextObject; fields?: TextObject[]; accessory?: Element }
export interface HeaderBlock { type: 'header'; block_id?: string; text: PlainText }
export interface ContextBlock { type: 'context'; block_id?: string; elements: TextObject[] }
export interface ActionsBlock { type: 'actions'; block_id?: string; elements: Element[] }
export interface DividerBlock { type: 'divider'; block_id?: string }
export type Block = SectionBlock | HeaderBlock | ContextBlock | ActionsBlock | DividerBlock;

/** A message body: blocks plus the fallback `text` Slack shows in notifications and screen readers. */
export interface SlackMessage { text: string; blocks: Block[] }
export interface HomeView { type: 'home'; blocks: Block[] }

export const LIMITS = {
  blocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  contextElements: 10,
  id: 255,
  /** Kept below Slack's observed ~12k total so a message never fails with msg_blocks_too_long. */
  totalText: 11_000,
  /** Fallback text: Slack truncates at 40k; notifications want far less. */
  fallback: 3000,
} as const;

/** action_ids the Slack adapter listens for. Values: probe → JSON ProbeRequest, platform → platform id. */
export const ACTIONS = {
  probe: 'smtpcheck_probe',
  details: 'smtpcheck_details',
  recheck: 'smtpcheck_recheck',
  transcript: 'smtpcheck_transcript',
  platform: 'smtpcheck_platform',
} as const;

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Escape Slack's three control characters (https://docs.slack.dev/messaging/formatting-message-text#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shorten to `max` characters with an ellipsis, never leaving half an entity (&amp;) behind. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - 1)).replace(/&[a-z]{0,4}$/, '') + '…';
}

/** Untrusted words (a server's reply, an address) for mrkdwn: secrets masked, markup escaped. */
function safe(text: string): string {
  return escapeMrkdwn(redactSecrets(text));
}

/** A message's fallback `text`: Slack formats and notifies from it too, so it is escaped like the blocks. */
function fallback(text: string): string {
  return cut(safe(text), LIMITS.fallback);
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const md = (text: string): Mrkdwn => ({ type: 'mrkdwn', text: cut(text, LIMITS.sectionText) });
const plain = (text: string, max: number = LIMITS.sectionText): PlainText => ({ type: 'plain_text', text: cut(redactSecrets(text), max), emoji: true });
const section = (text: string, blockId?: string): SectionBlock => ({ type: 'section', ...(blockId ? { block_id: blockId } : {}), text: md(text) });
const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(oneLine(text), LIMITS.header) });
const context = (...texts: string[]): ContextBlock => ({ type: 'context', elements: texts.filter(Boolean).slice(0, LIMITS.contextElements).map((t) => md(t)) });
const button = (actionId: string, text: string, value?: string, style?: Button['style']): Button => ({
  type: 'button', action_id: actionId, text: plain(text, LIMITS.buttonText), ...(value !== undefined ? { value: cut(value, LIMITS.buttonValue) } : {}), ...(style ? { style } : {}),
});

/** A code block that stays within one section: ``` fences included, cut lines reported. */
function codeSection(lines: string[], budget: number, moreHint: string): { block: SectionBlock; cutLines: number } {
  const room = Math.min(budget, LIMITS.sectionText) - 8 - moreHint.length - 24;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const l = escapeMrkdwn(redactSecrets(line.length > 300 ? `${line.slice(0, 299)}…` : line));
    if (used + l.length + 1 > room) break;
    kept.push(l);
    used += l.length + 1;
  }
  const cutLines = lines.length - kept.length;
  const body = '```' + (kept.join('\n') || ' ') + '```' + (cutLines ? `\n_${cutLines} more line${cutLines === 1 ? '' : 's'} not shown — ${moreHint}_` : '');
  return { block: section(body), cutLines };
}

// ---------------------------------------------------------------------------------------------
// Fitting a message into Slack's limits
// ---------------------------------------------------------------------------------------------

function textsOf(b: Block): TextObject[] {
  switch (b.type) {
    case 'section': return [...(b.text ? [b.text] : []), ...(b.fields ?? []), ...(b.accessory ? elementTexts(b.accessory) : [])];
    case 'header': return [b.text];
    case 'context': return b.elements;
    case 'actions': return b.elements.flatMap(elementTexts);
    case 'divider': return [];
  }
}

function elementTexts(e: Element): TextObject[] {
  return e.type === 'button' ? [e.text] : [...(e.placeholder ? [e.placeholder] : []), ...e.options.map((o) => o.text), ...(e.initial_option ? [e.initial_option.text] : [])];
}

/** Total characters of text in blocks, counted the way Slack's message ceiling counts them. */
export function blockTextLength(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + textsOf(b).reduce((m, t) => m + t.text.length, 0), 0);
}

/**
 * Make any message fit: at most `maxBlocks` blocks (keeping the last actions block, which carries the
 * buttons), and at most `LIMITS.totalText` characters — by shortening the longest section texts first.
 */
export function fit(msg: SlackMessage, maxBlocks: number = LIMITS.blocks): SlackMessage {
  let blocks = msg.blocks.slice();
  if (blocks.length > maxBlocks) {
    const lastActions = [...blocks].reverse().find((b) => b.type === 'actions');
    const keep = maxBlocks - 1 - (lastActions ? 1 : 0);
    const dropped = blocks.length - keep - (lastActions ? 1 : 0);
    blocks = [...blocks.slice(0, keep).filter((b) => b !== lastActions), context(`_${dropped} more block${dropped === 1 ? '' : 's'} left out to fit Slack's limits — use *Show details*._`), ...(lastActions ? [lastActions] : [])];
  }
  let over = blockTextLength(blocks) - LIMITS.totalText;
  while (over > 0) {
    const longest = blocks.filter((b): b is SectionBlock => b.type === 'section' && !!b.text)
      .sort((a, b) => b.text!.text.length - a.text!.text.length)[0];
    if (!longest || longest.text!.text.length < 200) break;
    const t = longest.text!.text;
    const target = Math.max(150, t.length - over - 40);
    let shortened = cut(t, target);
    // Keep code fences balanced, or the rest of the message renders as code.
    if ((shortened.match(/```/g)?.length ?? 0) % 2 === 1) shortened += '```';
    longest.text = md(shortened + '\n_(shortened — use *Show details*)_');
    over = blockTextLength(blocks) - LIMITS.totalText;
  }
  return { text: fallback(msg.text), blocks };
}

// ---------------------------------------------------------------------------------------------
// Diagnosis (from explain's Explanation: what to say is decided there; this only lays it out)
// ---------------------------------------------------------------------------------------------

const FORMAT_LABELS: Record<Diagnosis['source']['format'], string> = {
  mime: 'message source (MIME)',
  text: 'pasted bounce text',
  line: 'a single error line',
};

/** Recipients shown in full in the thread reply; the rest are behind *Show details*. */
export const MAX_RECIPIENTS_SHOWN = 5;
const SERVER_WORDS_MAX = 600;
const MAX_CANDIDATES_SHOWN = 5;
const MAX_STEPS_SHOWN = 12;

/**
 * A step for mrkdwn: prose escaped, `code` kept inline. Code that itself holds a backtick (sendmail m4)
 * cannot be inline code in Slack, so it becomes its own code block.
 */
export function stepMrkdwn(step: string): string {
  return stepSegments(redactSecrets(oneLine(step))).map((seg) => {
    if (!seg.code) return escapeMrkdwn(seg.text);
    const code = escapeMrkdwn(seg.text);
    return seg.text.includes('`') ? `\n\`\`\`${code}\`\`\`\n` : `\`${code}\``;
  }).join('');
}

function recipientBlock(r: ExplainedRecipient): SectionBlock {
  const words = oneLine(r.serverSaid);
  const quote = words ? `> ${safe(cut(words, SERVER_WORDS_MAX))}` : '> _(the report quotes no server reply)_';
  const fields: TextObject[] = [];
  const add = (label: string, value: string | undefined) => { if (value) fields.push(md(`*${label}*\n${safe(cut(value, 300))}`)); };
  add('Status', [r.status, r.action && `(${r.action})`].filter(Boolean).join(' '));
  add('Reply', r.replyCode);
  add('Remote host', [r.remoteHost, r.remoteIp && !r.remoteHost?.includes(r.remoteIp) ? `[${r.remoteIp}]` : ''].filter(Boolean).join(' '));
  add('SMTP stage', r.command);
  return {
    type: 'section',
    text: md(`*${safe(cut(r.address || '(recipient not named in the report)', 300))}*\n${quote}`),
    ...(fields.length ? { fields: fields.slice(0, LIMITS.fields) } : {}),
  };
}

function leadText(e: Explanation): string {
  const lead = e.causes[0];
  const lines: string[] = [];
  if (e.lead) lines.push(safe(cut(oneLine(e.lead), 800)));
  if (lead) {
    lines.push(`*Cause:* ${safe(lead.title)} _(${lead.confidence} confidence)_`);
    if (lead.summary) lines.push(safe(cut(oneLine(lead.summary), 1200)));
    lines.push(`*Who must act:* ${safe(lead.actorLabel)}.${lead.retryAdvice ? ` ${safe(lead.retryAdvice)}` : ''}`);
  } else if (!e.lead) {
    lines.push('No cause could be named from this report. Use *Show details* to see everything that was read.');
  }
  if (e.probeEvidence) lines.push(`:mag: ${safe(cut(oneLine(e.probeEvidence.line), 600))}`);
  return lines.join('\n');
}

/** The other candidates after the lead (which is already explained above them). */
function candidatesText(causes: ExplainedCause[]): string {
  const lead = causes[0];
  const lines = ['*Other possible causes, most likely first:*'];
  if (lead.tellApart) lines.unshift(`*Tell the lead cause apart:* ${safe(cut(oneLine(lead.tellApart), 400))}`);
  const others = causes.slice(1);
  for (const c of others.slice(0, MAX_CANDIDATES_SHOWN)) {
    lines.push(`${c.rank}. *${safe(c.title)}* _(${c.confidence} confidence)_ — ${safe(cut(oneLine(c.summary), 300))}`);
    if (c.tellApart) lines.push(`      _Tell apart:_ ${safe(cut(oneLine(c.tellApart), 300))}`);
  }
  if (others.length > MAX_CANDIDATES_SHOWN) lines.push(`_… ${others.length - MAX_CANDIDATES_SHOWN} more — use *Show details*._`);
  return lines.join('\n');
}

function stepsText(e: Explanation, lead: ExplainedCause): string | undefined {
  if (!lead.steps.length) return undefined;
  const lines = [`*What to do — ${safe(e.platform.name)}:*`];
  if (!e.platform.hasSteps) lines.push(`_(No steps specific to ${safe(e.platform.name)}; these apply to any mail system.)_`);
  lead.steps.slice(0, MAX_STEPS_SHOWN).forEach((s, i) => lines.push(`${i + 1}. ${stepMrkdwn(cut(s, 600))}`));
  if (lead.steps.length > MAX_STEPS_SHOWN) lines.push(`_… ${lead.steps.length - MAX_STEPS_SHOWN} more steps._`);
  if (e.causes.length > 1 && lead.confidence !== 'high') lines.push('_(Steps are for the most likely cause.)_');
  return lines.join('\n');
}

export function platformOption(p: Platform): Option {
  return { text: plain(PLATFORM_LABELS[p], LIMITS.optionText), value: p };
}

function platformSelect(current: Platform): StaticSelect {
  return {
    type: 'static_select', action_id: ACTIONS.platform, placeholder: plain('Steps for another mail system', LIMITS.optionText),
    options: PLATFORMS.map(platformOption), initial_option: platformOption(current),
  };
}

/** Value of a Probe button: the request, as JSON (≤ 2000 characters by construction). */
export function probeButtonValue(req: ProbeRequest): string {
  return JSON.stringify({ target: cut(req.target, 500), ...(req.port !== undefined ? { port: req.port } : {}), ...(req.rcpt ? { rcpt: cut(req.rcpt, 500) } : {}) });
}

export function renderDiagnosis(reply: DiagnosisReply): SlackMessage {
  const e = reply.explanation;
  const d = reply.diagnosis;
  const lead = e.causes[0];
  const blocks: Block[] = [header(e.headline), section(leadText(e))];

  for (const r of e.recipients.slice(0, MAX_RECIPIENTS_SHOWN)) blocks.push(recipientBlock(r));
  const more = e.recipients.length - MAX_RECIPIENTS_SHOWN;
  if (more > 0) blocks.push(context(`_… and ${more} more recipient${more === 1 ? '' : 's'} — use *Show details* for all of them._`));

  // explain decides which candidates are worth naming (a bare #4.4.7 gets its usual causes): show them all.
  if (lead && e.causes.length > 1) blocks.push(section(candidatesText(e.causes)));
  const steps = lead && stepsText(e, lead);
  if (steps) blocks.push(section(steps, `steps_${reply.platform}`));

  const probe = reply.suggestedProbe;
  if (probe) {
    const why = e.confirm?.why ?? probe.note;
    blocks.push(section(`*Confirm it:* \`probe ${safe(probe.target)}${probe.rcpt ? ` --rcpt ${safe(probe.rcpt)}` : ''}\` — type it in this thread or use the button.${why ? ` ${safe(cut(oneLine(why), 600))}` : ''}`));
  }

  const actions: Element[] = [platformSelect(reply.platform)];
  if (probe) actions.push(button(ACTIONS.probe, `Probe ${probe.target}`, probeButtonValue(probe), 'primary'));
  actions.push(button(ACTIONS.details, 'Show details'));
  blocks.push({ type: 'actions', block_id: `diagnosis_actions_${reply.platform}`, elements: actions });

  const from = [FORMAT_LABELS[d.source.format], d.source.mta ? `written by ${safe(d.source.mta)}` : ''].filter(Boolean).join(', ');
  const platformNote = reply.platformSource === 'report' ? ` Steps for ${safe(e.platform.name)}, as the report suggests.` : '';
  blocks.push(context(`Read from ${from}.${platformNote}`, ...e.notes.slice(0, 3).map((w) => `_Note:_ ${safe(cut(oneLine(w), 400))}`)));
  if (e.references.length) blocks.push(context(...e.references.slice(0, 5).map((u) => `<${u.replace(/[<>|\s]/g, '')}|${safe(cut(u.replace(/^https?:\/\//, ''), 80))}>`)));

  const fallback = lead ? `${e.headline}. ${oneLine(lead.summary)}` : `${e.headline}.${e.lead ? ` ${oneLine(e.lead)}` : ''}`;
  return fit({ text: fallback, blocks });
}

function detailsTitle(d: Diagnosis): string {
  return `Details — ${d.causes[0]?.title ?? (d.kind === 'bounce' ? 'bounce' : d.kind)}`;
}

function remoteOf(r: ClassifiedRecipient): string {
  const ip = r.remoteIp && !r.remoteHost?.includes(r.remoteIp) ? `[${r.remoteIp}]` : '';
  return [r.remoteHost, ip].filter(Boolean).join(' ');
}

/** Every fact read from the bounce (`details`), usually shown only to the person who asked. */
export function renderDetails(reply: DetailsReply): SlackMessage {
  const d = reply.diagnosis;
  const kv = (label: string, value: string | undefined) => (value ? `*${label}:* ${safe(cut(oneLine(value), 700))}` : '');
  const blocks: Block[] = [header(detailsTitle(d))];
  blocks.push(section([
    kv('Kind', d.kind), kv('Format', FORMAT_LABELS[d.source.format]), kv('Written by', d.source.mta), kv('Platform hint', d.platform),
    kv('Subject', d.headers?.subject), kv('From', d.headers?.from), kv('Date', d.headers?.date),
    d.original ? kv('Original subject', d.original.subject) : '', d.original ? kv('Original from', d.original.from) : '',
    d.original ? kv('Original to', d.original.to?.join(', ')) : '', d.original ? kv('Original Message-ID', d.original.messageId) : '',
  ].filter(Boolean).join('\n') || 'No report headers.'));
  const shown = d.recipients.slice(0, 30);
  shown.forEach((r, i) => {
    blocks.push(section([
      `*Recipient ${i + 1}: ${safe(cut(r.address || '(not named)', 300))}*`,
      kv('Original recipient', r.originalRecipient), kv('Action', r.action), kv('Status', r.status), kv('Reply code', r.replyCode),
      kv('Remote host', remoteOf(r)), kv('Reporting MTA', r.reportingMta), kv('SMTP stage', r.command),
      kv('Diagnostic', r.diagnostic), kv('Last attempt', r.lastAttemptDate), kv('Will retry until', r.willRetryUntil),
      kv('Reason', r.reason), kv('Cause', r.cause), `*Hard:* ${r.hard ? 'yes: retrying cannot succeed' : 'no'}`, kv('Decided by', r.rule),
      ...Object.entries(r.extensions ?? {}).slice(0, 8).map(([k, v]) => kv(k, v)),
    ].filter(Boolean).join('\n')));
  });
  if (d.recipients.length > shown.length) blocks.push(context(`_${d.recipients.length - shown.length} more recipients not shown._`));
  if (d.causes.length) {
    blocks.push(section(['*Causes, ranked*', ...d.causes.slice(0, 8).map((c) => `${c.rank}. ${safe(c.title)} \`${c.id}\` _(${c.confidence})_${c.why ? ` — ${safe(cut(oneLine(c.why), 300))}` : ''}`)].join('\n')));
  }
  if (d.warnings?.length) blocks.push(section(['*Warnings*', ...d.warnings.slice(0, 8).map((w) => `• ${safe(cut(oneLine(w), 400))}`)].join('\n')));
  return fit({ text: detailsTitle(d), blocks });
}

// ---------------------------------------------------------------------------------------------
// Probe (explain's ProbeExplanation for findings and hosts; the report for DNS and transcripts)
// ---------------------------------------------------------------------------------------------

const OUTCOME_EMOJI: Record<Outcome, string> = { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:', error: ':x:', skip: ':fast_forward:' };
const MAX_HOSTS_SHOWN = 4;
const MAX_FINDINGS_SHOWN = 15;

function hostLabel(h: Pick<HostProbe, 'name' | 'ip' | 'port'>): string {
  return h.name === h.ip ? `[${h.ip}]:${h.port}` : `${h.name}[${h.ip}]:${h.port}`;
}

function dnsFields(r: ProbeReport): TextObject[] {
  const dns = r.dns;
  const fields: TextObject[] = [];
  if (dns.nullMx) fields.push(md('*MX*\nnull MX: the domain accepts no mail'));
  if (dns.mx?.length) {
    const lines = dns.mx.slice(0, 6).map((m) => `${dns.implicitMx ? '' : `${m.priority} `}${safe(m.exchange)}${m.addresses.length ? ` (${safe(m.addresses.slice(0, 3).join(', '))})` : ' (no address)'}`);
    if (dns.mx.length > 6) lines.push(`… ${dns.mx.length - 6} more`);
    fields.push(md(`*${dns.implicitMx ? 'A/AAAA (no MX)' : 'MX'}*\n${cut(lines.join('\n'), LIMITS.fieldText - 20)}`));
  }
  if (dns.spf?.record) fields.push(md(`*SPF*\n\`${safe(cut(dns.spf.record, 400))}\``));
  if (dns.dmarc?.record) fields.push(md(`*DMARC*\n\`${safe(cut(dns.dmarc.record, 400))}\``));
  if (dns.mtaSts?.policy) fields.push(md(`*MTA-STS*\nmode ${safe(dns.mtaSts.policy.mode)}`));
  return fields.slice(0, LIMITS.fields);
}

function hostBlock(h: HostSummary): SectionBlock {
  const list = (mechs: string[]) => (mechs.length ? mechs.join(' ') : 'none offered');
  const lines = [`*${safe(h.host)}* — ${formatMs(h.ms)}`];
  if (h.banner) lines.push(`Banner: \`${safe(cut(oneLine(h.banner), 200))}\``);
  lines.push(`AUTH before TLS: ${safe(list(h.authBefore))}; after TLS: ${safe(list(h.authAfter))}`);
  if (h.tls) lines.push(`TLS: ${safe(h.tls)}`);
  if (h.error) lines.push(`:x: ${safe(cut(oneLine(h.error), 600))}`);
  return section(lines.join('\n'));
}

function findingsText(groups: FindingGroup[]): string {
  const lines: string[] = [];
  let shown = 0;
  let left = 0;
  for (const g of groups) {
    const room = MAX_FINDINGS_SHOWN - shown;
    if (room <= 0) { left += g.findings.length; continue; }
    lines.push(`*${safe(g.label)}*`);
    for (const f of g.findings.slice(0, room)) {
      let line = `${OUTCOME_EMOJI[f.outcome]} ${safe(cut(f.title, 300))}${f.host ? ` — ${safe(f.host)}` : ''}${f.timing ? ` _(${f.timing})_` : ''}`;
      if (f.evidence && f.outcome !== 'pass') line += `\n      _evidence:_ \`${safe(cut(oneLine(f.evidence), 300))}\``;
      if (f.causes.length) line += `\n      _points to:_ ${f.causes.slice(0, 3).map((c) => safe(c.title)).join('; ')}`;
      lines.push(line);
      shown++;
    }
    left += Math.max(0, g.findings.length - room);
  }
  if (left > 0) lines.push(`_… ${left} more checks not listed — see *Show transcript*._`);
  return lines.join('\n');
}

function changesText(compared: NonNullable<ProbeReply['comparedTo']>): string {
  const lines = [`*Since the last run* (${safe(compared.at)}, ${OUTCOME_LABELS[compared.outcome]}):`];
  if (!compared.changes.length) return `${lines[0]} nothing changed.`;
  const describe = (ch: ProbeChange): string => {
    const where = ch.host ? ` — ${safe(ch.host)}` : '';
    if (ch.change === 'appeared') return `• new: ${OUTCOME_EMOJI[ch.after ?? 'skip']} ${safe(ch.title)}${where}`;
    if (ch.change === 'disappeared') return `• gone: ${OUTCOME_LABELS[ch.before ?? 'skip']} ${safe(ch.title)}${where}`;
    return `• ${OUTCOME_LABELS[ch.before ?? 'skip']} → ${OUTCOME_LABELS[ch.after ?? 'skip']}: ${safe(ch.title)}${where}`;
  };
  for (const ch of compared.changes.slice(0, 12)) lines.push(describe(ch));
  if (compared.changes.length > 12) lines.push(`_… ${compared.changes.length - 12} more changes._`);
  return lines.join('\n');
}

/** One line for a probe's verdict, e.g. for the root message of `/smtpcheck`. */
export function probeVerdictLine(r: Pick<ProbeReport, 'target' | 'outcome' | 'verdict'>): string {
  const verdict = oneLine(r.verdict);
  // The probe's verdict may already open with the outcome ("WARN: …"): say it once.
  const said = verdict.toUpperCase().startsWith(`${OUTCOME_LABELS[r.outcome]}:`) ? verdict : `${OUTCOME_LABELS[r.outcome]} — ${verdict}`;
  return `${OUTCOME_EMOJI[r.outcome]} *${safe(r.target)}*: ${safe(cut(said, 600))}`;
}

function probeActions(r: ProbeReport): ActionsBlock {
  return {
    type: 'actions', block_id: `probe_actions_${r.startedAt.replace(/[^0-9]/g, '').slice(0, 20)}`,
    elements: [button(ACTIONS.recheck, 'Recheck'), button(ACTIONS.transcript, 'Show transcript')],
  };
}

export function renderProbe(reply: ProbeReply): SlackMessage {
  const r = reply.report;
  const e = reply.explanation;
  const blocks: Block[] = [header(`${OUTCOME_LABELS[e.outcome]}: ${e.target}${reply.trigger === 'recheck' ? ' (recheck)' : ''}`)];
  const top = [probeVerdictLine(e)];
  if (reply.evidence) top.push(`:mag: ${safe(cut(oneLine(reply.evidence.line), 600))}`);
  if (e.pointsTo.length) top.push(`_Points to:_ ${e.pointsTo.slice(0, 4).map((c) => safe(c.title)).join('; ')}`);
  blocks.push(section(top.join('\n')));
  if (reply.comparedTo) blocks.push(section(changesText(reply.comparedTo)));
  const fields = dnsFields(r);
  if (fields.length) blocks.push({ type: 'section', text: md('*DNS*'), fields });
  for (const h of e.hosts.slice(0, MAX_HOSTS_SHOWN)) blocks.push(hostBlock(h));
  if (e.hosts.length > MAX_HOSTS_SHOWN) blocks.push(context(`_${e.hosts.length - MAX_HOSTS_SHOWN} more hosts probed — see *Show transcript*._`));
  if (e.groups.length) blocks.push(section(findingsText(e.groups)));
  if (reply.showTranscript) {
    let budget = 5000;
    for (const h of r.hosts.slice(0, 2)) {
      const { block } = codeSection([`# ${hostLabel(h)}`, ...h.transcript], budget, 'use *Show transcript*');
      blocks.push(block);
      budget -= block.text!.text.length;
      if (budget < 500) break;
    }
  }
  blocks.push(context(`Probed ${safe(e.target)} (${e.kind}) at ${safe(e.startedAt)} in ${formatMs(e.ms)}. No message was sent.`));
  blocks.push(probeActions(r));
  return fit({ text: `${OUTCOME_LABELS[e.outcome]}: ${e.target} — ${oneLine(e.verdict)}`, blocks });
}

export function renderTranscript(reply: TranscriptReply): SlackMessage {
  const blocks: Block[] = [header(`Transcript: ${reply.target}`)];
  blocks.push(context(`Probe of ${safe(reply.target)} at ${safe(reply.startedAt)}${reply.rerun ? ' — run again just now, since transcripts are not kept' : ''}. Credentials are masked.`));
  let budget = 9000;
  if (reply.dns.length) {
    const lines = reply.dns.map((q) => `${formatMs(q.ms).padStart(7)}  ${q.type.padEnd(5)} ${q.name}  ${q.error ? `error: ${q.error}` : q.answer ?? '(no answer)'}`);
    const { block } = codeSection(['# DNS lookups', ...lines], 2000, 'the probe made more lookups');
    blocks.push(block);
    budget -= block.text!.text.length;
  }
  const hosts = reply.hosts.slice(0, 6);
  for (const h of hosts) {
    if (budget < 400) {
      blocks.push(context(`_${reply.hosts.length - hosts.indexOf(h)} more host transcripts left out to fit Slack's limits._`));
      break;
    }
    const lines = [`# ${h.label}`, ...(h.lines.length ? h.lines : ['(no SMTP conversation)']), ...(h.error ? [`! ${h.error}`] : [])];
    const { block } = codeSection(lines, Math.min(budget, LIMITS.sectionText), 'the transcript is longer than Slack allows');
    blocks.push(block);
    budget -= block.text!.text.length;
  }
  return fit({ text: `Transcript of the probe of ${reply.target}`, blocks });
}

// ---------------------------------------------------------------------------------------------
// Short replies, help, errors
// ---------------------------------------------------------------------------------------------

export function renderHelp(reply: Pick<HelpReply, 'commands'>, slashCommand = '/smtpcheck'): SlackMessage {
  const lines = reply.commands.map((c) => `• \`${safe(c.usage)}\` — ${safe(c.description)}`);
  const blocks: Block[] = [
    section('*What I can do*\nPaste a bounce in a channel I am in (or share the .eml), or use the *Diagnose bounce* message shortcut. ' +
      `Use \`${slashCommand} <domain | host[:port] | user@domain>\` for a live check. In a thread I answered, just type a command:`),
    section(lines.join('\n')),
  ];
  return fit({ text: 'smtpcheck: what I can do', blocks });
}

export function renderText(text: string, emoji = ''): SlackMessage {
  return { text: fallback(text), blocks: [section(`${emoji ? `${emoji} ` : ''}${safe(text)}`)] };
}

/** An error for the person who asked: plain words, no stack trace, secrets masked. */
export function renderError(message: string): SlackMessage {
  return renderText(message, ':warning:');
}

/** Any reply of the conversation core. */
export function renderReply(reply: BotReply): SlackMessage {
  switch (reply.kind) {
    case 'diagnosis': return renderDiagnosis(reply);
    case 'details': return renderDetails(reply);
    case 'probe': return renderProbe(reply);
    case 'transcript': return renderTranscript(reply);
    case 'help': return renderHelp(reply);
    case 'error': return renderError(reply.message);
    case 'usage':
    case 'notice':
    case 'not-understood':
      return renderText(reply.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Slash-command root message
// ---------------------------------------------------------------------------------------------

/** The visible root of `/smtpcheck <target>` while the probe runs. */
export function renderProbeStarted(req: ProbeRequest, requestedBy?: string): SlackMessage {
  const who = requestedBy ? ` requested by <@${requestedBy.replace(/[^A-Z0-9]/gi, '')}>` : '';
  const what = `${req.target}${req.port ? ` port ${req.port}` : ''}${req.rcpt ? ` (RCPT ${req.rcpt})` : ''}`;
  return {
    text: fallback(`Checking ${what}…`),
    blocks: [section(`:hourglass_flowing_sand: Checking *${safe(what)}*…${who}`)],
  };
}

/** "Checking …" with the probe's latest progress line (from probe's onProgress). */
export function renderProbeProgress(req: ProbeRequest, requestedBy: string | undefined, progress: string): SlackMessage {
  const started = renderProbeStarted(req, requestedBy);
  return { ...started, blocks: [...started.blocks, context(safe(cut(oneLine(progress), 300)))] };
}

/** The root after the probe: the verdict, who asked, where the rest is. */
export function renderProbeRoot(r: ProbeReport, requestedBy?: string, inThread = true): SlackMessage {
  const who = requestedBy ? `Requested by <@${requestedBy.replace(/[^A-Z0-9]/gi, '')}>` : '';
  return fit({
    text: fallback(`${OUTCOME_LABELS[r.outcome]}: ${r.target} — ${oneLine(r.verdict)}`),
    blocks: [section(probeVerdictLine(r)), context([who, inThread ? 'Details in the thread.' : '', `${formatMs(r.ms)}, no message sent.`].filter(Boolean).join(' · '))],
  });
}

/** The root when the check could not run (refused target, rate limit …). */
export function renderProbeRootFailed(req: ProbeRequest, message: string, requestedBy?: string): SlackMessage {
  const who = requestedBy ? ` Requested by <@${requestedBy.replace(/[^A-Z0-9]/gi, '')}>.` : '';
  return { text: fallback(`Check of ${req.target} did not run: ${message}`), blocks: [section(`:warning: Check of *${safe(req.target)}* did not run: ${safe(message)}${who}`)] };
}

// ---------------------------------------------------------------------------------------------
// App Home
// ---------------------------------------------------------------------------------------------

export interface HomeInfo {
  slashCommand: string;
  commands: HelpReply['commands'];
  allowedPorts: number[];
  allowPrivate: boolean;
  probesPerUserPerMinute: number;
  probesPerTeamPerMinute: number;
  probeTimeoutMs: number;
  maxInputBytes: number;
  mode: 'socket' | 'http';
}

export function renderHome(info: HomeInfo): HomeView {
  const mib = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MiB`;
  const blocks: Block[] = [
    header('smtpcheck — why did this email bounce?'),
    section('I explain bounces (NDRs / DSNs) in plain words — per recipient, the cause, and the steps for *your* mail system ' +
      '(Exchange 2003, Exchange 2007–SE, Exchange Online, Google Workspace, Postfix, Exim, Sendmail) — and I prove it with live SMTP checks. ' +
      'I never send an email while checking.'),
    { type: 'divider' },
    section('*How to ask*\n' + [
      '• *Paste a bounce* in a channel I am in, or in a DM with me — I answer in its thread.',
      '• *Share the bounce file* (.eml, .txt) the same way.',
      '• *Diagnose bounce* message shortcut (the ⋮ menu on any message).',
      `• \`${info.slashCommand} example.com\`, \`${info.slashCommand} mx.example.com:587\`, \`${info.slashCommand} user@example.com\` — a live check.`,
      `• \`${info.slashCommand} diagnose <pasted bounce>\` and \`${info.slashCommand} help\`.`,
    ].join('\n')),
    section('*In a thread I answered, type:*\n' + info.commands.map((c) => `• \`${safe(c.usage)}\` — ${safe(c.description)}`).join('\n')),
    { type: 'divider' },
    section('*What this install allows*'),
    {
      type: 'section',
      fields: [
        md(`*Ports probed*\n${info.allowedPorts.join(', ')}`),
        md(`*Private / local addresses*\n${info.allowPrivate ? 'allowed (SMTPCHECK_ALLOW_PRIVATE=1)' : 'refused'}`),
        md(`*Probes per person*\n${info.probesPerUserPerMinute} a minute`),
        md(`*Probes per workspace*\n${info.probesPerTeamPerMinute} a minute`),
        md(`*Time budget per probe*\n${formatMs(info.probeTimeoutMs)}`),
        md(`*Largest bounce read*\n${mib(info.maxInputBytes)}`),
      ],
    },
    context(`Connected over ${info.mode === 'socket' ? 'Socket Mode' : 'HTTP'}. Checks never send DATA, so no email is ever delivered.`),
  ];
  return { type: 'home', blocks: fit({ text: '', blocks }, LIMITS.homeBlocks).blocks };
}
