#!/usr/bin/env node
/**
 * Dev harness for the classify stage: feeds what Sisimai 4.25 extracted from each public corpus
 * file (diagnostic, status, reply, command, agent, remote host — shared/corpus/sisimai/sisimai-peer.jsonl)
 * into classify() and compares our reason with the truth (expected.jsonl). It measures the
 * classifier alone, independent of the parser. Sisimai-internal status codes (X.0.9NN) are
 * dropped: they encode Sisimai's own verdict.
 *
 *   node bench/reasons.js [--misses] [--source=go-sisimai] [--corpus=/path/to/sisimai]
 * Needs a build: npx tsc -p tsconfig.build.json
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { classify } = require('../dist/classify');

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name, dflt) => { const f = flag(name); return f && f.includes('=') ? f.split('=').slice(1).join('=') : dflt; };
const corpus = value('corpus', path.resolve(__dirname, '../../shared/corpus/sisimai'));
const onlySource = value('source', '');
const showMisses = !!flag('misses');

const readJsonl = (file) => fs.readFileSync(path.join(corpus, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const truth = readJsonl('expected.jsonl');
const peer = new Map(readJsonl('sisimai-peer.jsonl').filter((r) => r.index).map((r) => [`${r.file}#${r.index}`, r]));

function kindOf(p) {
  if (p.smtpagent === 'Feedback-Loop' || p.feedbacktype) return 'feedback';
  if (p.smtpagent === 'RFC3834') return 'autoreply';
  if (p.action === 'delivered' || /^2\./.test(p.deliverystatus)) return 'delivered';
  return p.action === 'delayed' ? 'delay' : 'bounce';
}

function reportOf(p) {
  const status = /^\d\.0\.9\d\d$/.test(p.deliverystatus) ? undefined : p.deliverystatus || undefined;
  return {
    kind: kindOf(p),
    source: { format: 'mime', mta: p.smtpagent.toLowerCase() },
    recipients: [{
      address: p.recipient,
      action: p.action || undefined,
      status,
      replyCode: p.replycode || undefined,
      remoteHost: p.rhost || undefined,
      command: p.smtpcommand || undefined,
      diagnostic: p.diagnosticcode || '',
      diagnosticType: p.diagnostictype || undefined,
    }],
    text: p.diagnosticcode || '',
    warnings: [],
  };
}

let scored = 0; let agree = 0; let missingPeer = 0; let peerAgree = 0;
const confusion = new Map();
const misses = [];
const started = process.hrtime.bigint();
for (const t of truth) {
  if (onlySource && !t.truth_source.startsWith(onlySource)) continue;
  const p = peer.get(`${t.file}#${t.index}`);
  if (!p) { missingPeer++; continue; }
  const d = classify(reportOf(p));
  const got = d.recipients[0] ? d.recipients[0].reason : '(none)';
  scored++;
  if (p.reason === t.reason) peerAgree++;
  if (got === t.reason) { agree++; continue; }
  const key = `${t.reason} → ${got}`;
  confusion.set(key, (confusion.get(key) || 0) + 1);
  misses.push({ key, file: t.file, index: t.index, rule: d.recipients[0] && d.recipients[0].rule, status: p.deliverystatus, cmd: p.smtpcommand, rhost: p.rhost, diag: p.diagnosticcode.slice(0, 220) });
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const pct = (a, b) => (b ? (100 * a / b).toFixed(1) : '0.0');
console.log(`records with peer data: ${scored} (no peer row: ${missingPeer})`);
console.log(`reason agreement (ours):        ${agree}/${scored} = ${pct(agree, scored)}%`);
console.log(`reason agreement (Sisimai 4.25): ${peerAgree}/${scored} = ${pct(peerAgree, scored)}%`);
console.log(`classify time: ${ms.toFixed(1)} ms for ${scored} reports (${(scored / (ms / 1000)).toFixed(0)}/s incl. warm-up)`);
console.log('\nconfusion (truth → ours):');
for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)}  ${k}`);
if (showMisses) {
  console.log('\nmisses:');
  for (const m of misses.sort((a, b) => a.key.localeCompare(b.key))) {
    console.log(`  [${m.key}] ${m.file}#${m.index} rule=${m.rule} status=${m.status} cmd=${m.cmd} rhost=${m.rhost}\n      ${m.diag}`);
  }
}
