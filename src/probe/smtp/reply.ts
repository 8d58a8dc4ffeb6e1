/**
 * Reading SMTP replies as the server wrote them (RFC 5321 §4.2): reply code, enhanced status code
 * (RFC 3463), and the EHLO extension list (RFC 5321 §4.1.1.1) including every AUTH mechanism — nodemailer
 * keeps only the ones it can run, but NTLM/GSSAPI-only servers are exactly what a diagnosis needs to show.
 */

export interface ParsedReply {
  /** Three-digit reply code, 0 when the text does not start with one. */
  code: number;
  /** Enhanced status code of the last line, e.g. '5.7.8'. */
  enhanced?: string;
}

export function parseReply(text: string): ParsedReply {
  const lines = text.split('\n');
  const last = lines[lines.length - 1] ?? '';
  const m = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3})\b)?/.exec(last) ?? /^(\d{3})/.exec(text);
  if (!m) return { code: 0 };
  return m[2] ? { code: Number(m[1]), enhanced: m[2] } : { code: Number(m[1]) };
}

export interface EhloInfo {
  /** Extension lines after the greeting line, code stripped: ['PIPELINING', 'SIZE 10240000', 'AUTH PLAIN LOGIN']. */
  extensions: string[];
  /** Every advertised SASL mechanism, upper-case, in the server's order (AUTH and legacy AUTH= lines). */
  auth: string[];
  startTls: boolean;
  /** SIZE limit in bytes; 0 when SIZE is advertised without a number (no fixed limit). */
  size?: number;
  /** EHLO was refused and HELO accepted: no extensions at all. */
  heloOnly?: boolean;
}

export function parseEhlo(reply: string): EhloInfo {
  const extensions = reply
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\d{3}[ -]?/, '').trim())
    .filter(Boolean);
  const auth: string[] = [];
  let size: number | undefined;
  let startTls = false;
  for (const ext of extensions) {
    const keyword = ext.split(/[\s=]/, 1)[0].toUpperCase();
    if (keyword === 'AUTH') {
      for (const mech of ext.slice(5).split(/[\s=]+/)) {
        const m = mech.trim().toUpperCase();
        if (m && !auth.includes(m)) auth.push(m);
      }
    } else if (keyword === 'STARTTLS') {
      startTls = true;
    } else if (keyword === 'SIZE') {
      const n = Number(ext.slice(4).trim());
      size = Number.isFinite(n) && n > 0 ? n : 0;
    }
  }
  return size === undefined ? { extensions, auth, startTls } : { extensions, auth, startTls, size };
}
