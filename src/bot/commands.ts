/**
 * The command grammar shared by every front end: `/smtpcheck …`, thread follow-ups, the local console.
 * Parsing only — validating a target is the probe stage's job (probe/target).
 */
import { PLATFORMS, type Platform } from '../kb/types';

export type Command =
  | { kind: 'help' }
  | { kind: 'empty' }
  | { kind: 'probe'; target: string; port?: number; rcpt?: string; transcript: boolean }
  | { kind: 'diagnose'; text: string }
  | { kind: 'recheck' }
  | { kind: 'transcript' }
  | { kind: 'details' }
  | { kind: 'platform'; platform: Platform }
  | { kind: 'usage'; message: string };

/** Other names people type for a platform. */
const PLATFORM_ALIASES: Record<string, Platform> = {
  'exchange2003': 'exchange-2003', 'ex2003': 'exchange-2003', '2003': 'exchange-2003',
  'exchange': 'exchange-onprem', 'exchange-2007': 'exchange-onprem', 'exchange-2010': 'exchange-onprem',
  'exchange-2013': 'exchange-onprem', 'exchange-2016': 'exchange-onprem', 'exchange-2019': 'exchange-onprem',
  'exchange-se': 'exchange-onprem', 'onprem': 'exchange-onprem',
  'o365': 'exchange-online', 'm365': 'exchange-online', 'office365': 'exchange-online', 'microsoft365': 'exchange-online', 'exo': 'exchange-online',
  'google': 'google-workspace', 'gmail': 'google-workspace', 'workspace': 'google-workspace', 'gsuite': 'google-workspace',
};

export function parsePlatform(word: string): Platform | undefined {
  const w = word.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(w)) return w as Platform;
  return PLATFORM_ALIASES[w] ?? PLATFORM_ALIASES[w.replace(/\s+/g, '-')];
}

const PROBE_USAGE = 'Usage: probe <domain | host[:port] | user@domain> [--port N] [--rcpt ADDRESS] [--transcript]';

/** Parse the words after `/smtpcheck`, or a follow-up typed in a thread or the console. */
export function parseCommand(input: string): Command {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  const [head, ...rest] = text.split(/\s+/);
  const verb = head.toLowerCase();
  const restText = text.slice(head.length).trim();
  switch (verb) {
    case 'help': case '?': case '-h': case '--help':
      return { kind: 'help' };
    case 'recheck': case 'rerun': case 're-run': case 'retry':
      return { kind: 'recheck' };
    case 'transcript': case 'log':
      return { kind: 'transcript' };
    case 'details': case 'detail': case 'more':
      return { kind: 'details' };
    case 'diagnose': case 'explain': case 'ndr':
      return restText ? { kind: 'diagnose', text: restText } : { kind: 'usage', message: 'Usage: diagnose <pasted bounce text>' };
    case 'platform': case 'for': {
      const platform = parsePlatform(rest.join('-'));
      return platform ? { kind: 'platform', platform } : { kind: 'usage', message: `Usage: platform ${PLATFORMS.join('|')}` };
    }
    case 'probe': case 'check':
      return rest.length ? parseProbeArgs(rest) : { kind: 'usage', message: PROBE_USAGE };
    default:
      // A bare target: `/smtpcheck example.com`. Only words shaped like a host, IP or address count,
      // so a chatty "hello" in a thread is not mistaken for a host to probe.
      if (looksLikeTarget(head) && rest.every((w) => w.startsWith('-') || /^\d+$/.test(w) || w.includes('@'))) return parseProbeArgs([head, ...rest]);
      return { kind: 'usage', message: PROBE_USAGE };
  }
}

/** host.name, host:port, [v6]:port, an IPv4/IPv6 literal, or user@domain. */
export function looksLikeTarget(word: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(word) || /^\[[0-9a-f:.]+\](:\d+)?$/i.test(word)
    || /^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.(xn--[a-z0-9-]+|[a-z]{2,63})\.?(:\d+)?$/i.test(word) || /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(word) || /^[0-9a-f]*:[0-9a-f:.]+$/i.test(word);
}

function parseProbeArgs(words: string[]): Command {
  let target: string | undefined;
  let port: number | undefined;
  let rcpt: string | undefined;
  let transcript = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--port' || w === '-p') {
      const n = Number(words[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 65535) return { kind: 'usage', message: `--port needs a port number. ${PROBE_USAGE}` };
      port = n;
    } else if (w === '--rcpt') {
      rcpt = words[++i];
      if (!rcpt || !rcpt.includes('@')) return { kind: 'usage', message: `--rcpt needs an address. ${PROBE_USAGE}` };
    } else if (w === '--transcript') {
      transcript = true;
    } else if (w.startsWith('-')) {
      return { kind: 'usage', message: `Unknown option ${w}. ${PROBE_USAGE}` };
    } else if (!target) {
      target = w;
    } else {
      return { kind: 'usage', message: `One target at a time. ${PROBE_USAGE}` };
    }
  }
  if (!target) return { kind: 'usage', message: PROBE_USAGE };
  return { kind: 'probe', target, port, rcpt, transcript };
}
