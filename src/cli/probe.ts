/**
 * `smtpcheck probe TARGET`: run the live checks and print the report a postmaster would trust —
 * verdict first, each step with its timing, findings with evidence — or the ProbeReport as JSON.
 * Progress goes to stderr, and only when stderr is a terminal, so stdout stays clean for pipes.
 */
import type { Engine } from '../bot/types';
import type { CliCommand } from './args';
import { EXIT, type CliIo } from './io';
import { probeToJson } from '../render/json';
import { renderProbeText } from '../render/text';
import { duration, styleFor, terminalSafe } from '../render/terminal';
import type { ProbeProgress } from '../probe/types';
import { redactSecrets } from '../redact';

type ProbeCommand = Extract<CliCommand, { kind: 'probe' }>;

/** One progress line: `  0.4 s  mx1.example.com[192.0.2.1]:25 done (pass)`. */
export function describeProgress(event: ProbeProgress): string {
  return `${duration(event.elapsedMs).padStart(7)}  ${event.message}`;
}

export async function runProbeCommand(cmd: ProbeCommand, io: CliIo, engine: Engine): Promise<number> {
  const progress = io.stderr.isTTY
    ? (event: ProbeProgress) => { io.stderr.write(`${terminalSafe(redactSecrets(describeProgress(event)))}\n`); }
    : undefined;
  if (progress) io.stderr.write(`Probing ${cmd.target} (no message will be sent)…\n`);
  const report = await engine.probe(cmd.target, {
    ...(cmd.port !== undefined ? { port: cmd.port } : {}),
    ...(cmd.rcpt !== undefined ? { rcpt: cmd.rcpt } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  if (cmd.json) io.stdout.write(redactSecrets(JSON.stringify(probeToJson(report), null, 2)) + '\n');
  else io.stdout.write(renderProbeText({ report, explanation: engine.explainProbe(report), showTranscript: cmd.transcript }, { style: styleFor(io.stdout, io.env), context: 'cli' }));
  return report.outcome === 'fail' || report.outcome === 'error' ? EXIT.negative : EXIT.ok;
}
