/**
 * parseReport as a whole: kinds, merging structure with words, mailboxes, pastes from Slack, and the
 * reader registry's contract.
 */
import { readInput } from '../../src/intake';
import { parseReport } from '../../src/parse';
import { READERS, CORE_READERS } from '../../src/parse/text';
import { LONGTAIL_READERS } from '../../src/parse/text/longtail';
import { fixtureBytes, parseBytes, parseFixture } from './fixture-helpers';

const dsn = (action: string, status: string, extra = '') =>
  `From: MAILER-DAEMON@x.example\nSubject: Delivery report\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: text/plain\n\n${extra}\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\nFinal-Recipient: rfc822; a@example.com\nAction: ${action}\nStatus: ${status}\n--B--\n`;

describe('report kind', () => {
  it.each([
    ['failed', '5.1.1', 'bounce'],
    ['delayed', '4.4.1', 'delay'],
    ['delivered', '2.0.0', 'delivered'],
    ['relayed', '2.0.0', 'delivered'],
  ])('Action: %s → %s', (action, status, kind) => {
    expect(parseBytes(dsn(action, status)).kind).toBe(kind);
  });

  it('trusts the DSN actions over delay wording in the text', () => {
    expect(parseBytes(dsn('failed', '5.4.7', 'Delivery to the following recipients has been delayed.')).kind).toBe('bounce');
  });

  it('calls a paste with delay wording and no structure a delay', () => {
    expect(parseFixture('exchange2003-delay-dsn.txt').kind).toBe('delay');
  });

  it('does not call a bounce from a mailer daemon an auto-reply, even with Auto-Submitted: auto-replied', () => {
    const r = parseFixture('googlegroups.eml');
    expect(r.kind).toBe('bounce');
  });

  it('calls an out-of-office reply an autoreply with one record for the person who is away', () => {
    const r = parseBytes('From: Ann <ann@example.com>\nTo: bob@example.org\nSubject: Out of Office: Budget\nDate: Mon, 1 May 2023 10:00:00 +0000\nMessage-ID: <x@example.com>\n\nI am out of the office until Monday.\n');
    expect(r.kind).toBe('autoreply');
    expect(r.recipients).toEqual([expect.objectContaining({ address: 'ann@example.com', diagnostic: 'I am out of the office until Monday.' })]);
  });

  it('calls ordinary mail not-a-bounce, with no recipients and no mail system', () => {
    const r = parseBytes('From: Ann <ann@example.com>\nTo: bob@example.org\nSubject: Lunch\nDate: Mon, 1 May 2023 10:00:00 +0000\nMessage-ID: <y@example.com>\n\nNoon at the usual place?\n');
    expect(r).toMatchObject({ kind: 'not-a-bounce', recipients: [], source: { format: 'mime' } });
    expect(r.source.mta).toBeUndefined();
  });
});

describe('merging structure and words', () => {
  it('takes codes, host and command from the text when the DSN has only a generic status', () => {
    const r = parseBytes(
      dsn('failed', '5.0.0', 'This is the mail system at host x.example.\n\n<a@example.com>: host mx.example.com[192.0.2.9] said: 550 5.7.1\n    Service unavailable; client [192.0.2.1] blocked (in reply to MAIL FROM command)\n'),
    );
    expect(r.recipients[0]).toMatchObject({ address: 'a@example.com', status: '5.7.1', replyCode: '550', remoteHost: 'mx.example.com', remoteIp: '192.0.2.9', command: 'MAIL', action: 'failed' });
  });

  it('keeps the DSN recipients as the list, de-duplicated, in report order', () => {
    const r = parseBytes(
      'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\n' +
        'Final-Recipient: rfc822; b@example.com\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.2.2\n\nFinal-Recipient: rfc822; B@EXAMPLE.COM\nAction: failed\nStatus: 5.1.1\n--B--\n',
    );
    expect(r.recipients.map((x) => x.address)).toEqual(['b@example.com', 'a@example.com']);
  });

  it('reports every recipient of every message in a mailbox', () => {
    const one = fixtureBytes('postfix-bounce.eml').toString('latin1');
    const two = fixtureBytes('sendmail-dsn.eml').toString('latin1');
    const mbox = `From MAILER-DAEMON Tue Jun  6 11:02:17 2023\n${one}\nFrom MAILER-DAEMON Tue Jun 20 12:37:01 2023\n${two}`;
    const r = parseBytes(Buffer.from(mbox, 'latin1'));
    expect(r.recipients.map((x) => x.address)).toEqual(['bob@example.net', 'carol@example.com', 'student42@uni.example']);
    expect(r.warnings.join(' ')).toMatch(/mailbox with 2 messages/);
  });

  it('copies intake warnings into the report', () => {
    const r = parseReport(readInput(Buffer.concat([fixtureBytes('exim-bounce.eml'), Buffer.alloc(3000, 0x20)]), { maxBytes: 3000 }));
    expect(r.warnings.join(' ')).toMatch(/only the first/);
  });

  it('keeps the decoded human text for classification', () => {
    const r = parseFixture('iso2022jp-bounce.eml');
    expect(r.text).toContain('配信できませんでした。');
    expect(r.headers?.subject).toBe('パウンスメール Undelivered Mail Returned to Sender');
  });
});

