/**
 * Where to point a confirming probe: the remote host a bounce names, the recipient's domain, or the
 * sender's domain — pulled from the report's own fields.
 */
import type { Diagnosis } from '../classify/types';
import type { CauseId, ConfirmBy } from '../kb/types';

/** Longest host or address field worth reading (an address is at most 320 characters, a host name 253). */
const MAX_FIELD_CHARS = 1024;

/** The text inside the first <…> pair, found with two indexOf calls (a regex would rescan from every unclosed "<"). */
function angleContent(field: string): string | undefined {
  const open = field.indexOf('<');
  if (open < 0) return undefined;
  const close = field.indexOf('>', open + 1);
  return close < 0 ? undefined : field.slice(open + 1, close).trim();
}

/** "dns; mx.example.com", "mx.example.com [192.0.2.1]", "[192.0.2.1]", "MX.Example.com." → host (with :port if given). */
export function hostFromRemote(remote: string | undefined): string | undefined {
  if (!remote) return undefined;
  // A host field is short; a longer one is junk, and the unanchored literal search below must stay linear on it.
  let s = remote.slice(0, MAX_FIELD_CHARS).trim().replace(/^dns\s*;\s*/i, '');
  const named = /^([a-z0-9][a-z0-9.-]*[a-z0-9])\.?(?::(\d{1,5}))?(?:\s*\[[^\]]*\])?/i.exec(s);
  if (named && /[a-z]/i.test(named[1])) return (named[1] + (named[2] ? `:${named[2]}` : '')).toLowerCase();
  // Bounded runs: an IPv6 literal is at most 45 characters, and unbounded ones rescan a long run of hex from every start.
  const literal = /\[?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f:]{0,45}:[0-9a-f:.]{1,45})\]?/i.exec(s);
  if (literal) return literal[1].toLowerCase();
  s = s.split(/\s/)[0];
  return s ? s.toLowerCase() : undefined;
}

/** Domain of an address ("Alice <alice@Example.COM>" → "example.com"). */
export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const field = address.slice(0, MAX_FIELD_CHARS);
  const addr = angleContent(field) ?? field.trim();
  const at = addr.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = addr.slice(at + 1).replace(/[>\s;,]+$/, '').replace(/\.$/, '').toLowerCase();
  return /^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(domain) || /^\[.*\]$/.test(domain) ? domain : undefined;
}

export interface ResolvedTarget {
  target: string;
  /** The report named no remote host; the recipient domain stands in for it. */
  fallback: boolean;
  /** The recipient address the target came from, for --rcpt checks. */
  address?: string;
}

/** Pick the probe target for a cause's confirmBy, preferring the recipient that has this cause. */
export function resolveTarget(d: Diagnosis, cause: CauseId, kind: ConfirmBy['target']): ResolvedTarget | undefined {
  const recipients = [...d.recipients.filter((r) => r.cause === cause), ...d.recipients.filter((r) => r.cause !== cause)];
  if (kind === 'sender-domain') {
    // Only the returned original's From: is the user's; the bounce's own From: is the reporting system.
    const domain = domainOf(d.original?.from);
    return domain ? { target: domain, fallback: false } : undefined;
  }
  if (kind === 'remote-host') {
    for (const r of recipients) {
      const host = hostFromRemote(r.remoteHost) ?? hostFromRemote(r.remoteIp);
      if (host) return { target: host, fallback: false, address: r.address || undefined };
    }
  }
  for (const r of recipients) {
    const domain = domainOf(r.address) ?? domainOf(r.originalRecipient);
    if (domain) return { target: domain, fallback: kind === 'remote-host', address: r.address };
  }
  return undefined;
}
