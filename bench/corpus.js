#!/usr/bin/env node
'use strict';
/**
 * Corpus benchmark: every message under ${SMTPCHECK_CORPUS:-../shared/corpus/sisimai} through the
 * compiled engine (dist/) in one process, scored against expected.jsonl by file + record index.
 *
 *   status agreement  rows with status_pseudo=false; a file the engine cannot read is a miss
 *   reason agreement  needs the classify stage; until diagnose() works, reason is reported as n/a and
 *                     the status comes from parseReport alone
 *   throughput        cold single pass, then the fastest of N warm passes (SMTPCHECK_BENCH_WARM_PASSES, default 3),
 *                     messages per second with the file read included (every warm pass is listed too: they vary
 *                     with the JIT and the machine's other work); peak RSS; the time loading the engine took
 *                     before the cold pass. Sisimai gets the same passes.
 *   Sisimai           when `perl -MSisimai` works, the same files through Sisimai->make($path) in the same run
 *
 * Build first: npx tsc -p tsconfig.build.json. Flags: --verbose (list mismatches), --json (machine output).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { listMessages, loadJsonl, familyOf } = require('./corpus/files');
const { score, pct } = require('./corpus/score');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CORPUS = path.resolve(ROOT, process.env.SMTPCHECK_CORPUS || '../shared/corpus/sisimai');
const VERBOSE = process.argv.includes('--verbose');
const AS_JSON = process.argv.includes('--json');

function fail(msg) {
  process.stderr.write(`bench/corpus: ${msg}\n`);
  process.exit(2);
}

if (!fs.existsSync(path.join(DIST, 'pipeline.js'))) fail('dist/ is missing: run `npx tsc -p tsconfig.build.json` first.');
if (!fs.existsSync(CORPUS)) fail(`corpus not found at ${CORPUS} (set SMTPCHECK_CORPUS).`);

// Loading the engine is part of what a fresh process (the CLI) pays before its first message: timed apart
// from the cold pass, which starts with every module loaded.
const loadStart = process.hrtime.bigint();
const { readInput } = require(path.join(DIST, 'intake'));
const { parseReport } = require(path.join(DIST, 'parse'));
const { diagnose } = require(path.join(DIST, 'pipeline'));
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

const files = listMessages(CORPUS);
const messages = files.map((f) => ({ rel: path.relative(CORPUS, f).split(path.sep).join('/'), file: f }));
const truth = loadJsonl(path.join(CORPUS, 'expected.jsonl'));

/** diagnose() when the classify stage exists; parseReport() alone until then. */
function pickEngine() {
  const probe = Buffer.from('Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n');
  try {
    diagnose(probe, { origin: 'file' });
    return { name: 'diagnose', withReason: true, run: (bytes) => diagnose(bytes, { origin: 'file' }) };
  } catch (err) {
    if (err && err.code && String(err.code).startsWith('smtpcheck_') && err.code !== 'smtpcheck_internal') throw err;
    return { name: 'parseReport (classify not available yet)', withReason: false, run: (bytes) => parseReport(readInput(bytes, { origin: 'file' })) };
  }
}

const engine = pickEngine();

function runPass(collect) {
  const results = collect ? new Map() : undefined;
  const t0 = process.hrtime.bigint();
  for (const m of messages) {
    let out;
    try {
      // reading the file is part of the work, as it is for Sisimai->make($path) on the Perl side
      const r = engine.run(fs.readFileSync(m.file));
      out = { records: r.recipients, mta: r.source && r.source.mta, kind: r.kind };
    } catch (err) {
      out = { records: [], error: (err && (err.code || err.message)) || String(err) };
    }
    if (results) results.set(m.rel, out);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, results };
}

