/**
 * Command-line grammar of `smtpcheck`. Small and table-driven: each subcommand lists its options and
 * whether they take a value; `--opt value`, `--opt=value`, `--` and `-` (stdin) are understood.
 * Anything else is a usage error with one sentence saying what to type instead.
 */
import { parsePlatform } from '../bot/commands';
import { PLATFORMS, type Platform } from '../kb/types';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'diagnose'; inputs: string[]; format: 'text' | 'json' | 'jsonl'; platform?: Platform }
  | { kind: 'probe'; target: string; port?: number; rcpt?: string; json: boolean; transcript: boolean };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type OptionKind = 'flag' | 'value';
const SPECS: Record<'diagnose' | 'probe', Record<string, OptionKind>> = {
  diagnose: { json: 'flag', jsonl: 'flag', platform: 'value', help: 'flag' },
  probe: { port: 'value', rcpt: 'value', json: 'flag', transcript: 'flag', help: 'flag' },
};
const SHORT: Record<string, string> = { h: 'help', p: 'port' };

interface Parsed {
  options: Record<string, string | true>;
  positionals: string[];
}

function parseOptions(sub: 'diagnose' | 'probe', argv: string[]): Parsed {
  const spec = SPECS[sub];
  const options: Parsed['options'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1);
    const name = arg.startsWith('--') ? rawName : SHORT[rawName];
    const kind = name ? spec[name] : undefined;
    if (!name || !kind) throw new UsageError(`Unknown option ${arg} for ${sub}. Run smtpcheck help.`);
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(`--${name} takes no value.`);
      options[name] = true;
    } else {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
      options[name] = value;
    }
  }
  return { options, positionals };
}

function parseDiagnose(argv: string[]): CliCommand {
  const { options, positionals } = parseOptions('diagnose', argv);
  if (options.help) return { kind: 'help' };
  if (options.json && options.jsonl) throw new UsageError('Use either --json or --jsonl, not both.');
  let platform: Platform | undefined;
  if (typeof options.platform === 'string') {
    platform = parsePlatform(options.platform);
    if (!platform) throw new UsageError(`Unknown platform "${options.platform}". Use one of: ${PLATFORMS.join(', ')}.`);
  }
  const inputs = positionals.length ? positionals : ['-'];
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('Standard input (-) can be read only once.');
  return { kind: 'diagnose', inputs, format: options.jsonl ? 'jsonl' : options.json ? 'json' : 'text', ...(platform ? { platform } : {}) };
}

function parseProbe(argv: string[]): CliCommand {
  const { options, positionals } = parseOptions('probe', argv);
  if (options.help) return { kind: 'help' };
  if (!positionals.length) throw new UsageError('probe needs a target: a domain, host[:port] or user@domain, e.g. smtpcheck probe example.com.');
  if (positionals.length > 1) throw new UsageError(`One target at a time (got ${positionals.length}).`);
  let port: number | undefined;
  if (typeof options.port === 'string') {
    port = Number(options.port);
    if (!/^\d+$/.test(options.port) || port < 1 || port > 65535) throw new UsageError(`--port needs a port number from 1 to 65535, not "${options.port}".`);
  }
  const rcpt = typeof options.rcpt === 'string' ? options.rcpt : undefined;
  if (rcpt !== undefined && !/^[^@\s]+@[^@\s]+$/.test(rcpt)) throw new UsageError(`--rcpt needs an email address, not "${rcpt}".`);
  return {
    kind: 'probe', target: positionals[0], json: options.json === true, transcript: options.transcript === true,
    ...(port !== undefined ? { port } : {}), ...(rcpt !== undefined ? { rcpt } : {}),
  };
}

/** Parse `process.argv.slice(2)`. Throws UsageError. */
export function parseCliArgs(argv: string[]): CliCommand {
  const [sub, ...rest] = argv;
  switch (sub) {
    case undefined: case 'help': case '--help': case '-h':
      return { kind: 'help' };
    case 'version': case '--version': case '-V': case '-v':
      return { kind: 'version' };
    case 'diagnose':
      return parseDiagnose(rest);
    case 'probe':
      return parseProbe(rest);
    default:
      throw new UsageError(`Unknown command "${sub}". Use smtpcheck diagnose FILE or smtpcheck probe TARGET (smtpcheck help for more).`);
  }
}
