/**
 * Compiles the rule table once. Running hundreds of regular expressions per recipient is slow,
 * so each rule gets literal "anchors" derived from its own pattern: substrings the text must
 * contain for the pattern to have any chance. A cheap includes() check skips most rules.
 */
import type { TextRule } from '../kb/rules/types';
import { TEXT_REASON_RANK, HINT_REASON_RANK } from './precedence';
import { CAUSE_DEFAULTS } from '../kb/cause-defaults';
import type { Reason } from '../kb/types';

export interface CompiledRule {
  rule: TextRule;
  reason: Reason;
  /** Position in the table, the last tie-breaker. */
  index: number;
  /** Rank within the rule's tier (lower first). */
  rank: number;
  /** Any one of these must occur in the text; null = always test the pattern. */
  anchors: readonly string[] | null;
  /** The anchors' ids in the shared AnchorIndex. */
  anchorIds: readonly number[] | null;
}

const MIN_ANCHOR = 3;
const ESCAPED_LITERAL = new Set([...'.-/()[]?*+$^|{}\\\'"#:,<>=@!&%~`;_ ']);

/** Split a pattern source at top-level '|'. */
function topLevelAlternatives(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(src.slice(start, i)); start = i + 1; }
  }
  parts.push(src.slice(start));
  return parts;
}

/** The longest run of characters every match of this (alternative-free at top level) source must contain. */
function longestLiteral(src: string): string {
  let best = '';
  let run = '';
  const flush = () => { if (run.length > best.length) best = run; run = ''; };
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    let lit: string | undefined;
    let width = 1;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      width = 2;
      if (n === 's') lit = ' '; // text is normalised: all whitespace is a single space
      else if (ESCAPED_LITERAL.has(n)) lit = n;
    } else if (c === '(') {
      // Skip the whole group: it may be optional or an alternation.
      let depth = 0;
      let j = i;
      for (; j < src.length; j++) {
        const d = src[j];
        if (d === '\\') { j++; continue; }
        if (d === '[') { while (j < src.length && src[j] !== ']') { if (src[j] === '\\') j++; j++; } continue; }
        if (d === '(') depth++;
        else if (d === ')') { depth--; if (depth === 0) break; }
      }
      flush();
      i = j;
      // A quantifier after the group does not matter: the group was skipped anyway.
      continue;
    } else if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') { if (src[j] === '\\') j++; j++; }
      flush();
      i = j;
      continue;
    } else if (!'.^$*+?{}|)'.includes(c)) {
      lit = c;
    }
    const q = src[i + width];
    if (lit === undefined) { flush(); i += width - 1; continue; }
    if (q === '?' || q === '*' || q === '{') { flush(); i += width - 1; continue; } // optional char
    run += lit;
    if (q === '+') flush();
    i += width - 1;
  }
  flush();
  return best;
}

/** Anchors for a pattern: one literal per top-level alternative, or null when any alternative has none. */
export function literalAnchors(re: RegExp): string[] | null {
  const anchors: string[] = [];
  for (const alt of topLevelAlternatives(re.source)) {
    const lit = longestLiteral(alt);
    if (lit.trim().length < MIN_ANCHOR) return null;
    anchors.push(re.flags.includes('i') ? lit.toLowerCase() : lit);
  }
  return anchors;
}

/**
 * Aho–Corasick automaton over every rule's anchors, compiled to a dense DFA over the small alphabet
 * the anchors use: one table lookup per character tells which anchors occur in a text, however
 * many rules there are. A character no anchor contains sends the automaton back to its root.
 */
export class AnchorIndex {
  private readonly trie: Map<number, number>[] = [new Map()];
  private readonly outs: number[][] = [[]];
  private readonly ids = new Map<string, number>();
  /** char code → alphabet index + 1 (0 = not in any anchor). */
  private alpha = new Uint8Array(0);
  private width = 0;
  private delta = new Int32Array(0);
  private out: (readonly number[] | null)[] = [];