/** Warm passes after the cold one; the fastest counts (the machine may be busy with other work). */
const WARM_PASSES = Math.max(1, Number(process.env.SMTPCHECK_BENCH_WARM_PASSES) || 3);
const cold = runPass(true);
const warmPasses = Array.from({ length: WARM_PASSES }, () => runPass(false));
const warm = warmPasses.reduce((a, b) => (b.seconds < a.seconds ? b : a));
// The parse stage alone (intake + parseReport), warm, to show where the time goes when diagnose() is used.
let parseOnly;
if (engine.name === 'diagnose') {
  const t = [];
  for (let k = 0; k < WARM_PASSES; k++) {
    const t0 = process.hrtime.bigint();
    for (const m of messages) {
      try {
        parseReport(readInput(fs.readFileSync(m.file), { origin: 'file' }));
      } catch {
        // counted in the main passes
      }
    }
    t.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  parseOnly = Math.min(...t);
}
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
const scored = score(truth, cold.results, familyOf, engine.withReason);

/** Files with no truth rows (non-bounces, empty files) should yield no records. */
const filesWithRows = new Set(truth.map((r) => r.file));
const spurious = [...cold.results.entries()].filter(([rel, r]) => !filesWithRows.has(rel) && r.records.length > 0).map(([rel, r]) => `${rel} (${r.records.length} record(s), kind ${r.kind})`);

function sisimai() {
  const probe = spawnSync('perl', ['-MSisimai', '-e', '1'], { stdio: 'ignore' });
  if (probe.status !== 0) return undefined;
  try {
    const out = execFileSync('perl', [path.join(__dirname, 'corpus', 'sisimai.pl')], { input: files.join('\n'), maxBuffer: 1 << 20, env: { ...process.env, WARM_PASSES: String(WARM_PASSES) } });
    return JSON.parse(out.toString().trim().split('\n').pop());
  } catch {
    return undefined;
  }
}

const peer = sisimai();
const rate = (n, s) => (s > 0 ? n / s : 0);
const report = {
  corpus: CORPUS,
  engine: engine.name,
  files: messages.length,
  status: { agree: scored.total.statusHits, rows: scored.total.statusRows, pct: pct(scored.total.statusHits, scored.total.statusRows) },
  reason: engine.withReason ? { agree: scored.total.reasonHits, rows: scored.total.reasonRows, pct: pct(scored.total.reasonHits, scored.total.reasonRows) } : 'n/a',
  throughput: {
    loadMs: Math.round(loadMs),
    coldMsgPerSec: Math.round(rate(messages.length, cold.seconds)),
    warmMsgPerSec: Math.round(rate(messages.length, warm.seconds)),
    // every warm pass, in order: the spread shows how much the best one owes to the machine and the JIT
    warmPassesMsgPerSec: warmPasses.map((p) => Math.round(rate(messages.length, p.seconds))),
    ...(parseOnly ? { parseStageWarmMsgPerSec: Math.round(rate(messages.length, parseOnly)) } : {}),
  },
  peakRssMiB: Math.round(peakRssMiB * 10) / 10,
  sisimai: peer
    ? {
        version: peer.version,
        coldMsgPerSec: Math.round(rate(peer.files, peer.cold_s)),
        warmMsgPerSec: Math.round(rate(peer.files, peer.warm_s)),
        ratioWarm: Math.round((rate(messages.length, warm.seconds) / rate(peer.files, peer.warm_s)) * 100) / 100,
        ratioCold: Math.round((rate(messages.length, cold.seconds) / rate(peer.files, peer.cold_s)) * 100) / 100,
      }
    : 'not installed',
  spuriousRecords: spurious,
};

if (AS_JSON) {
  process.stdout.write(JSON.stringify({ ...report, mismatches: scored.mismatches }, null, 2) + '\n');
  process.exit(0);
}

const lines = [];
lines.push(`corpus   ${CORPUS} (${messages.length} files, ${truth.length} truth rows)`);
lines.push(`engine   ${engine.name}`);
lines.push(`status   ${report.status.pct} (${report.status.agree}/${report.status.rows} rows, pseudo-status rows skipped)`);
lines.push(`reason   ${engine.withReason ? `${report.reason.pct} (${report.reason.agree}/${report.reason.rows})` : 'n/a (classify stage not available)'}`);
lines.push(`speed    cold ${report.throughput.coldMsgPerSec} msg/s, warm ${report.throughput.warmMsgPerSec} msg/s (best of ${WARM_PASSES}: ${report.throughput.warmPassesMsgPerSec.join(', ')}); peak RSS ${report.peakRssMiB} MiB`);
lines.push(`         loading the engine (before the cold pass): ${report.throughput.loadMs} ms`);
if (parseOnly) lines.push(`         parse stage alone (intake + parseReport): warm ${report.throughput.parseStageWarmMsgPerSec} msg/s`);
if (peer) {
  lines.push(`sisimai  ${peer.version}: cold ${report.sisimai.coldMsgPerSec} msg/s, warm ${report.sisimai.warmMsgPerSec} msg/s → smtpcheck is ${report.sisimai.ratioWarm}× (warm), ${report.sisimai.ratioCold}× (cold)`);
  if (parseOnly) lines.push(`         parse stage alone is ${Math.round((report.throughput.parseStageWarmMsgPerSec / report.sisimai.warmMsgPerSec) * 100) / 100}× Sisimai (warm)`);
}
else lines.push('sisimai  not installed (perl -MSisimai failed); no side-by-side rate');
lines.push('');
lines.push('misses by family (status misses / status rows' + (engine.withReason ? ', reason misses / rows' : '') + '):');
const fams = [...scored.families.entries()].filter(([, t]) => t.statusRows - t.statusHits > 0 || (engine.withReason && t.reasonRows - t.reasonHits > 0));
fams.sort((a, b) => b[1].statusRows - b[1].statusHits - (a[1].statusRows - a[1].statusHits) || a[0].localeCompare(b[0]));
for (const [fam, t] of fams) {
  lines.push(`  ${fam.padEnd(24)} status ${t.statusRows - t.statusHits}/${t.statusRows}` + (engine.withReason ? `   reason ${t.reasonRows - t.reasonHits}/${t.reasonRows}` : ''));
}
if (!fams.length) lines.push('  none');
if (spurious.length) {
  lines.push('');
  lines.push(`records for files with no truth rows (${spurious.length}):`);
  for (const s of spurious) lines.push(`  ${s}`);
}
if (VERBOSE) {
  lines.push('');
  lines.push(`mismatches (${scored.mismatches.length}):`);
  for (const m of scored.mismatches) {
    lines.push(`  [${m.what}] ${m.file}#${m.index} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)} mta=${m.mta ?? '-'}${m.diagnostic ? ` | ${String(m.diagnostic).slice(0, 160)}` : ''}`);
  }
}
process.stdout.write(lines.join('\n') + '\n');
