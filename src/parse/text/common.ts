/**
 * Small helpers the text readers share: finding a section, cutting it into per-recipient blocks,
 * joining wrapped lines into one diagnostic. Readers stay declarative: markers and patterns in,
 * facts out.
 */
import { normalizeAddress } from '../address';
import type { RecipientFact } from '../types';
import { collapseWhitespace } from '../whitespace';
import type { MessageView } from './types';

export type Fact = Partial<RecipientFact>;

/**
 * The addresses listed one per line from `from` on (blank lines before the list are skipped); the list
 * ends at a blank line or the first line that is not an address. Gmail's old notice and Amazon SES's
 * relay notice both list recipients this way.
 */
export function addressLinesFrom(text: string, from: number): string[] {
  const found: string[] = [];
  for (const line of text.slice(from).split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      if (found.length) break;
      continue;
    }
    const address = normalizeAddress(trimmed);
    if (!address) break;
    found.push(address);
  }
  return found;
}

/** Lines of a text (LF). */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

/**
 * A fingerprint: a literal (substring test), a regex, or a [literal, regex] pair where the regex only
 * runs when the literal occurs — detection runs for every reader on every report, so most markers
 * should be literals or carry one.
 */
export type Marker = string | RegExp | readonly [string, RegExp];

/** A marker ready to test: the literal it needs and the pattern to confirm with. */
interface CompiledMarker {
  /** Literal that must occur (a string marker is only this). */
  literal?: string;
  /** Pattern to run (after the literal, when there is one). */
  pattern?: RegExp;
}

function compileMarker(m: Marker): CompiledMarker {
  if (typeof m === 'string') return { literal: m };
  if (m instanceof RegExp) return { pattern: m };
  return { literal: m[0], pattern: m[1] };
}

/**
 * A reader's markers, compiled once (a module constant): what mentions() tests. The answer for the last
 * report asked about is kept: readers that share a set (Exchange 2007 and Microsoft 365, the two
 * Exchange shell readers) ask about the same report one after the other.
 */
export interface MarkerSet {
  readonly compiled: readonly CompiledMarker[];
  lastView: MessageView | undefined;
  lastAnswer: boolean;
}

export function markerSet(markers: readonly Marker[]): MarkerSet {
  return { compiled: markers.map(compileMarker), lastView: undefined, lastAnswer: false };
}

/** The subject and the start of the body (the text every core reader's detect reads), for the last report asked about. */
const DETECT_WINDOW = 8192;
let detectFor: MessageView | undefined;
let detectText = '';

function textForDetect(view: MessageView): string {
  if (detectFor !== view) {
    detectText = view.subject + '\n' + (view.body.length > DETECT_WINDOW ? view.body.slice(0, DETECT_WINDOW) : view.body);
    detectFor = view;
  }
  return detectText;
}

/** Does the subject or the start of the body contain any of the markers? */
export function mentions(view: MessageView, markers: MarkerSet): boolean {
  if (markers.lastView !== view) {
    markers.lastAnswer = holdsAny(textForDetect(view), markers.compiled);
    markers.lastView = view;
  }
  return markers.lastAnswer;
}

function holdsAny(text: string, list: readonly CompiledMarker[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const m = list[i] as CompiledMarker;
    if (m.literal !== undefined && !text.includes(m.literal)) continue;
    if (!m.pattern || m.pattern.test(text)) return true;
  }
  return false;
}

/** The text after the first line matching `start` (exclusive) up to the first line matching `end`. */
export function section(text: string, start: RegExp, end?: RegExp): string | undefined {
  const m = start.exec(text);
  if (!m) return undefined;
  let from = text.indexOf('\n', m.index + m[0].length);
  from = from < 0 ? text.length : from + 1;
  const rest = text.slice(from);
  if (!end) return rest;
  const e = end.exec(rest);
  return e ? rest.slice(0, e.index) : rest;
}

/** Collapse wrapped lines into one line of the server's words. */
export function joinLines(lines: readonly string[]): string {
  return collapseWhitespace(lines.join(' ')).trim();
}

export interface Block {
  address: string;
  /** Text on the opening line after the address, then the following lines of the block. */
  lines: string[];
}

/** Recognise a block-opening line: [address (or name), text after it]. */
export type LineMatcher = (line: string) => readonly [string, string?] | undefined;

export interface BlockSpec {
  /** A line that opens a recipient block: a regex (group 1 = address, optional group 2 = text after it) or a function. */
  opener: RegExp | LineMatcher;
  /** A line that ends the current block (default: a blank line once the block has text). */
  closer?: RegExp;
  /** Keep blank lines inside a block until the next opener (for formats that separate reply lines). */
  blankEndsBlock?: boolean;
  /** Lines never part of a diagnostic. */
  skip?: RegExp;
}

function matchOpener(opener: RegExp | LineMatcher, line: string): readonly [string, string?] | undefined {
  if (typeof opener === 'function') return opener(line);
  const m = opener.exec(line);
  return m ? [m[1], m[2]] : undefined;
}

/** Cut a section into per-recipient blocks. */
export function blocks(text: string, spec: BlockSpec): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  const blankEnds = spec.blankEndsBlock ?? true;
  for (const line of linesOf(text)) {
    const m = matchOpener(spec.opener, line);
    if (m) {
      current = { address: normalizeAddress(m[0]) || m[0].trim(), lines: m[1] !== undefined && m[1].trim() ? [m[1]] : [] };
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (spec.closer?.test(line)) {
      current = undefined;
      continue;
    }
    if (line.trim() === '') {
      if (blankEnds && current.lines.length) current = undefined;
      continue;
    }
    if (spec.skip?.test(line)) continue;
    current.lines.push(line);
  }
  return out;
}

/** Merge blocks that name the same address (a recipient listed twice), keeping the first position. */
export function mergeSameAddress(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  const seen = new Map<string, Fact>();
  for (const f of facts) {
    const key = f.address ? f.address.toLowerCase() : undefined;
    const prev = key ? seen.get(key) : undefined;
    if (!prev) {
      out.push(f);
      if (key) seen.set(key, f);
      continue;
    }
    for (const [k, v] of Object.entries(f) as [keyof Fact, unknown][]) {
      if (v !== undefined && v !== '' && (prev[k] === undefined || prev[k] === '')) (prev as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

/** The header value (lower case) or ''. */
export function header(view: MessageView, name: string): string {
  return (view.headers.get(name) ?? '').toLowerCase();
}
