#!/usr/bin/env node
'use strict';
/**
 * ReDoS bench: can any regular expression in smtpcheck be made to run away?
 *
 *   node bench/redos.js [--size=100000] [--top=10] [--grow=40] [--cap-ms=20000] [--all-src] [--json]
 *                       [--blocks-only | --no-blocks]   (only / without step 4)
 *   Build first: npx tsc -p tsconfig.build.json
 *
 * 1. Collect every RegExp, three ways, merged by source+flags:
 *    - static:   every regex literal and `new RegExp('literal')` in src/{kb,parse,intake,classify}
 *                (all of src/ with --all-src), found with the TypeScript parser, labelled file:line;
 *    - exported: every RegExp reachable from the compiled modules' exports (rule tables, reader
 *                marker tables, dynamically built patterns);
 *    - runtime:  every RegExp that actually runs while diagnose() reads the test fixtures
 *                (RegExp.prototype.exec is wrapped, which puts V8 on its observable slow path),
 *                which catches module-local and lazily built patterns the other two miss.
 * 2. Screen each pattern against a family of pathological inputs at 10k characters (runs of one
 *    character, repeated tokens, the pattern's own literal words repeated), forcing a global scan so
 *    every start position is tried — the worst case of how the code may apply it.
 * 3. For the --grow patterns slowest at 10k (two worst inputs each), time at 20k, 40k and --size
 *    (100k): the growth per doubling (t(40k)/t(20k)) shows super-linear behaviour: 2× is linear,
 *    4× quadratic. When the growth predicts more than --cap-ms at --size, the time is extrapolated.
 * 4. The event loop: diagnose() is synchronous, so one call on a 2 MiB paste is one block of the
 *    event loop (Slack Socket Mode pings wait behind it). Realistic and pathological 2 MiB pastes
 *    are timed per origin, with perf_hooks' event-loop-delay histogram as a cross-check.
 *
 * Each measurement runs in a worker thread watched by the main thread: a catastrophic pattern is
 * cut off at --cap-ms (reported as "> cap") instead of hanging the bench.
 */
const fs = require('fs');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

// ---------------------------------------------------------------------------------------------
// pathological inputs

/** Units repeated to the wanted length: runs that greedy classes eat, tokens alternations loop over. */
const GENERIC_UNITS = [
  ' ', '\t', '\n', '\r\n', ' \n', '\n ', '\n\n ', ' \t', 'a', 'A', '0', '5', '.', '-', '_', '@', '<', '>', '"', "'", '=', ':',
  ';', ',', '/', '(', ')', '[', ']', '|', '#', '*', '\\', '!', '+', '%', '&', '~', '\u00e9', '\ufffd',
  'a ', 'a.', 'a-', 'a:', 'a=', 'a,', 'a@', 'ab', '0.', '0 ', '5.1.1 ', '550 ', '550-', '550 5.1.1 ', '#5.1.1 ',
  'a@b.c ', '<a@b.c>', '<a', 'x: ', ': ', 'a: b\n', '=?', '=20', '=\n', '--', '--x\n', '```', '<|', 'a|', '&amp;',
  'From ', 'mx.example.com ', 'a.b.', '127.0.0.1 ', '[1.2.3.4] ', 'host ', 'a\n\n', '> ', '>\n', 'smtp; ',
];

/** Words a pattern spells out literally: repeating them walks its alternations and nested groups. */
function literalWords(source) {
  const cleaned = source.replace(/\\[a-zA-Z]/g, ' ').replace(/\\(.)/g, '$1');
  const words = new Set(cleaned.toLowerCase().match(/[a-z0-9][a-z0-9.@-]{1,30}/g) || []);
  return [...words].slice(0, 12);
}

