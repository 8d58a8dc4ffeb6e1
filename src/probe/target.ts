/**
 * What the user asked to probe. Accepted forms:
 *
 *   example.com  bücher.example          domain  → MX hosts (IDN converted to ASCII)
 *   mx1.example.com:587  192.0.2.7  [2001:db8::1]:465  [192.0.2.7]   host → that host only
 *   user@example.com                      address → the domain's MX hosts, RCPT check of the address
 *
 * A bare IPv6 address cannot carry a port (the last group would be read as the port); write
 * [addr]:port. Anything else is refused with a message that says what to type instead.
 */
import { isIP, isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { ErrorCode, SmtpcheckError } from '../errors';
import type { ProbeTarget } from './types';

export const DEFAULT_ALLOWED_PORTS: readonly number[] = [25, 465, 587, 2525];

export interface ParseTargetOptions {
  /** Ports smtpcheck may connect to (ProbeConfig.allowedPorts). */
  allowedPorts?: readonly number[];
  /** A port given separately (`--port`). */
  port?: number;
}

const MAX_INPUT = 320;
const EXAMPLES = 'Try example.com, mx.example.com:587, [2001:db8::25]:25 or user@example.com.';
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// RFC 5322 atext plus dots; non-ASCII is allowed too (RFC 6531 local parts).
const LOCAL_PART = /^[^\s"(),:;<>@[\\\]\x00-\x1f\x7f]+$/;

function bad(message: string, input: string): never {
  throw new SmtpcheckError(ErrorCode.BadTarget, message, { input: input.slice(0, 80) });
}

/** Show the user their own input back, bounded and without control characters. */
function quote(s: string): string {
  const clean = s.replace(/[\x00-\x1f\x7f]/g, '?');
  return `"${clean.length > 60 ? `${clean.slice(0, 57)}…` : clean}"`;
}

/** Lower-case ASCII (punycode) form of a host name, or a BadTarget error saying what is wrong. */
export function normalizeDomain(name: string, input: string = name): string {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (!trimmed) bad(`${quote(input)} has no domain name. ${EXAMPLES}`, input);
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii) bad(`${quote(trimmed)} is not a valid domain name. ${EXAMPLES}`, input);
  if (ascii.length > 253) bad(`${quote(trimmed)} is longer than a domain name can be (253 characters).`, input);
  const labels = ascii.split('.');
  if (labels.length < 2) bad(`${quote(trimmed)} is not a full domain name (it has no dot). ${EXAMPLES}`, input);
  for (const label of labels) {
    if (!LDH_LABEL.test(label)) {
      bad(`${quote(trimmed)} is not a valid host name: each part may hold only letters, digits and inner hyphens, 1–63 characters. ${EXAMPLES}`, input);
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1])) bad(`${quote(trimmed)} is neither a valid IP address nor a domain name. ${EXAMPLES}`, input);
  return ascii;
}

function parsePort(raw: string, input: string): number {
  if (!/^\d{1,5}$/.test(raw)) bad(`${quote(raw)} is not a port number. ${EXAMPLES}`, input);
  const port = Number(raw);
  if (port < 1 || port > 65535) bad(`Port ${port} is outside 1–65535.`, input);
  return port;
}

function checkPort(port: number, allowed: readonly number[], input: string): number {
  if (!allowed.includes(port)) {
    throw new SmtpcheckError(
      ErrorCode.PortRefused,
      `smtpcheck does not probe port ${port}. Allowed ports: ${allowed.join(', ')}.`,
      { input: input.slice(0, 80), port },
    );
  }
  return port;
}

interface Split {
  host: string;
  port?: string;
  bracketed: boolean;
}

/** Split host[:port], [v6]:port and bare IPv6 without interpreting the host yet. */
function splitHostPort(s: string, input: string): Split {
  if (s.startsWith('[')) {
    const m = /^\[([^\]]*)\](?::(.*))?$/.exec(s);
    if (!m) bad(`${quote(s)}: a bracketed address is written [2001:db8::25] or [2001:db8::25]:587.`, input);
    return { host: m[1], port: m[2], bracketed: true };
  }
  if (isIPv6(s)) return { host: s, bracketed: false };
  const colons = s.split(':').length - 1;
  if (colons === 0) return { host: s, bracketed: false };
  if (colons === 1) {
    const [host, port] = s.split(':');
    return { host, port, bracketed: false };
  }
  return bad(`${quote(s)} is not a valid IPv6 address. To give a port with an IPv6 address, write [2001:db8::25]:587.`, input);
}

