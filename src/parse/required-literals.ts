/**
 * Literal text a regular expression cannot match without. Used to skip patterns cheaply: when none
 * of a pattern's required literals occurs in a text (one `includes` each, or one automaton pass for a
 * whole rule table), the pattern cannot match and need not run. The knowledge-base rules (classify)
 * and the long-tail readers' body fingerprints both use it; the patterns stay the single source of truth.
 *
 * The analysis is conservative: anything it does not fully understand (groups, classes, quantified
 * atoms, escapes other than plain punctuation) ends the current literal, so a literal it returns is
 * always required. It can only miss literals, never invent one.
 */

/** Punctuation that an escape turns into itself. */
const ESCAPED_LITERAL = new Set([...'.-/()[]?*+$^|{}\\\'"#:,<>=@!&%~`;_ ']);

export interface LiteralOptions {
  /** The texts are normalised (every run of white space is one space), so `\s` stands for a space. */
  normalisedSpace?: boolean;
  /** Shortest literal worth returning, spaces at either end not counted (default 3). */
  minLength?: number;
}

/** Index just after the group or class that opens at `start` (escapes and nested classes respected). */
function closeOf(src: string, start: number): number {
  if (src[start] === '[') {
    let j = start + 1;
    while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, src.length);
  }
  let depth = 0;
  for (let j = start; j < src.length; j++) {
    const d = src[j];
    if (d === '\\') { j++; continue; }
    if (d === '[') { j = closeOf(src, j) - 1; continue; }
    if (d === '(') depth++;
    else if (d === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Where the escape at `i` ends, and the character it stands for when it is a plain literal. */
function escapeAt(src: string, i: number, normalisedSpace: boolean): { end: number; lit?: string } {
  const n = src[i + 1] ?? '';
  if (n === 's' && normalisedSpace) return { end: i + 2, lit: ' ' };
  if (ESCAPED_LITERAL.has(n)) return { end: i + 2, lit: n };
  const braced = (open: string, close: string, plain: number) =>
    src[i + 2] === open ? (src.indexOf(close, i + 2) + 1 || src.length) : i + plain;
  if (n === 'x') return { end: i + 4 }; // \xHH
  if (n === 'u') return { end: braced('{', '}', 6) }; // \uHHHH, \u{…}
  if (n === 'p' || n === 'P') return { end: braced('{', '}', 2) }; // \p{…}
  if (n === 'k') return { end: braced('<', '>', 2) }; // \k<name>
  if (n === 'c') return { end: i + 3 }; // \cX
  if (n >= '0' && n <= '9') {
    let end = i + 2;
    while (end < src.length && src[end] >= '0' && src[end] <= '9') end++;
    return { end }; // back-reference or octal escape
  }
  return { end: i + 2 }; // \d \w \s \b \n \t …: a class or an assertion, not a literal
}

const QUANTIFIER_BRACES = /^\{\d+(?:,\d*)?\}/;

/** What one alternative (no top-level '|') requires: its longest literal run, and the literal sets of its required groups. */
interface Requirement {
  /** The longest run of characters every match must contain. */
  run: string;
  /** Required groups' alternatives: every match contains one literal of each set. */
  sets: string[][];
}

/** The body of a group that a match must pass through, or undefined (lookaround or unparsable). */
function groupBody(src: string, open: number, close: number): string | undefined {
  const inner = src.slice(open + 1, close - 1);
  if (!inner.startsWith('?')) return inner;
  if (inner.startsWith('?:')) return inner.slice(2);
  const named = /^\?<[A-Za-z_$][\w$]*>/.exec(inner);
  return named ? inner.slice(named[0].length) : undefined; // (?= (?! (?<= (?<!: not consumed, skipped
}

function requirementOf(src: string, opts: Required<LiteralOptions>, nested: boolean): Requirement {
  let best = '';
  let run = '';
  const sets: string[][] = [];
  const flush = () => { if (run.length > best.length) best = run; run = ''; };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    let lit: string | undefined;
    let end: number;
    let group: string | undefined;
    if (c === '\\') ({ end, lit } = escapeAt(src, i, opts.normalisedSpace));
    else if (c === '(' || c === '[') {
      end = closeOf(src, i);
      if (c === '(' && !nested) group = groupBody(src, i, end);
    } else {
      end = i + 1;
      if (!'.^$|*+?{})]'.includes(c)) lit = c;
    }
    // the atom's quantifier
    let q: string | undefined = src[end];
    let next = end;
    if (q === '*' || q === '+' || q === '?') next = end + 1;
    else if (q === '{' && QUANTIFIER_BRACES.test(src.slice(end, end + 24))) next = src.indexOf('}', end) + 1;
    else q = undefined;
    if (q !== undefined && src[next] === '?') next++; // lazy
    const optional = q === '*' || q === '?' || q === '{'; // braces: counted as optional, to stay simple
    if (group !== undefined && !optional) {
      // a required group: one of its alternatives' literals occurs (one level deep, to stay simple)
      const set = literalsOf(group, opts, true);
      if (set) sets.push(set);
    }
    if (lit === undefined || optional) {
      flush(); // not a literal, or an optional one
    } else {
      run += lit;
      if (q === '+') flush(); // required once, but what follows is not adjacent to it
    }
    i = next;
  }
  flush();
  return { run: best, sets };
}

/** Split a pattern source at top-level '|'. */
function topLevelAlternatives(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') { i = closeOf(src, i) - 1; continue; }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(src.slice(start, i)); start = i + 1; }
  }
  parts.push(src.slice(start));
  return parts;
}

/** Length of the shortest literal of a set, spaces at either end not counted. */
function shortest(set: readonly string[]): number {
  let min = Infinity;
  for (const l of set) min = Math.min(min, l.trim().length);
  return min;
}

/**
 * Literals of which every match of `src` contains one: per alternative its longest literal run, or,
 * when that is too short, the literals of a required group (the first set whose shortest member is longest).
 */
function literalsOf(src: string, opts: Required<LiteralOptions>, nested: boolean): string[] | null {
  const out: string[] = [];
  for (const alt of topLevelAlternatives(src)) {
    const { run, sets } = requirementOf(alt, opts, nested);
    if (run.trim().length >= opts.minLength) { out.push(run); continue; }
    let best: string[] | undefined;
    let bestLength = opts.minLength - 1;
    for (const set of sets) {
      const length = shortest(set);
      if (length > bestLength) { best = set; bestLength = length; }
    }
    if (!best) return null;
    out.push(...best);
  }
  return out;
}

/**
 * Literals of which a text the pattern matches contains at least one (lower case for a case-insensitive
 * pattern); null when some alternative has none long enough (then the pattern must always be tried).
 */
export function requiredLiterals(re: RegExp, opts: LiteralOptions = {}): string[] | null {
  const literals = literalsOf(re.source, { normalisedSpace: opts.normalisedSpace ?? false, minLength: opts.minLength ?? 3 }, false);
  return literals && (re.ignoreCase ? literals.map((l) => l.toLowerCase()) : literals);
}
