/**
 * Compiles the rule table once. Running hundreds of regular expressions per recipient is slow,
 * so each rule gets literal "anchors" derived from its own pattern (parse/required-literals):
 * substrings the text must contain for the pattern to have any chance. One pass of a literal
 * automaton over the text finds the anchors present; only their rules' patterns run.
 */
import type { TextRule } from '../kb/rules/types';
import { TEXT_REASON_RANK, HINT_REASON_RANK } from './precedence';
import { CAUSE_DEFAULTS } from '../kb/cause-defaults';
import type { Reason } from '../kb/types';
import { LiteralIndex } from '../parse/literal-index';
import { requiredLiterals } from '../parse/required-literals';

export interface CompiledRule {
  rule: TextRule;
  reason: Reason;
  /** Position in the table, the last tie-breaker. */
  index: number;
  /** Rank within the rule's tier (lower first). */
  rank: number;
  /** Any one of these must occur in the text; null = always test the pattern. */
  anchors: readonly string[] | null;
  /** Ids in the table's literal index of the anchors' indexed parts (see indexedPart). */
  anchorIds: readonly number[] | null;
}

/**
 * Anchors for a pattern: one required literal per top-level alternative, or null when any alternative
 * has none of three characters. Rule patterns are tested on normalised text, so `\s` reads as a space.
 */
export function literalAnchors(re: RegExp): string[] | null {
  return requiredLiterals(re, { normalisedSpace: true });
}

/** The rule table's anchor index: the shared literal automaton (parse/literal-index), anchors as written. */
export { LiteralIndex as AnchorIndex } from '../parse/literal-index';

export interface CompiledTable {
  rules: CompiledRule[];
  index: LiteralIndex;
  /** anchor id → indexes of the rules it anchors. */
  byAnchor: number[][];
  /** Rules without anchors: always tested. */
  unanchored: number[];
}

/**
 * Longest string the index holds per anchor. Any part of a required literal is required too, so a
 * long anchor is indexed by a window of it: the automaton's size grows with the anchors' total length,
 * and a small automaton stays in the CPU cache between reports (the full anchors made a 5 MB table
 * whose rows were cache misses on every character). Windows this long still single out a rule.
 */
const MAX_INDEXED_ANCHOR = 16;

/** The window of a long anchor the index holds: the one with the fewest spaces (words, not gaps), leftmost. */
export function indexedPart(anchor: string): string {
  if (anchor.length <= MAX_INDEXED_ANCHOR) return anchor;
  let best = 0;
  let fewest = Infinity;
  for (let start = 0; start + MAX_INDEXED_ANCHOR <= anchor.length; start++) {
    let spaces = 0;
    for (let i = start; i < start + MAX_INDEXED_ANCHOR; i++) if (anchor.charCodeAt(i) === 0x20) spaces++;
    if (spaces < fewest) { fewest = spaces; best = start; }
  }
  return anchor.slice(best, best + MAX_INDEXED_ANCHOR);
}

export function compileRules(rules: readonly TextRule[]): CompiledTable {
  const index = new LiteralIndex();
  const byAnchor: number[][] = [];
  const unanchored: number[] = [];
  const compiled = rules.map((rule, i) => {
    const reason = rule.reason ?? CAUSE_DEFAULTS[rule.cause].reason;
    const order = rule.tier === 'hint' ? HINT_REASON_RANK : TEXT_REASON_RANK;
    const anchors = literalAnchors(rule.pattern);
    const anchorIds = anchors ? anchors.map((a) => index.add(indexedPart(a))) : null;
    if (anchorIds) for (const id of anchorIds) (byAnchor[id] ??= []).push(i);
    else unanchored.push(i);
    return { rule, reason, index: i, rank: rule.priority ?? order[reason] ?? 99, anchors, anchorIds };
  });
  index.build();
  return { rules: compiled, index, byAnchor, unanchored };
}

// Reused between calls (classify is synchronous): a rule is marked when marks[i] equals the current stamp.
let marks = new Int32Array(0);
let stamp = 0;

// Reused between calls (classify is synchronous).
const occurrences: number[] = [];

/** Indexes (ascending) of the rules whose anchors occur in the text (or any of the texts), plus the unanchored ones. */
export function candidateRules(table: CompiledTable, texts: string | readonly string[]): number[] {
  if (marks.length < table.rules.length) { marks = new Int32Array(table.rules.length); stamp = 0; }
  if (++stamp === 0x7fffffff) { marks.fill(0); stamp = 1; }
  const m = marks;
  const s = stamp;
  occurrences.length = 0;
  if (typeof texts === 'string') table.index.collect(texts, occurrences);
  else for (const t of texts) if (t) table.index.collect(t, occurrences);
  // The rules of the anchors found, each once, kept in ascending order as they come (a handful: insertion
  // beats a sort with a comparator), merged with the always-tested ones.
  const out: number[] = [];
  const always = table.unanchored;
  for (let k = 0; k < always.length; k++) { const r = always[k] as number; m[r] = s; out.push(r); }
  for (let k = 0; k < occurrences.length; k++) {
    const rs = table.byAnchor[occurrences[k] as number];
    if (!rs) continue;
    for (let j = 0; j < rs.length; j++) {
      const r = rs[j] as number;
      if (m[r] === s) continue;
      m[r] = s;
      let at = out.length;
      out.push(r);
      while (at > 0 && (out[at - 1] as number) > r) { out[at] = out[at - 1] as number; at--; }
      out[at] = r;
    }
  }
  return out;
}

/** True when a text may match the rule, given the anchors seen in it (none of its anchors → certainly no match). */
export function mayMatch(c: CompiledRule, seen: Uint8Array): boolean {
  if (!c.anchorIds) return true;
  for (const id of c.anchorIds) if (seen[id] === 1) return true;
  return false;
}

/** Anchors seen in a text, as flags indexed by anchor id. */
export function anchorsIn(table: CompiledTable, text: string): Uint8Array {
  const seen = new Uint8Array(table.index.size);
  for (const id of table.index.collect(text, [])) seen[id] = 1;
  return seen;
}
