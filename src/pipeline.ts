/**
 * The engine, top to bottom. Everything the CLI, the console and the Slack bot do goes through here.
 *
 *   diagnose:  intake (size, binary, Slack escapes) → parse (MIME, RFC 3464, pasted NDR text)
 *              → classify (knowledge-base rules → reason and cause per recipient, ranked causes)
 *   probe:     target → guard (no private addresses, allowed ports) → DNS (MX, PTR, SPF, DMARC,
 *              MTA-STS, TLS-RPT, DNSBL) → SMTP per MX address in parallel (banner, EHLO, STARTTLS,
 *              TLS, AUTH before/after, optional RCPT, never DATA) → findings → verdict
 *   explain/render turn either result into Slack blocks, terminal text or JSON.
 */
import { readInput, type ReadOptions } from './intake';
import { parseReport } from './parse';
import { classify } from './classify';
import type { Diagnosis } from './classify/types';

export type DiagnoseOptions = ReadOptions;

export function diagnose(input: string | Buffer, opts: DiagnoseOptions = {}): Diagnosis {
  const raw = readInput(input, opts);
  const report = parseReport(raw);
  return classify(report);
}