function familiesFor(source) {
  const fams = GENERIC_UNITS.map((u) => ({ name: `run ${JSON.stringify(u)}`, unit: u }));
  const words = literalWords(source);
  for (const w of words) {
    fams.push({ name: `words ${JSON.stringify(w + ' ')}`, unit: w + ' ' });
    fams.push({ name: `words ${JSON.stringify(w)}`, unit: w });
  }
  if (words.length > 1) fams.push({ name: 'all literal words', unit: words.join(' ') + ' ' });
  return fams;
}

function fill(unit, n) {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// collection (main thread)

function srcFiles(dirs) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(p);
    }
  };
  for (const d of dirs) if (fs.existsSync(d)) (fs.statSync(d).isDirectory() ? walk(d) : out.push(d));
  return out;
}

/** Regex literals and `new RegExp('…')` with a literal argument, via the TypeScript parser. */
function staticPatterns(files) {
  const ts = require('typescript');
  const found = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const rel = path.relative(ROOT, file);
    const where = (node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.text;
        const slash = lit.lastIndexOf('/');
        found.push({ body: lit.slice(1, slash), flags: lit.slice(slash + 1), label: where(node) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments && node.arguments[0]) {
        const a = node.arguments[0];
        const f = node.arguments[1];
        if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) {
          found.push({ body: a.text, flags: f && ts.isStringLiteral(f) ? f.text : '', label: where(node) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Every RegExp reachable from a module's exports (objects, arrays, maps, sets; depth-bounded). */
function exportedPatterns(modules) {
  const found = [];
  for (const file of modules) {
    let exp;
    try {
      exp = require(file);
    } catch {
      continue;
    }
    const rel = path.relative(ROOT, file);
    const seen = new Set();
    const visit = (v, at, depth) => {
      if (!v || depth > 8 || (typeof v !== 'object' && typeof v !== 'function')) return;
      if (v instanceof RegExp) {
        found.push({ re: v, label: `${rel} ${at}` });
        return;
      }
      if (seen.has(v) || typeof v === 'function') return;
      seen.add(v);
      if (v instanceof Map) {
        for (const [k, x] of v) visit(x, `${at}[${String(k).slice(0, 30)}]`, depth + 1);
      } else if (v instanceof Set || Array.isArray(v)) {
        let i = 0;
        for (const x of v) visit(x, `${at}[${i++}]`, depth + 1);
      } else if (!Buffer.isBuffer(v) && !ArrayBuffer.isView(v)) {
        for (const k of Object.keys(v)) visit(v[k], at ? `${at}.${k}` : k, depth + 1);
      }
    };
    visit(exp, '', 0);
  }
  return found;
}

/** Every RegExp diagnose() actually executes on the test fixtures and a few odd inputs. */
function runtimePatterns() {
  const found = new Map();
  const origExec = RegExp.prototype.exec;
  let inside = false;
  RegExp.prototype.exec = function exec(s) {
    const key = `${this.flags.replace('y', '')}/${this.source}`;
    if (!inside && !found.has(key)) {
      inside = true; // the location lookup below runs regexes of its own: not the product's
      const stack = new Error().stack.split('\n').slice(2).find((l) => l.includes(DIST));
      const m = stack && /([^\s()]+):(\d+):\d+\)?\s*$/.exec(stack);
      found.set(key, { re: new RegExp(this.source, this.flags.replace('y', '')), label: m ? `${path.relative(ROOT, m[1])}:${m[2]} (runtime)` : 'runtime' });
      inside = false;
    }
    return origExec.call(this, s);
  };
  try {
    const { diagnose } = require(path.join(DIST, 'pipeline'));
    const { looksLikeBounce } = require(path.join(DIST, 'intake'));
    let explain;
    let render;
    try {
      explain = require(path.join(DIST, 'explain'));
      render = require(path.join(DIST, 'render/text'));
    } catch {
      // explain/render are optional here
    }
    const dir = path.join(ROOT, 'test/fixtures/bounces');
    const inputs = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))) : [];
    inputs.push(Buffer.from('```550 5.1.1 <a@b.example>: Recipient address rejected: User unknown```\n<mailto:a@b.example|a@b.example> &lt;x&gt;'));
    for (const bytes of inputs) {
      for (const origin of ['file', 'slack']) {
        try {
          const d = diagnose(bytes, { origin });
          looksLikeBounce(bytes.toString('utf8'));
          if (explain && explain.explainDiagnosis) {
            const e = explain.explainDiagnosis(d, {});
            if (render && typeof render.renderText === 'function') render.renderText(e);
          }
        } catch {
          // bad fixtures are fine: we only want the patterns that ran
        }
      }
    }
  } finally {
    RegExp.prototype.exec = origExec;
  }
  return [...found.values()];
}

function collect(allSrc) {
  const dirs = allSrc ? [path.join(ROOT, 'src')] : ['kb', 'parse', 'intake', 'classify'].map((d) => path.join(ROOT, 'src', d));
  const patterns = new Map();
  const add = (source, flags, label, how) => {
    flags = flags.replace('y', '');
    const key = `${flags}/${source}`;
    let p = patterns.get(key);
    if (!p) patterns.set(key, (p = { source, flags, labels: [], how: new Set() }));
    if (p.labels.length < 4 && !p.labels.includes(label)) p.labels.push(label);
    p.how.add(how);
  };
  for (const s of staticPatterns(srcFiles(dirs))) {
    try {
      const re = new RegExp(s.body, s.flags);
      add(re.source, re.flags, s.label, 'static');
    } catch {
      // a literal TypeScript accepted but this Node does not: not ours to judge here
    }
  }
  const distDirs = allSrc ? [DIST] : ['kb', 'parse', 'intake', 'classify'].map((d) => path.join(DIST, d));
  const modules = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') && !(allSrc && p.includes(`${path.sep}slack${path.sep}`))) modules.push(p);
    }
  };
  for (const d of distDirs) if (fs.existsSync(d)) walk(d);
  for (const e of exportedPatterns(modules)) add(e.re.source, e.re.flags, e.label, 'exported');
  for (const r of runtimePatterns()) add(r.re.source, r.re.flags, r.label, 'runtime');
  return [...patterns.values()];
}