describe('which mail system wrote a bare DSN', () => {
  const bare = (fields: string, received = 'from x by y') =>
    `Received: ${received}\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: message/delivery-status\n\n${fields}\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n--B--\n`;

  it.each([
    ['Reporting-MTA: dns; mx.example.org\nX-Postfix-Queue-ID: 4Qx1\n', undefined, 'postfix'],
    ['Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.outlook.com\n', undefined, 'office365'],
    ['Reporting-MTA: dns; googlemail.com\n', undefined, 'gmail'],
    ['Reporting-MTA: dns;mail.contoso.com\n', 'from mail.contoso.com by mail.contoso.com with Microsoft SMTPSVC(6.0.3790.4675)', 'exchange2003'],
    ['Reporting-MTA: dns; relay.example.net\n', 'by relay.example.net (Postfix) id 4Qx', 'postfix'],
    ['Reporting-MTA: dns; relay.example.net\n', undefined, 'rfc3464'],
  ])('%s', (fields, received, mta) => {
    expect(parseBytes(bare(fields + '\n', received)).source.mta).toBe(mta);
  });
});

describe('Slack pastes', () => {
  /** What Slack sends for a pasted message: entities for & < >, addresses and links wrapped. */
  function asSlackMessage(text: string): string {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const linked = escaped.replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, (a) => `<mailto:${a}|${a}>`);
    return '```' + linked + '```';
  }

  it.each(['exchange2003-ndr-447.txt', 'postfix-pasted.txt', 'exim-pasted.txt', 'qmail-pasted.txt', 'office365-pasted.txt', 'gmail-pasted.txt', 'postfix-log.txt', 'exchange2003-queue-auth.txt'])(
    'reads %s pasted into Slack the same as the plain paste',
    (name) => {
      const plain = parseBytes(fixtureBytes(name), 'paste');
      const slack = parseReport(readInput(asSlackMessage(fixtureBytes(name).toString('utf8')), { origin: 'slack' }));
      expect(slack.kind).toBe(plain.kind);
      expect(slack.source.mta).toBe(plain.source.mta);
      expect(slack.recipients).toEqual(plain.recipients);
    },
  );
});

describe('reader registry', () => {
  it('tries the core readers first, the long-tail readers after them, and the generic reader last', () => {
    expect(READERS.slice(0, CORE_READERS.length)).toEqual(CORE_READERS);
    expect(READERS.slice(CORE_READERS.length, CORE_READERS.length + LONGTAIL_READERS.length)).toEqual(LONGTAIL_READERS);
    expect(READERS[READERS.length - 1].id).toBe('rfc3464');
  });

  it('gives every reader a unique name; the id names the mail system (several readers may read one system\'s outputs)', () => {
    const names = CORE_READERS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of CORE_READERS) expect(r.id).toMatch(/^[a-z0-9]+$/);
    // one reader per report layout, and the NDR readers of the big systems stay registered
    expect(new Set(CORE_READERS.map((r) => r.id))).toEqual(
      new Set(['amazonses', 'googlegroups', 'gmail', 'office365', 'exchange2007', 'exchange2003', 'yahoo', 'qmail', 'exim', 'postfix', 'sendmail']),
    );
  });

  it('survives a reader that throws', () => {
    const broken = { id: 'broken', name: 'Broken', detect: () => true, extract: () => { throw new Error('boom'); } };
    (READERS as unknown as unknown[]).unshift(broken);
    try {
      const r = parseFixture('qmail-pasted.txt');
      expect(r.source.mta).toBe('qmail');
      expect(r.warnings.join(' ')).toMatch(/Broken reader could not read/);
    } finally {
      (READERS as unknown as unknown[]).shift();
    }
  });
});
