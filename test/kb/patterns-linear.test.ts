/**
 * ReDoS guard for the knowledge base's own patterns (rules and their `unless`, provider markers, symptom
 * boosts). Three layers, none of them a timing assertion:
 *
 * 1. A lint: no pattern has an unbounded wildcard gap (`.*`, `.+`, `.{n,}`). After a repeatable word such
 *    a gap rescans to the end of the text from every repeat of the word — quadratic on hostile input
 *    (QA measured `4\.7\.0.*connections` at 704 ms on 100k characters). Gaps are written `.{0,100}`.
 * 2. A hang detector for the patterns QA found: each runs on 2 MiB of its own repeated words in a
 *    killable worker with a generous 20 s limit. Linear, they take milliseconds; the old quadratic
 *    forms take minutes at that size, so a regression shows up as "hung".
 * 3. A sweep of every pattern on 32 KiB of its own leading words, the same worker and limit: it catches
 *    catastrophic (exponential) backtracking, which hangs at any size.
 *
 * How long each pattern takes is measured by bench/redos.js, never asserted here.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { TS_WORKER_PRELUDE } from '../helpers/ts-worker';
import { RULES } from '../../src/kb/rules';
import { PROVIDERS } from '../../src/kb/providers';
import { SYMPTOM_CANDIDATES } from '../../src/kb/candidates';

const ROOT = join(__dirname, '..', '..');
const LIMIT_MS = 20000;
const TEST_MS = 180000;
const TWO_MIB = 2 * 1024 * 1024;

/** Every pattern the knowledge base exports, named the way the worker finds it again. */
const PATTERNS: { ref: string; re: RegExp }[] = [
  ...RULES.flatMap((r) => [{ ref: `rule:${r.id}`, re: r.pattern }, ...(r.unless ? [{ ref: `unless:${r.id}`, re: r.unless }] : [])]),
  ...PROVIDERS.flatMap((p) => p.markers.map((re, i) => ({ ref: `marker:${p.id}:${i}`, re }))),
  ...SYMPTOM_CANDIDATES.flatMap((s) => s.candidates.flatMap((c) => (c.boostWhen ? [{ ref: `boost:${s.symptom}/${c.cause}`, re: c.boostWhen }] : []))),
];

// ---------------------------------------------------------------------------------------------
// 1. the lint

/** The unbounded wildcard quantifiers in a pattern source: `.` outside a class followed by *, + or {n,}. */
function unboundedWildcards(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c !== '.') continue;
    const rest = source.slice(i + 1);
    const q = /^(?:[*+]|\{\d+,\})/.exec(rest);
    if (q) found.push(source.slice(Math.max(0, i - 12), i + 1 + q[0].length));
  }
  return found;
}

