'use strict';
/**
 * One probe in a fresh Node process, as `smtpcheck probe` would run it: load dist/, probe, print a
 * one-line JSON summary. Used by bench/probe.js for the cold-start timings and the peak RSS.
 *   node bench/probe/run-once.js '<ProbeConfig JSON>' <target> <port>
 */
const path = require('path');
const { runProbe } = require(path.join(__dirname, '..', '..', 'dist', 'probe'));

const [configJson, target, port] = process.argv.slice(2);
const started = performance.now();
runProbe(target, { config: JSON.parse(configJson), port: Number(port) }).then((report) => {
  process.stdout.write(`${JSON.stringify({
    ms: Math.round(performance.now() - started),
    hosts: report.hosts.length,
    outcome: report.outcome,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`);
}, (err) => {
  process.stderr.write(`run-once: ${err.message}\n`);
  process.exit(1);
});
