#!/usr/bin/env node
// Rebuild dist/ only when a source file is newer than the last build, so `npm start` and
// `npm run smtpcheck` start in milliseconds after the first build instead of re-running tsc.
'use strict';
const { statSync, readdirSync, chmodSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.tsbuildinfo');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let built = 0;
try { built = statSync(stamp).mtimeMs; } catch { /* never built */ }
const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
if (sources > built) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  chmodSync(join(root, 'dist', 'cli', 'index.js'), 0o755);
}