// ---------------------------------------------------------------------------------------------
// measurement (worker thread)

const filled = new Map();
function timeOne(source, flags, unit, n) {
  // Forced global scan: every start position is tried, as a matchAll/replace loop or a failing exec does.
  const re = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
  const key = `${n}:${unit}`;
  let s = filled.get(key);
  if (s === undefined) filled.set(key, (s = fill(unit, n)));
  const t0 = process.hrtime.bigint();
  s.replace(re, '');
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

if (!isMainThread) {
  const { jobs } = workerData;
  for (let i = workerData.from; i < jobs.length; i++) {
    parentPort.postMessage({ type: 'start', i });
    const j = jobs[i];
    let ms;
    try {
      ms = timeOne(j.source, j.flags, j.unit, j.n);
    } catch (err) {
      ms = -1;
    }
    parentPort.postMessage({ type: 'done', i, ms });
  }
  parentPort.postMessage({ type: 'end' });
  return;
}

/** Runs jobs in a worker; a job over capMs kills the worker (result: Infinity) and the rest go on in a new one. */
function runJobs(jobs, capMs) {
  const results = new Array(jobs.length).fill(undefined);
  return new Promise((resolve) => {
    const start = (from) => {
      if (from >= jobs.length) return resolve(results);
      const w = new Worker(__filename, { workerData: { jobs, from } });
      let timer;
      let current = from;
      w.on('message', (m) => {
        if (m.type === 'start') {
          current = m.i;
          clearTimeout(timer);
          timer = setTimeout(() => {
            results[current] = Infinity;
            w.removeAllListeners('exit');
            w.terminate().then(() => start(current + 1));
          }, capMs);
        } else if (m.type === 'done') {
          clearTimeout(timer);
          results[m.i] = m.ms;
        } else if (m.type === 'end') {
          clearTimeout(timer);
        }
      });
      w.on('exit', () => {
        clearTimeout(timer);
        const next = results.findIndex((r, k) => k >= from && r === undefined);
        if (next < 0) resolve(results);
        else start(next);
      });
    };
    start(0);
  });
}

// ---------------------------------------------------------------------------------------------
// event-loop block of a 2 MiB paste (main thread)

function pastes() {
  const MiB2 = 2 * 1024 * 1024;
  const dsn = (r) => `Final-Recipient: rfc822; ${r}\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.com\nDiagnostic-Code: smtp; 550 5.1.1 <${r}>: Recipient address rejected: User unknown in virtual mailbox table\n\n`;
  const head = [
    'Return-Path: <>', 'Received: from mx.example.net by mail.example.org', 'From: MAILER-DAEMON@example.org (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender', 'Date: Mon, 1 Jan 2024 00:00:00 +0000', 'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"', '', '--B1', 'Content-Type: text/plain', '',
    'This is the mail system at host mail.example.org.', "I'm sorry to have to inform you that your message could not be delivered.", '',
    '<a@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)', '',
    '--B1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mail.example.org', '', dsn('a@example.com'),
    '--B1', 'Content-Type: message/rfc822', '', 'From: someone@example.org', 'To: a@example.com', 'Subject: report', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="B2"', '', '--B2', 'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64', '', '',
  ].join('\n');
  const b64 = Buffer.alloc(1500000, 7).toString('base64').replace(/.{76}/g, '$&\n');
  const realistic = (head + b64).slice(0, MiB2 - 20) + '\n--B2--\n--B1--\n';
  let many = 'From: MAILER-DAEMON@example.org\nSubject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="Z"\n\n--Z\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n';
  for (let i = 0; many.length < MiB2 - 200; i++) many += dsn(`r${i}@example.com`);
  const pasted = ('Delivery has failed to these recipients or groups:\n\nuser@example.com\nThe email address you entered couldn\'t be found.\n\nDiagnostic information for administrators:\nGenerating server: mail.example.org\nuser@example.com\nRemote Server returned \'550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\'\n\n').repeat(1);
  const spaces = pasted + ' '.repeat(MiB2 - pasted.length - 2) + '\n';
  const blankLines = pasted + '\n'.repeat(MiB2 - pasted.length);
  const tokens = pasted + '550 5.1.1 '.repeat(Math.floor((MiB2 - pasted.length) / 10));
  const angle = pasted + '<a|'.repeat(Math.floor((MiB2 - pasted.length) / 3));
  const longLine = 'x'.repeat(MiB2 - 1) + '\n';
  // Shapes that QA found to run away (test/robustness/pathological.test.ts), padded to 2 MiB with ordinary text.
  const prose = 'This line is part of the returned original message, quoted below the report.\n';
  const to2MiB = (t) => t + prose.repeat(Math.ceil((MiB2 - t.length) / prose.length)).slice(0, MiB2 - t.length);
  const exchangeSpaces = to2MiB(pasted.replace('user@example.com\nRemote Server', `${' '.repeat(10000)}x\nuser@example.com\nRemote Server`));
  const ex2003 = to2MiB(['Your message did not reach some or all of the intended recipients.', '', 'The following recipient(s) could not be reached:', '',
    ' '.repeat(100000) + 'x', '      someone@example.com on 2/12/2010 9:14 AM', '            Could not deliver the message in the time limit specified.', '            <server.contoso.com #4.4.7>', ''].join('\n'));
  const unknownBlank = to2MiB('Hello, my mail bounced with 550 5.1.1 user unknown, see below.\n' + '\n'.repeat(16 * 1024));
  // The project's own fixtures with a run inside their first text part (as test/robustness does).
  const withRun = (fixture, unit, bytes) => {
    const file = path.join(ROOT, 'test/fixtures/bounces', fixture);
    if (!fs.existsSync(file)) return undefined;
    const text = fs.readFileSync(file, 'latin1');
    const part = /content-type:\s*text\/plain[^\n]*\n(?:[^\n]+\n)*\n/i.exec(text);
    const at = part ? part.index + part[0].length : text.indexOf('\n\n') + 2;
    return to2MiB(text.slice(0, at) + fill(unit, bytes) + 'x\n' + text.slice(at));
  };
  const fixtures = {
    '[file only] Courier bounce + 400 KB blank lines': withRun('longtail-courier-01.eml', '\n', 400 * 1024),
    '[file only] SurfControl bounce + a 400 KB line of "@"': withRun('longtail-surfcontrol-01.eml', '@', 400 * 1024),
  };
  for (const k of Object.keys(fixtures)) if (fixtures[k] === undefined) delete fixtures[k];
  return { ...fixtures, 'realistic NDR + 1.5 MB attachment': realistic, '40k-recipient DSN': many, 'NDR + 2 MiB of spaces': spaces, 'NDR + 2 MiB of blank lines': blankLines, 'NDR + "550 5.1.1 " repeated': tokens, 'NDR + broken Slack markup': angle, 'one 2 MiB line': longLine, 'Exchange NDR with a 10,000-space line': exchangeSpaces, 'Exchange 2003 NDR with a 100 KB space line': ex2003, 'unknown words + 16 KB blank lines': unknownBlank };
}

async function eventLoopBlocks(capMs) {
  // In a worker as well, so a runaway paste is reported and cut off instead of hanging the bench.
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const { monitorEventLoopDelay } = require('perf_hooks');
    const { diagnose } = require(${JSON.stringify(path.join(DIST, 'pipeline'))});
    const { looksLikeBounce } = require(${JSON.stringify(path.join(DIST, 'intake'))});
    (async () => {
      for (const [name, text] of Object.entries(workerData.pastes)) {
        for (const origin of workerData.origins) {
          parentPort.postMessage({ type: 'start', name, origin });
          const h = monitorEventLoopDelay({ resolution: 10 }); h.enable();
          await new Promise((r) => setTimeout(r, 30));
          const t0 = process.hrtime.bigint();
          let outcome;
          try { const d = diagnose(origin === 'file' ? Buffer.from(text) : text, { origin }); outcome = d.kind + ' ' + d.recipients.length + ' recipient(s)'; }
          catch (e) { outcome = (e && e.code) || String(e); }
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          await new Promise((r) => setTimeout(r, 30));
          h.disable();
          const t1 = process.hrtime.bigint(); looksLikeBounce(text); const sniffMs = Number(process.hrtime.bigint() - t1) / 1e6;
          parentPort.postMessage({ type: 'done', name, origin, ms, loopMaxMs: h.max / 1e6, sniffMs, outcome });
        }
      }
      parentPort.postMessage({ type: 'end' });
    })();`;
  const all = pastes();
  const rows = [];
  const names = Object.keys(all);
  for (const name of names) for (const origin of name.startsWith('[file only]') ? ['file'] : ['paste', 'slack', 'file']) {
    await new Promise((resolve) => {
      const w = new Worker(code, { eval: true, workerData: { pastes: { [name]: all[name] }, origins: [origin] } });
      let timer;
      let cur;
      w.on('message', (m) => {
        clearTimeout(timer);
        if (m.type === 'start') {
          cur = m;
          timer = setTimeout(() => {
            rows.push({ name: m.name, origin: m.origin, ms: Infinity, outcome: `still running after ${capMs} ms (cut off)` });
            w.terminate();
          }, capMs);
        } else if (m.type === 'done') rows.push(m);
        else if (m.type === 'end') w.terminate();
      });
      w.on('error', (e) => { rows.push({ name, origin: cur && cur.origin, ms: NaN, outcome: `worker error: ${e.message}` }); });
      w.on('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    return a ? Number(a.split('=')[1]) : dflt;
  };
  const SIZE = opt('size', 100000);
  const TOP = opt('top', 10);
  const CAP = opt('cap-ms', 20000);
  const GROW = opt('grow', 40);
  const asJson = args.includes('--json');
  const fmt = (ms, cap = CAP) => (ms === undefined ? '—' : ms === Infinity ? `> ${cap} ms` : ms < 0 ? 'error' : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
  const score = (r) => (r.tBig !== undefined && Number.isFinite(r.tBig) ? r.tBig : r.estimated ?? Number.MAX_VALUE);
  if (!fs.existsSync(path.join(DIST, 'pipeline.js'))) {
    process.stderr.write('bench/redos: dist/ is missing: run `npx tsc -p tsconfig.build.json` first.\n');
    process.exit(2);
  }
  const log = (s) => { if (!asJson) process.stdout.write(s + '\n'); };

  if (args.includes('--blocks-only')) return reportBlocks();

  const t0 = Date.now();
  const patterns = collect(args.includes('--all-src'));
  const byHow = (h) => patterns.filter((p) => p.how.has(h)).length;
  log(`${patterns.length} distinct patterns (static ${byHow('static')}, exported ${byHow('exported')}, runtime ${byHow('runtime')}); collected in ${Date.now() - t0} ms`);

  // Screen at 10k.
  const SCREEN = 10000;
  const screenJobs = [];
  patterns.forEach((p, pi) => {
    for (const f of familiesFor(p.source)) screenJobs.push({ pi, family: f.name, source: p.source, flags: p.flags, unit: f.unit, n: SCREEN });
  });
  const t1 = Date.now();
  const SCREEN_CAP = Math.min(CAP, 5000);
  const screen = await runJobs(screenJobs, SCREEN_CAP);
  log(`screened ${screenJobs.length} pattern × input pairs at ${SCREEN} chars in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

  // Per pattern: its two worst families; the GROW patterns slowest at 10k go on to the growth test.
  const worst = new Map();
  screenJobs.forEach((j, k) => {
    const list = worst.get(j.pi) || [];
    list.push({ ...j, ms: screen[k] });
    worst.set(j.pi, list);
  });
  const candidates = [...worst.values()]
    .map((list) => list.sort((a, b) => b.ms - a.ms).slice(0, 2))
    .sort((a, b) => b[0].ms - a[0].ms)
    .slice(0, GROW);
  log(`slowest at ${SCREEN}: ${candidates.slice(0, 5).map((c) => `${fmt(c[0].ms, SCREEN_CAP)} /${c[0].source.slice(0, 40)}/`).join('; ')}`);
  const pairs = candidates.flat();
  const mid = await runJobs(pairs.flatMap((j) => [SCREEN * 2, SCREEN * 4].map((n) => ({ ...j, n }))), CAP);
  // 100k only where the growth so far predicts it fits under the cap; otherwise extrapolate.
  const predicted = pairs.map((j, k) => {
    const [t20, t40] = [mid[2 * k], mid[2 * k + 1]];
    const exponent = t20 > 0.05 && Number.isFinite(t40) && Number.isFinite(t20) ? Math.log2(t40 / t20) : undefined;
    const est = Number.isFinite(t40) ? t40 * Math.pow(SIZE / (SCREEN * 4), Math.max(1, exponent ?? 1)) : Infinity;
    return { j, t20, t40, exponent, est };
  });
  // Measure at SIZE only the worst few (that is what the report lists); extrapolate the rest.
  const order = predicted.map((p, k) => k).sort((a, b) => predicted[b].est - predicted[a].est);
  const bigIdx = order.filter((k) => predicted[k].est <= CAP).slice(0, TOP + 5);
  const big = await runJobs(bigIdx.map((k) => ({ ...pairs[k], n: SIZE })), CAP);
  const tBigOf = new Map(bigIdx.map((k, i) => [k, big[i]]));

  // Assemble per pattern: worst time at SIZE (measured, else estimated), with that family's growth.
  const rows = new Map();
  predicted.forEach((p, k) => {
    const tBig = tBigOf.has(k) ? tBigOf.get(k) : undefined;
    const row = { pattern: patterns[p.j.pi], family: p.j.family, screenMs: p.j.ms, t20: p.t20, t40: p.t40, tBig, exponent: p.exponent, estimated: tBig === undefined || tBig === Infinity ? p.est : undefined };
    const prev = rows.get(p.j.pi);
    if (!prev || score(row) > score(prev)) rows.set(p.j.pi, row);
  });
  const ranked = [...rows.values()].sort((a, b) => score(b) - score(a));
  const superLinear = ranked.filter((r) => (r.exponent !== undefined && r.exponent > 1.5 && r.t40 > 1) || r.tBig === Infinity);

  log(`\nTop ${TOP} slowest patterns at ${SIZE} characters (forced global scan):`);
  ranked.slice(0, TOP).forEach((r, i) => {
    const p = r.pattern;
    const src = `/${p.source.length > 110 ? p.source.slice(0, 107) + '…' : p.source}/${p.flags}`;
    log(`${String(i + 1).padStart(2)}. ${(r.estimated !== undefined ? `~${fmt(r.estimated)} est.` : fmt(r.tBig)).padStart(12)}  growth ×2→${r.exponent === undefined ? '—' : Math.pow(2, r.exponent).toFixed(1) + '×'}  input: ${r.family}`);
    log(`      ${src}`);
    log(`      at ${p.labels.join(', ')}`);
  });
  log(`\nSuper-linear (time grows > 2.8× when the input doubles, or cut off): ${superLinear.length}`);
  for (const r of superLinear) log(`  ${(r.estimated !== undefined ? `~${fmt(r.estimated)} est.` : fmt(r.tBig)).padStart(14)}  ${Math.pow(2, r.exponent ?? 0).toFixed(1)}×  ${r.family}  /${r.pattern.source.slice(0, 90)}/${r.pattern.flags}  at ${r.pattern.labels[0]}`);

  const blocks = args.includes('--no-blocks') ? [] : await reportBlocks();
  if (asJson) {
    const out = {
      patterns: patterns.length,
      top: ranked.slice(0, TOP).map((r) => ({ source: r.pattern.source, flags: r.pattern.flags, at: r.pattern.labels, input: r.family, ms: r.tBig, estimatedMs: r.estimated, growthPerDoubling: r.exponent === undefined ? null : Math.pow(2, r.exponent) })),
      superLinear: superLinear.map((r) => ({ source: r.pattern.source, flags: r.pattern.flags, at: r.pattern.labels, input: r.family, ms: r.tBig, estimatedMs: r.estimated })),
      blocks,
    };
    process.stdout.write(JSON.stringify(out, (k, v) => (v === Infinity ? 'cut-off' : v), 2) + '\n');
  }

  async function reportBlocks() {
    log('\nLongest synchronous block: one diagnose() call on a 2 MiB paste (sniff = looksLikeBounce on the same text)');
    const BLOCK_CAP = Math.max(CAP, 60000);
    const rows = await eventLoopBlocks(BLOCK_CAP);
    for (const b of rows) log(`  ${fmt(b.ms, BLOCK_CAP).padStart(12)}  loop-delay max ${b.loopMaxMs === undefined ? '—' : b.loopMaxMs.toFixed(0) + ' ms'}  sniff ${b.sniffMs === undefined ? '—' : b.sniffMs.toFixed(1) + ' ms'}  ${b.origin.padEnd(5)}  ${b.name}  → ${b.outcome}`);
    const longest = rows.reduce((x, b) => (b.ms > x.ms ? b : x), { ms: -1 });
    log(`  longest: ${fmt(longest.ms, BLOCK_CAP)} (${longest.name}, origin ${longest.origin})`);
    return rows;
  }
}

main().catch((err) => {
  process.stderr.write(`bench/redos: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
