/**
 * Builds dist/ for tests that run the compiled bin (`npm test` builds it already in pretest; running a
 * single suite with npx jest does not). Suites in parallel workers take turns through a lock directory,
 * so one never spawns the bin while another is rewriting it. Type errors elsewhere in the tree do not
 * stop tsc from emitting, so only a missing bin counts as failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'cli', 'index.js');
const LOCK = join(ROOT, 'dist', '.test-build.lock');
/** A lock older than this was left by a killed run. */
const STALE_MS = 180_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquire(): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmdirSync(LOCK);
      } catch {
        // Released meanwhile.
      }
      sleep(200);
    }
  }
}

export function ensureBuilt(): void {
  acquire();
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    if (!existsSync(BIN)) throw err;
  } finally {
    rmdirSync(LOCK);
  }
}
