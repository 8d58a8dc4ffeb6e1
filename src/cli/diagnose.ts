/**
 * `smtpcheck diagnose [FILE|DIR…|-]`: read each input, diagnose it, print text, JSON or one JSON line
 * per input. Built for whole corpora in one process: files are read synchronously one after another,
 * explanation is skipped for JSON output, and JSON lines are written in large chunks.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { REJECT_FACTOR } from '../intake/limits';
import { join } from 'node:path';
import type { Diagnosis } from '../classify/types';
import type { Engine } from '../bot/types';
import { diagnosisReply, NOT_A_BOUNCE } from '../bot/handle';
import { asSmtpcheckError, ErrorCode, SmtpcheckError } from '../errors';
import { diagnosisToJson, inputErrorToJson } from '../render/json';
import { renderDiagnosisText } from '../render/text';
import { styleFor } from '../render/terminal';
import { redactSecrets } from '../redact';
import type { CliCommand } from './args';
import { UsageError } from './args';
import { EXIT, printError, readAll, tooLarge, type CliIo } from './io';

type DiagnoseCommand = Extract<CliCommand, { kind: 'diagnose' }>;

/** One input to read: a file, or standard input. */
interface Source {
  label: string;
  stdin: boolean;
}

/** Files under a directory, depth first in name order; dot-files are skipped. */
function walk(dir: string, out: Source[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push({ label: path, stdin: false });
  }
}

function expand(inputs: string[]): Source[] {
  const sources: Source[] = [];
  for (const input of inputs) {
    if (input === '-') {
      sources.push({ label: '-', stdin: true });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Missing or unreadable: reported when it is read, like any other failed input.
    }
    if (isDir) walk(input, sources);
    else sources.push({ label: input, stdin: false });
  }
  return sources;
}

/**
 * Read a file, refusing it past what intake would refuse anyway (checked before reading a regular file
 * and while reading anything else, so devices and FIFOs such as /dev/zero end too), and turn an fs error
 * into a user-facing one without the path-revealing errno text.
 */
function readFile(path: string, maxBytes: number): Buffer {
  const capBytes = maxBytes * REJECT_FACTOR;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isFile()) {
      if (stat.size > capBytes) throw tooLarge('That file', maxBytes, stat.size);
      return readFileSync(fd);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > capBytes) throw tooLarge('That file', maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof SmtpcheckError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'unknown error'})`;
    throw new SmtpcheckError(ErrorCode.BadInput, why);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Collects output and writes it in large chunks (one write per input is the cost that dominates a corpus run). */
class ChunkedWriter {
  private buffer = '';
  constructor(private readonly stream: NodeJS.WritableStream, private readonly limit = 1 << 16) {}
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= this.limit) this.flush();
  }
  flush(): void {
    if (this.buffer) this.stream.write(this.buffer);
    this.buffer = '';
  }
}

export async function runDiagnose(cmd: DiagnoseCommand, io: CliIo, engine: Engine, maxBytes = Infinity): Promise<number> {
  const sources = expand(cmd.inputs);
  if (cmd.format === 'json' && sources.length !== 1) {
    throw new UsageError(`--json prints one object for one input, and there are ${sources.length}. Use --jsonl for several inputs.`);
  }
  if (!sources.length) throw new UsageError('No files to read (the directories given are empty).');
  const stdinSource = sources.find((s) => s.stdin);
  if (stdinSource && io.stdin.isTTY && !cmd.inputs.includes('-')) {
    throw new UsageError('Give a bounce to read: smtpcheck diagnose bounce.eml, or pipe one in (smtpcheck diagnose - < bounce.eml).');
  }
  if (stdinSource && io.stdin.isTTY) io.stderr.write('Paste the bounce, then press Ctrl-D on an empty line.\n');
  const stdinBytes = stdinSource ? await readAll(io.stdin, maxBytes) : undefined;

  const out = new ChunkedWriter(io.stdout);
  const style = styleFor(io.stdout, io.env);
  const many = sources.length > 1;
  let diagnosed = 0;
  let negative = 0;

  for (const [index, source] of sources.entries()) {
    const file = source.stdin ? undefined : source.label;
    let d: Diagnosis;
    try {
      const bytes = source.stdin ? stdinBytes! : readFile(source.label, maxBytes);
      d = engine.diagnose(bytes, source.stdin ? { origin: 'stdin' } : { origin: 'file', filename: source.label });
    } catch (err) {
      const e = asSmtpcheckError(err);
      if (cmd.format === 'jsonl') out.write(JSON.stringify(inputErrorToJson(source.label, e.code, e.message)) + '\n');
      else {
        out.flush();
        printError(io, err, `${source.label === '-' ? 'standard input' : source.label}: `);
      }
      continue;
    }
    if (d.kind === 'not-a-bounce') negative++;
    else diagnosed++;

    if (cmd.format === 'jsonl') {
      out.write(redactSecrets(JSON.stringify(diagnosisToJson(d, { file: source.label }))) + '\n');
    } else if (cmd.format === 'json') {
      out.write(redactSecrets(JSON.stringify(diagnosisToJson(d, file ? { file } : {}), null, 2)) + '\n');
    } else {
      if (many) out.write(`${index ? '\n' : ''}==> ${source.label} <==\n`);
      out.write(d.kind === 'not-a-bounce' ? `${NOT_A_BOUNCE}\n` : renderDiagnosisText(diagnosisReply(d, engine, cmd.platform, 'paste'), { style, context: 'cli' }));
    }
  }
  out.flush();
  return diagnosed ? EXIT.ok : negative ? EXIT.negative : EXIT.usage;
}