describe('knowledge-base patterns: no unbounded wildcard gap', () => {
  it('the check flags the shapes QA reported and passes bounded gaps, escaped dots and classes', () => {
    // The patterns as they were before the fix (candidates, content, providers, reputation, recipient rules).
    for (const old of [
      'too many connections|4\\.7\\.0.*connections', '5\\.6\\.11 .*invalid characters', '\\bcomcast\\b.*\\b(?:requires|block|policy)',
      'cox\\.com\\/.*postmaster', 'dns lookup failure: .* try again later', 'host or domain name not found.*(?:try again|temporar)',
      'a.+b', 'a.{2,}b',
    ]) expect({ old, flagged: unboundedWildcards(old).length > 0 }).toEqual({ old, flagged: true });
    for (const ok of ['4\\.7\\.0.{0,100}connections', 'a\\.*b', 'a[.*]b', 'a\\\\.{0,3}b', 'x.y', 'a.?b', '[^.]+'])
      expect({ ok, found: unboundedWildcards(ok) }).toEqual({ ok, found: [] });
  });

  it.each(PATTERNS.map((p) => [p.ref, p.re] as const))('%s', (_ref, re) => {
    expect(unboundedWildcards(re.source)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// the killable worker

/**
 * Loads src/kb from TypeScript (transpiled in memory, as test/robustness/isolate.ts does) and runs one
 * job: a pattern by its ref, or the product functions that apply markers and boosts.
 */
const WORKER = `
${TS_WORKER_PRELUDE}
const { RULES } = src('kb/rules/index.ts');
const { PROVIDERS, providerByText } = src('kb/providers.ts');
const { SYMPTOM_CANDIDATES, candidatesFor } = src('kb/candidates.ts');
function pattern(ref) {
  const [kind, name, index] = ref.split(':');
  if (kind === 'rule') return RULES.find((r) => r.id === name).pattern;
  if (kind === 'unless') return RULES.find((r) => r.id === name).unless;
  if (kind === 'marker') return PROVIDERS.find((p) => p.id === name).markers[Number(index)];
  const [symptom, cause] = name.split('/');
  return SYMPTOM_CANDIDATES.find((s) => s.symptom === symptom).candidates.find((c) => c.cause === cause).boostWhen;
}
const fill = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
parentPort.on('message', (job) => {
  const results = job.texts.map(([unit, chars]) => {
    const text = fill(unit, chars);
    if (job.call === 'providerByText') return providerByText(text) ?? null;
    if (job.call === 'candidatesFor') return candidatesFor(job.symptom, text).map((c) => c.cause);
    return pattern(job.ref).test(text);
  });
  parentPort.postMessage({ results });
});
parentPort.postMessage({ ready: true });
`;

interface Job {
  call: 'pattern' | 'providerByText' | 'candidatesFor';
  ref?: string;
  symptom?: string;
  /** [unit, characters]: the unit repeated to that many characters. */
  texts: [string, number][];
}
type Outcome = { status: 'ok'; results: unknown[] } | { status: 'hung' };

class KbWorker {
  private worker?: Worker;
  private ready?: Promise<void>;

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const w = new Worker(WORKER, { eval: true, workerData: { root: ROOT } });
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    return this.ready;
  }

  /** Runs a job; a job still running after `limitMs` is killed (`hung`) and the next job gets a fresh worker. */
  async run(job: Job, limitMs = LIMIT_MS): Promise<Outcome> {
    await this.start();
    const w = this.worker!;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        w.removeAllListeners('message');
        this.worker = undefined;
        this.ready = undefined;
        void w.terminate().then(() => resolve({ status: 'hung' }));
      }, limitMs);
      w.once('message', (m: { results: unknown[] }) => { clearTimeout(timer); resolve({ status: 'ok', results: m.results }); });
      w.once('error', (err) => { clearTimeout(timer); reject(err); });
      w.postMessage(job);
    });
  }

  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
  }
}

const worker = new KbWorker();
afterAll(() => worker.close());

// ---------------------------------------------------------------------------------------------
// 2. the patterns QA found, on 2 MiB

describe('the patterns QA found super-linear complete on 2 MiB of their own words', () => {
  it.each([
    ['content rule bare-lf-rejected ("5.6.11 … invalid characters")', { call: 'pattern', ref: 'rule:bare-lf-rejected', texts: [['5.6.11 ', TWO_MIB], ['5.6.11 x', TWO_MIB]] }, [false, false]],
    ['reputation rule ptr-missing ("dns lookup failure: … try again later")', { call: 'pattern', ref: 'rule:ptr-missing', texts: [['dns lookup failure: ', TWO_MIB]] }, [false]],
    ['recipient rule recipient-domain-dns-temporary', { call: 'pattern', ref: 'rule:recipient-domain-dns-temporary', texts: [['host or domain name not found ', TWO_MIB]] }, [false]],
    ['provider markers (Comcast "comcast … requires", Cox "cox.com/ … postmaster")', { call: 'providerByText', texts: [['comcast ', TWO_MIB], ['cox.com/', TWO_MIB]] }, [null, null]],
  ] as [string, Job, unknown[]][])('%s', async (_name, job, expected) => {
    expect(await worker.run(job)).toEqual({ status: 'ok', results: expected });
  }, TEST_MS);

  it('the connection-dropped boost for "4.7.0 … connections"', async () => {
    const o = await worker.run({ call: 'candidatesFor', symptom: 'connection-dropped', texts: [['4.7.0', TWO_MIB], ['4.7.0 ', TWO_MIB]] });
    expect(o.status).toBe('ok');
    // Nothing in the text names a cause, so the table order stands: too-many-connections is not boosted.
    for (const order of (o as { results: string[][] }).results) expect(order.indexOf('too-many-connections')).toBeGreaterThan(0);
  }, TEST_MS);
});

