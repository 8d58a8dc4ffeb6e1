/**
 * Adversarial inputs for the robustness suites, built in code (nothing copied from any corpus).
 *
 * Shapes: the DSN parts follow RFC 3464 §2 (per-message and per-recipient fields) and RFC 3462
 * multipart/report; the Postfix wording follows bounce(8)'s "This is the mail system at host";
 * the OLE2 header (.msg) follows [MS-CFB] §2.2; PNG, ZIP and PDF start with their registered magic
 * numbers. Everything else is deliberately broken: what a hostile or damaged paste looks like.
 */

export const MiB = 1024 * 1024;

/** One RFC 3464 per-recipient block. */
export function dsnRecipient(address: string, status = '5.1.1'): string {
  return [
    `Final-Recipient: rfc822; ${address}`,
    'Action: failed',
    `Status: ${status}`,
    'Remote-MTA: dns; mx.example.com',
    `Diagnostic-Code: smtp; 550 ${status} <${address}>: Recipient address rejected: User unknown in virtual mailbox table`,
    '',
  ].join('\n');
}

/** A complete Postfix-style multipart/report with one recipient; `extra` goes into the returned original. */
export function postfixBounce(address = 'user@example.com', extra = ''): string {
  return [
    'Return-Path: <>',
    'Received: by mail.example.org (Postfix) id 4ABC123; Mon, 1 Jan 2024 00:00:00 +0000 (UTC)',
    'From: MAILER-DAEMON@mail.example.org (Mail Delivery System)',
    'To: sender@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Mon, 1 Jan 2024 00:00:00 +0000 (UTC)',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="4ABC123.1704067200/mail.example.org"',
    '',
    '--4ABC123.1704067200/mail.example.org',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mail.example.org.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${address}>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)`,
    '',
    '--4ABC123.1704067200/mail.example.org',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.example.org',
    'Arrival-Date: Mon, 1 Jan 2024 00:00:00 +0000 (UTC)',
    '',
    dsnRecipient(address),
    '--4ABC123.1704067200/mail.example.org',
    'Content-Description: Undelivered Message',
    'Content-Type: message/rfc822',
    '',
    'From: sender@example.org',
    `To: ${address}`,
    'Subject: quarterly report',
    'Message-ID: <original-1@example.org>',
    '',
    extra || 'Hello.',
    '',
    '--4ABC123.1704067200/mail.example.org--',
    '',
  ].join('\n');
}

/** The visible text of a pasted Postfix bounce (no headers). */
export const PASTED_POSTFIX = [
  'This is the mail system at host mail.example.org.',
  '',
  "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
  '',
  '<user@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <user@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)',
  '',
].join('\n');

function mimeHead(contentType: string, extra: string[] = []): string {
  return ['From: MAILER-DAEMON@mail.example.org', 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0', `Content-Type: ${contentType}`, ...extra, '', ''].join('\n');
}

export function unterminatedBoundary(): string {
  // The closing delimiter and half of the last part are missing (a paste cut short).
  return postfixBounce().split('--4ABC123.1704067200/mail.example.org--')[0].slice(0, -40);
}

/** Every part declares the same boundary as its parent: a naive walker recurses for ever. */
export function boundaryLoop(levels = 50): string {
  let s = mimeHead('multipart/mixed; boundary="LOOP"');
  for (let i = 0; i < levels; i++) s += '--LOOP\nContent-Type: multipart/mixed; boundary="LOOP"\n\n';
  return s + '--LOOP\nContent-Type: text/plain\n\n' + PASTED_POSTFIX + '--LOOP--\n';
}

export function tenThousandParts(): string {
  let s = mimeHead('multipart/mixed; boundary="P"');
  s += '--P\nContent-Type: text/plain\n\n' + PASTED_POSTFIX;
  for (let i = 0; i < 10000; i++) s += `--P\nContent-Type: text/plain\n\npart ${i}\n`;
  return s + '--P--\n';
}

export function nestedDeep(depth = 1000): string {
  let s = mimeHead('multipart/mixed; boundary="b0"');
  for (let i = 1; i < depth; i++) s += `--b${i - 1}\nContent-Type: multipart/mixed; boundary="b${i}"\n\n`;
  s += `--b${depth - 1}\nContent-Type: text/plain\n\n${PASTED_POSTFIX}`;
  for (let i = depth - 1; i >= 0; i--) s += `--b${i}--\n`;
  return s;
}

/** A header line of `bytes` bytes (a Received line from a broken relay), then a real bounce. */
export function hugeHeaderLine(bytes = MiB): string {
  return `X-Junk: ${'a'.repeat(bytes)}\n` + postfixBounce();
}

/** 1 MB of folded continuation lines under one header. */
export function hugeFoldedHeader(bytes = MiB): string {
  const line = ' folded continuation of a very long header value\n';
  return `X-Junk: start\n${line.repeat(Math.ceil(bytes / line.length))}` + postfixBounce();
}

export function invalidBase64AndQp(): string {
  return postfixBounce()
    .replace('Content-Type: text/plain; charset=us-ascii\n', 'Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: base64\n')
    .replace('Content-Type: message/delivery-status\n', 'Content-Type: message/delivery-status\nContent-Transfer-Encoding: quoted-printable\n')
    .replace('This is the mail system', '!!!!@@@@ this is not base64 ==== ~~~~ This is the mail system')
    .replace('Reporting-MTA:', '=ZZ=4=\n=\nReporting-MTA:');
}

/** A charset no decoder knows, and one that lies (Latin-1 bytes declared as UTF-16 and as Shift_JIS). */
export function charsetBounce(charset: string): Buffer {
  const text = PASTED_POSTFIX.replace('mail system', 'mail system (Zurück an Absender, señor)');
  return Buffer.concat([Buffer.from(mimeHead(`text/plain; charset="${charset}"`)), Buffer.from(text, 'latin1')]);
}

export function nulInMiddle(): Buffer {
  const b = Buffer.from(postfixBounce());
  const at = b.indexOf('Reporting-MTA');
  return Buffer.concat([b.subarray(0, at), Buffer.from([0, 0]), b.subarray(at)]);
}

export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

export function crOnly(text: string): string {
  return text.replace(/\r?\n/g, '\r');
}

/** Exactly `size` bytes: a bounce whose returned original is padded with short lines. */
export function paddedBounce(size: number): Buffer {
  const head = postfixBounce('big@example.com', '@@PAD@@');
  const room = size - (Buffer.byteLength(head) - '@@PAD@@'.length);
  const line = 'This line is part of a large returned original message body.\n';
  const filler = line.repeat(Math.ceil(room / line.length)).slice(0, room - 1) + '\n';
  const out = Buffer.from(head.replace('@@PAD@@', filler));
  if (out.length !== size) throw new Error(`paddedBounce: built ${out.length} bytes, wanted ${size}`);
  return out;
}

export const BINARY: Record<string, Buffer> = {
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(2000, 0x11)]),
  zip: Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(2000, 0x22)]),
  pdf: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'),
  // OLE2 compound file header: signature, minor/major version, byte order 0xFFFE, sector shift 9.
  msg: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(16), Buffer.from([0x3e, 0, 3, 0, 0xfe, 0xff, 9, 0]), Buffer.alloc(4096 - 32, 0xff)]),
  // Random-looking bytes with no magic number (an encrypted file, a disk image).
  noise: Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) >>> 24)),
};

export function mbox(messages: number): string {
  let s = '';
  for (let i = 0; i < messages; i++) {
    s += `From MAILER-DAEMON Mon Jan  1 00:00:${String(i % 60).padStart(2, '0')} 2024\n` + postfixBounce(`user${i}@example.com`) + '\n';
  }
  return s;
}

export function dsnWithRecipients(n: number): string {
  let s = mimeHead('multipart/report; report-type=delivery-status; boundary="R"');
  s += '--R\nContent-Type: text/plain\n\nDelivery to the following recipients failed.\n\n--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.org\n\n';
  for (let i = 0; i < n; i++) s += dsnRecipient(`r${i}@example.com`) + '\n';
  return s + '--R--\n';
}

/** Slack-escaped text with markup that never closes or nests wrongly. */
export function brokenSlackMarkup(): string {
  return [
    '```' + PASTED_POSTFIX.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    '<mailto:user@example.com|user@example.com <http://mx.example.com|<<<|||>>> &amp;lt; <@U123 <#C1|',
    '<' + '<|'.repeat(20000),
    '<!subteam^S1|@team> <!date^1392734382^{date}|fallback <' + 'a|'.repeat(20000),
    '```',
  ].join('\n');
}