export function parseTarget(rawInput: string, opts: ParseTargetOptions = {}): ProbeTarget {
  const allowedPorts = opts.allowedPorts?.length ? opts.allowedPorts : DEFAULT_ALLOWED_PORTS;
  const input = String(rawInput ?? '');
  let s = input.trim();
  if (!s) bad(`Give a domain, host or address to probe. ${EXAMPLES}`, input);
  if (s.length > MAX_INPUT) bad(`That target is too long (${s.length} characters; at most ${MAX_INPUT}).`, input);
  if (/^<.*>$/.test(s)) s = s.slice(1, -1).trim();
  s = s.replace(/^mailto:/i, '');
  if (/[\s\x00-\x1f\x7f]/.test(s)) bad(`${quote(s)} contains spaces or control characters; give one target. ${EXAMPLES}`, input);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) bad(`${quote(s)} is a URL; give just the domain or host name. ${EXAMPLES}`, input);

  const givenPort = opts.port;
  if (givenPort !== undefined && (!Number.isInteger(givenPort) || givenPort < 1 || givenPort > 65535)) {
    bad(`Port ${givenPort} is outside 1–65535.`, input);
  }

  const at = s.lastIndexOf('@');
  if (at >= 0) {
    const local = s.slice(0, at);
    const domainPart = s.slice(at + 1);
    if (!local) bad(`${quote(s)} has nothing before the @. ${EXAMPLES}`, input);
    if (Buffer.byteLength(local) > 64) bad(`The part before the @ in ${quote(s)} is longer than 64 bytes.`, input);
    if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
      bad(`${quote(local)} is not a valid mailbox name (the part before the @).`, input);
    }
    if (domainPart.includes(':')) bad(`${quote(s)}: give the port separately (--port 587), not after an address.`, input);
    if (domainPart.startsWith('[')) bad(`${quote(s)}: address literals after the @ are not supported; probe the host instead.`, input);
    const domain = normalizeDomain(domainPart, input);
    const port = givenPort === undefined ? undefined : checkPort(givenPort, allowedPorts, input);
    const address = `${local}@${domain}`;
    return withPort({ kind: 'address', input: address, domain, address }, port);
  }

  const split = splitHostPort(s, input);
  let port: number | undefined;
  if (split.port !== undefined) {
    port = parsePort(split.port, input);
    if (givenPort !== undefined && givenPort !== port) bad(`${quote(s)} names port ${port} but --port says ${givenPort}; give one.`, input);
  } else {
    port = givenPort;
  }
  if (port !== undefined) checkPort(port, allowedPorts, input);

  if (split.bracketed) {
    if (!isIP(split.host)) bad(`${quote(split.host)} is not an IP address. ${EXAMPLES}`, input);
  }
  if (isIP(split.host)) {
    const host = isIPv6(split.host) ? split.host.toLowerCase() : split.host;
    const shown = isIPv6(host) ? `[${host}]` : host;
    return withPort({ kind: 'host', input: port !== undefined ? `${shown}:${port}` : shown, host }, port);
  }
  // Dotted quads that are not valid IPv4 (999.1.1.1) must not fall through to a DNS lookup.
  if (/^[\d.]+$/.test(split.host) && !isIPv4(split.host)) bad(`${quote(split.host)} is not a valid IP address. ${EXAMPLES}`, input);

  const name = normalizeDomain(split.host, input);
  // A name with an explicit port is a host (a submission server, a smart host); without one it is
  // a mail domain whose MX hosts we look up (falling back to its own address when it has no MX).
  if (split.port !== undefined) return withPort({ kind: 'host', input: `${name}:${port}`, host: name }, port);
  return withPort({ kind: 'domain', input: name, domain: name }, port);
}

function withPort(target: ProbeTarget, port: number | undefined): ProbeTarget {
  if (port !== undefined) target.port = port;
  return target;
}