describe('the bounded gaps still match the real wordings', () => {
  // Each pattern on its longest realistic wording, normalised as the classifier sees it (lower case).
  const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.example`; // 253 characters
  it.each([
    // Postfix dns_lookup.c: "Host or domain name not found. Name service error for name=%s type=%s: Host not found, try again"
    ['rule:recipient-domain-dns-temporary', `host or domain name not found. name service error for name=${domain} type=mx: host not found, try again`],
    // Sisimai's RequirePTR pair ("dns lookup failure: ", " try again later") around a host name.
    ['rule:ptr-missing', `450 4.7.1 dns lookup failure: ${domain} try again later`],
    // Microsoft 5.6.11 (Sisimai's Exchange Online table: "invalid characters").
    ['rule:bare-lf-rejected', '554 5.6.11 invalid characters'],
    ['rule:bare-lf-rejected', '550 5.6.11 smtpsend.barelinefeedsareillegal; message contains invalid characters (bare line feeds)'],
    // Comcast postmaster wording; Cox's postmaster page linked from its replies.
    ['marker:comcast:0', '554 mta1.comcast.net comcast 203.0.113.2 comcast requires that all mail servers must have a ptr record with a valid reverse dns entry.'],
    ['marker:cox:1', '550 aup#cxrcpt see https://www.cox.com/residential/support/cox-postmaster-email-administration.html'],
    ['boost:connection-dropped/too-many-connections', '421 4.7.0 [192.0.2.1] Too many concurrent SMTP connections from this IP address'],
  ])('%s on its longest real wording (%#)', (ref, text) => {
    const p = PATTERNS.find((x) => x.ref === ref);
    expect(p).toBeDefined();
    expect(p!.re.test(text)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. every pattern, against catastrophic backtracking

/** The literal text each top-level alternative starts with (up to its first metacharacter), unescaped. */
function leadingWords(source: string): string[] {
  const words = new Set<string>();
  let depth = 0;
  let inClass = false;
  let start = 0;
  const alternatives: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { alternatives.push(source.slice(start, i)); start = i + 1; }
  }
  alternatives.push(source.slice(start));
  for (const alt of alternatives) {
    let word = '';
    const s = alt.replace(/^(?:\\b|\^|\(\?:)+/, '');
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\\') {
        const n = s[i + 1] ?? '';
        if (n === 's') { word += ' '; i++; continue; }
        if (/[a-zA-Z]/.test(n)) break;
        word += n; i++; continue;
      }
      if ('.*+?()[]{}|^$'.includes(c)) { if ('*?{'.includes(c)) word = word.slice(0, -1); break; }
      word += c;
    }
    if (word) words.add(word.toLowerCase());
  }
  return [...words];
}

describe('every knowledge-base pattern completes on 32 KiB of its own leading words', () => {
  it('the leading words are what the alternatives start with', () => {
    expect(leadingWords('bare (?:lf|line ?feed)|5\\.6\\.11 .{0,100}invalid characters|\\bcomcast\\b.x')).toEqual(['bare ', '5.6.11 ', 'comcast']);
  });

  it('all of them', async () => {
    const CHARS = 32 * 1024;
    const hung: string[] = [];
    for (const p of PATTERNS) {
      const units = new Set([' ', 'a', ...leadingWords(p.re.source).flatMap((w) => [w, `${w} `])]);
      const o = await worker.run({ call: 'pattern', ref: p.ref, texts: [...units].map((u) => [u, CHARS] as [string, number]) });
      if (o.status === 'hung') hung.push(p.ref);
    }
    expect(hung).toEqual([]);
  }, 600000);
});