  /** Id of an anchor, adding it when new. Call build() after the last add. */
  add(anchor: string): number {
    const known = this.ids.get(anchor);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(anchor, id);
    let state = 0;
    for (let i = 0; i < anchor.length; i++) {
      const c = anchor.charCodeAt(i);
      const node = this.trie[state] as Map<number, number>;
      let to = node.get(c);
      if (to === undefined) {
        to = this.trie.length;
        this.trie.push(new Map());
        this.outs.push([]);
        node.set(c, to);
      }
      state = to;
    }
    (this.outs[state] as number[]).push(id);
    return id;
  }

  get size(): number { return this.ids.size; }

  build(): void {
    const chars = new Set<number>();
    for (const node of this.trie) for (const c of node.keys()) chars.add(c);
    const maxCode = Math.max(0, ...chars);
    this.alpha = new Uint8Array(maxCode + 1);
    if (chars.size > 254) throw new Error('anchor alphabet too large');
    let w = 0;
    for (const c of [...chars].sort((a, b) => a - b)) this.alpha[c] = ++w;
    this.width = w + 1;
    const n = this.trie.length;
    const delta = new Int32Array(n * this.width);
    const fail = new Int32Array(n);
    // Breadth-first: a state's missing transitions are its fail state's transitions.
    const queue: number[] = [];
    for (const [c, to] of this.trie[0] as Map<number, number>) { delta[this.alpha[c] as number] = to; queue.push(to); }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      const f = fail[s] as number;
      const outs = this.outs[s] as number[];
      if (s !== 0) outs.push(...(this.outs[f] as number[]));
      for (let a = 1; a < this.width; a++) delta[s * this.width + a] = delta[f * this.width + a] as number;
      for (const [c, to] of this.trie[s] as Map<number, number>) {
        const a = this.alpha[c] as number;
        fail[to] = s === 0 ? 0 : (delta[f * this.width + a] as number);
        delta[s * this.width + a] = to;
        queue.push(to);
      }
    }
    this.delta = delta;
    this.out = this.outs.map((o) => (o.length ? o : null));
  }

  /** Calls onHit(anchorId) for every occurrence of an anchor in the text. */
  scan(text: string, onHit: (id: number) => void): void {
    const { alpha, delta, width, out } = this;
    const top = alpha.length;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const a = c < top ? (alpha[c] as number) : 0;
      state = a === 0 ? 0 : (delta[state * width + a] as number);
      const hits = out[state];
      if (hits) for (let h = 0; h < hits.length; h++) onHit(hits[h] as number);
    }
  }
}

export interface CompiledTable {
  rules: CompiledRule[];
  index: AnchorIndex;
  /** anchor id → indexes of the rules it anchors. */
  byAnchor: number[][];
  /** Rules without anchors: always tested. */
  unanchored: number[];
}

export function compileRules(rules: readonly TextRule[]): CompiledTable {
  const index = new AnchorIndex();
  const byAnchor: number[][] = [];
  const unanchored: number[] = [];
  const compiled = rules.map((rule, i) => {
    const reason = rule.reason ?? CAUSE_DEFAULTS[rule.cause].reason;
    const order = rule.tier === 'hint' ? HINT_REASON_RANK : TEXT_REASON_RANK;
    const anchors = literalAnchors(rule.pattern);
    const anchorIds = anchors ? anchors.map((a) => index.add(a)) : null;
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

/** Indexes (ascending) of the rules whose anchors occur in any of the texts, plus the unanchored ones. */
export function candidateRules(table: CompiledTable, texts: readonly string[]): number[] {
  if (marks.length < table.rules.length) { marks = new Int32Array(table.rules.length); stamp = 0; }
  if (++stamp === 0x7fffffff) { marks.fill(0); stamp = 1; }
  const m = marks;
  const s = stamp;
  for (const i of table.unanchored) m[i] = s;
  const hit = (id: number) => { const rs = table.byAnchor[id]; if (rs) for (let k = 0; k < rs.length; k++) m[rs[k] as number] = s; };
  for (const t of texts) if (t) table.index.scan(t, hit);
  const out: number[] = [];
  for (let i = 0; i < table.rules.length; i++) if (m[i] === s) out.push(i);
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
  table.index.scan(text, (id) => { seen[id] = 1; });
  return seen;
}
