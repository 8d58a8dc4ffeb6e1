/**
 * The optional recipient check: MAIL FROM, RCPT TO, RSET — never DATA — through nodemailer's documented
 * customAuth hook (its sendCommand runs one command and hands back the parsed reply). nodemailer has no
 * public envelope-only call, and send() would issue DATA the moment one RCPT is accepted.
 *
 * Addresses go into the command line verbatim, so anything that could smuggle a second command
 * (CR, LF, angle brackets, spaces) makes the address unusable instead.
 */
import { parseReply } from './reply';
import type { EnvelopeHandler } from './session';
import type { Transcript } from './transcript';

export interface EnvelopeReply {
  command: string;
  reply: string;
  code: number;
  enhanced?: string;
  ms: number;
}

export interface EnvelopeResult {
  mail?: EnvelopeReply;
  rcpt?: EnvelopeReply;
  rset?: EnvelopeReply;
}

const ADDRESS = /^[^\s<>()[\]\\,;:"\x00-\x1f\x7f@]+@[^\s<>()[\]\\,;:"\x00-\x1f\x7f@]+$/;

/** True when the address can be put into MAIL FROM / RCPT TO as is. */
export function usableAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}

/** The handler fills `out` as replies arrive, so a session that dies midway still reports what it saw. */
export function envelopeHandler(mailFrom: string, rcpt: string, transcript: Transcript, out: EnvelopeResult): EnvelopeHandler {
  return async (ctx) => {
    const send = async (command: string): Promise<EnvelopeReply> => {
      // nodemailer logs customAuth commands as "/* secret */"; these carry no secret, so log them as sent.
      transcript.expectMaskedCommand(command);
      const t0 = performance.now();
      const r = await ctx.sendCommand(command);
      const parsed = parseReply(r.response);
      const reply: EnvelopeReply = { command, reply: r.response, code: parsed.code, ms: Math.round(performance.now() - t0) };
      if (parsed.enhanced) reply.enhanced = parsed.enhanced;
      return reply;
    };
    out.mail = await send(`MAIL FROM:<${mailFrom}>`);
    if (out.mail.code >= 200 && out.mail.code < 300) out.rcpt = await send(`RCPT TO:<${rcpt}>`);
    out.rset = await send('RSET');
  };
}
