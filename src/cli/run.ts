/**
 * `smtpcheck` as a function: arguments and streams in, exit status out. The bin (cli/index.ts) only
 * wires the process to it, so tests run the whole CLI in-process as well as through a child process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../bot/engine';
import { loadConfig } from '../config';
import { ErrorCode, SmtpcheckError } from '../errors';
import { renderHelpText } from '../render/text';
import { styleFor } from '../render/terminal';
import { parseCliArgs, UsageError } from './args';
import { runDiagnose } from './diagnose';
import { EXIT, printError, type CliIo } from './io';
import { runProbeCommand } from './probe';

/** package.json sits two levels above both src/cli (ts-jest) and dist/cli (the bin). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const cmd = parseCliArgs(argv);
    switch (cmd.kind) {
      case 'help':
        io.stdout.write(renderHelpText({ style: styleFor(io.stdout, io.env), context: 'cli' }));
        return EXIT.ok;
      case 'version':
        io.stdout.write(`smtpcheck ${version()}\n`);
        return EXIT.ok;
      case 'diagnose':
      case 'probe': {
        const config = loadConfig(io.env);
        const engine = (io.engine ?? createEngine)(config);
        return cmd.kind === 'diagnose' ? await runDiagnose(cmd, io, engine, config.maxInputBytes) : await runProbeCommand(cmd, io, engine);
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`smtpcheck: ${err.message}\n`);
      return EXIT.usage;
    }
    if (io.signal?.aborted) {
      io.stderr.write('smtpcheck: cancelled.\n');
      return EXIT.usage;
    }
    printError(io, err, err instanceof SmtpcheckError && err.code === ErrorCode.Config ? 'configuration error: ' : '');
    return EXIT.usage;
  }
}
