#!/usr/bin/env node
/**
 * The `smtpcheck` bin. Loads .env (quietly: stdout is for results), wires the process to runCli and
 * exits with its status. Ctrl-C cancels a running probe; a closed pipe (`| head`) ends quietly.
 */
import { config as loadDotenv } from 'dotenv';
import { runCli } from './run';

loadDotenv({ quiet: true });

const argv = process.argv.slice(2);
const controller = new AbortController();
// Only a probe has work worth stopping gracefully; elsewhere Ctrl-C keeps its default meaning.
if (argv[0] === 'probe') process.once('SIGINT', () => controller.abort());
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

runCli(argv, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // runCli reports its own errors; this is the last guard against a stack trace reaching the user.
    process.stderr.write(`smtpcheck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
