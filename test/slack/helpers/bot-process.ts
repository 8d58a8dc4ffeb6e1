/**
 * Runs the bot as `npm start` runs it — `node dist/main.js` in the repository root — with only the
 * environment the test gives (no .env: DOTENV_CONFIG_PATH points nowhere), and reads its JSON log
 * lines from stderr. Builds dist/ first when src/ changed (npm test's pretest does it too).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '../../..');

/** Build dist/ when src/ changed since the last build (the project's own scripts/ensure-built.js). */
export function ensureBuilt(): void {
  // tsc still emits when files owned by others have type errors; the bot's own files are type-checked by jest.
  spawnSync(process.execPath, [join(REPO, 'scripts/ensure-built.js')], { cwd: REPO, stdio: 'ignore' });
  if (!existsSync(join(REPO, 'dist/main.js'))) throw new Error('dist/main.js is missing after the build: run `npx tsc -p tsconfig.build.json`.');
}

export interface BotProcess {
  child: ChildProcess;
  /** Parsed JSON log lines. */
  logs: Record<string, unknown>[];
  /** Non-JSON stderr lines (start-up failures print plain text). */
  stderr: string[];
  exited: Promise<number | null>;
  waitForLog(pred: (l: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  stop(): Promise<number | null>;
}

export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', DOTENV_CONFIG_PATH: '/dev/null', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try { logs.push(JSON.parse(line) as Record<string, unknown>); } catch { stderr.push(line); }
    }
    for (const w of waiters) w();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { for (const w of waiters) w(); resolve(code); }));
  let exitCode: number | null | undefined;
  void exited.then((c) => { exitCode = c; });

  return {
    child, logs, stderr, exited,
    waitForLog(pred, timeoutMs = 15000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = logs.find(pred);
          if (hit) { done(); resolve(hit); } else if (exitCode !== undefined) { done(); reject(new Error(`bot exited (${exitCode}) before the log line; stderr: ${stderr.join(' | ')}`)); }
        };
        const timer = setTimeout(() => { done(); reject(new Error(`no such log line within ${timeoutMs} ms; last: ${JSON.stringify(logs.slice(-3))}`)); }, timeoutMs);
        const done = () => { clearTimeout(timer); waiters.delete(check); };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
