/**
 * The story this product started from (shared/seed: Microsoft KB 329636): Exchange queues stuck in
 * Retry with "The remote SMTP service rejected AUTH negotiation", a delay DSN, then a #4.4.7 NDR —
 * and the same failure as other mail systems word it. Lines are verbatim from the KB article, the
 * MTAs' sources (Postfix smtp_sasl_proto.c, Exim transports/smtp.c, sendmail usersmtp.c) and
 * Microsoft's Exchange documentation (KB 979175, event 2003).
 */
import { classify } from '../../src/classify';
import { report, line } from './helpers';

const causeOf = (text: string, fact = {}) => classify(line(text, fact)).recipients[0];

describe('the story case, from the pasted text alone', () => {
  it('reads the Exchange 2003 queue line as an outbound authentication mismatch', () => {
    const d = classify(line('The remote SMTP service rejected AUTH negotiation'));
    expect(d.recipients[0]).toMatchObject({ cause: 'outbound-auth-mismatch', reason: 'securityerror', hard: false });
    expect(d.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', rank: 1, confidence: 'high' });
    expect(d.causes[0]?.why).toContain('rejected auth negotiation');
  });

  it.each([
    ['The Remote Simple Mail Transfer Protocol Service Rejected AUTH Negotiation', 'outbound-auth-mismatch'],
    ['502 Server does not support AUTH', 'outbound-auth-mismatch'],
    ['MSEXCH:IMS:CONTOSO:FIRST:SERVER 0 (000B0981) 502 Server does not support AUTH', 'outbound-auth-mismatch'],
    ['authentication required but server did not advertise AUTH support', 'outbound-auth-mismatch'],
    ['Send connector Internet has failed to authenticate with the remote server', 'outbound-auth-mismatch'],
    ['SASL authentication failed: server mail.example.com[192.0.2.10] offered no compatible authentication mechanisms for this type of connection security', 'auth-mechanism-unsupported'],
    ['warning: SASL authentication failure: No worthy mechs found', 'auth-mechanism-unsupported'],
    ['cannot authenticate to server mail.example.com[192.0.2.10]: no mechanism available', 'auth-mechanism-unsupported'],
    ['AUTH=client, relay=smtp.example.com., mech=NONE, available mechanisms do not fulfill requirements', 'auth-mechanism-unsupported'],
    ['SASL authentication failed; server smtp.example.com[192.0.2.10] said: 535 5.7.8 Error: authentication failed: authentication failure', 'smart-host-auth-failed'],
    ['535 5.7.8 Authentication credentials invalid', 'smart-host-auth-failed'],
    ['530 5.7.0 Must issue a STARTTLS command first', 'tls-required-for-auth'],
  ])('%s → %s', (text, cause) => {
    expect(causeOf(text)?.cause).toBe(cause);
  });

  it('reads the Exchange 2007+ wrapper by its inner reply and names the symptom in why', () => {
    const d = classify(report([{
      address: 'someone@example.com',
      status: '4.4.7',
      action: 'delayed',
      diagnostic: '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Cannot achieve Exchange Server authentication." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
    }], { kind: 'delay', mta: 'exchange2010' }));
    expect(d.recipients[0]).toMatchObject({ cause: 'outbound-auth-mismatch', rule: 'exchange-cannot-achieve-exchange-auth' });
    expect(d.causes).toHaveLength(1);
    expect(d.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', confidence: 'high' });
    expect(d.causes[0]?.why).toMatch(/symptom/i);
    expect(d.platform).toBe('exchange-onprem');
  });

  it('finds the last error elsewhere in the report when the recipient only shows #4.4.7', () => {
    const text = [
      'Your message did not reach some or all of the intended recipients.',
      'The following recipient(s) could not be reached:',
      'someone@example.com on 2/12/2010 10:00 AM',
      'Could not deliver the message in the time limit specified. Please retry or contact your administrator.',
      '<server.contoso.com #4.4.7>',
      'Last error: The remote SMTP service rejected AUTH negotiation',
    ].join('\n');
    const d = classify(report([{ address: 'someone@example.com', status: '4.4.7', diagnostic: 'Could not deliver the message in the time limit specified. Please retry or contact your administrator.' }], { mta: 'exchange2003', text }));
    expect(d.recipients[0]).toMatchObject({ cause: 'outbound-auth-mismatch', reason: 'expired' });
    expect(d.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', rank: 1, confidence: 'high' });
    expect(d.causes[0]?.why).toMatch(/symptom.*4\.4\.7/);
    expect(d.platform).toBe('exchange-2003');
  });
});

describe('the last error of one recipient is not borrowed by another', () => {
  it('keeps the other recipient\'s symptom when the report text only holds the first one\'s error', () => {
    const text = 'kijitora@example.jp: 550 5.1.1 <kijitora@example.jp>... User unknown\nsabineko@example.jp: Message expired after sitting in queue for 5 days';
    const d = classify(report([
      { address: 'kijitora@example.jp', status: '5.1.1', command: 'RCPT', diagnostic: '550 5.1.1 <kijitora@example.jp>... User unknown' },
      { address: 'sabineko@example.jp', status: '4.4.7', diagnostic: 'Message expired after sitting in queue for 5 days' },
    ], { text }));
    expect(d.recipients.map((r) => r.cause)).toEqual(['recipient-unknown', 'delivery-expired']);
  });
});

describe('a bare expiry is a symptom: ranked candidates, never one confident guess', () => {
  const expiry = (diagnostic: string, status?: string) => classify(report(
    [{ address: 'someone@example.com', diagnostic, ...(status ? { status } : {}) }],
    { mta: 'exchange2003' },
  ));

  it.each([
    ['Could not deliver the message in the time limit specified. Please retry or contact your administrator. <server.contoso.com #4.4.7>', '4.4.7'],
    ['550 5.4.300 Message expired', '5.4.300'],
    ['retry timeout exceeded', undefined],
    ["I'm not going to try again; this message has been in the queue too long.", undefined],
  ])('%s', (diagnostic, status) => {
    const d = expiry(diagnostic, status);
    expect(d.recipients[0]).toMatchObject({ cause: 'delivery-expired', reason: 'expired' });
    expect(d.causes.length).toBeGreaterThanOrEqual(3);
    expect(d.causes.map((c) => c.id)).toContain('outbound-auth-mismatch');
    for (const c of d.causes) {
      expect(['low', 'medium']).toContain(c.confidence);
      expect(c.tellApart).toEqual(expect.any(String));
      expect(c.why).toMatch(/symptom/);
    }
    expect(d.causes.map((c) => c.rank)).toEqual(d.causes.map((_, i) => i + 1));
  });

  it('raises the candidate the report\'s words point to', () => {
    const d = classify(report(
      [{ address: 'someone@example.com', status: '4.4.7', diagnostic: 'Could not deliver the message in the time limit specified.' }],
      { mta: 'exchange2003', text: 'Could not deliver the message in the time limit specified. <server.contoso.com #4.4.7>\nSMTP connector outbound security: Basic authentication' },
    ));
    expect(d.recipients[0]?.cause).toBe('delivery-expired');
    expect(d.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', confidence: 'medium' });
    expect(d.causes[0]?.why).toMatch(/point/);
    expect(d.causes.slice(1).every((c) => c.confidence === 'low')).toBe(true);
  });
});

describe('report kinds', () => {
  it('a delay is not a failure: current last error, else delivery-delayed', () => {
    const plain = classify(report([{ address: 'a@example.com', action: 'delayed', diagnostic: '' }], { kind: 'delay', text: 'THIS IS A WARNING MESSAGE ONLY. Delivery to the following recipients has been delayed' }));
    expect(plain.recipients[0]).toMatchObject({ cause: 'delivery-delayed', reason: 'expired', hard: false });
    expect(plain.causes.length).toBeGreaterThanOrEqual(3);
    const withError = classify(report([{ address: 'a@example.com', action: 'delayed', status: '4.2.2', diagnostic: '452 4.2.2 Mailbox full' }], { kind: 'delay' }));
    expect(withError.recipients[0]).toMatchObject({ cause: 'mailbox-full', reason: 'mailboxfull', hard: false });
  });

  it('maps feedback, auto-replies and delivery reports without rules', () => {
    expect(classify(report([{ address: 'a@example.com' }], { kind: 'feedback' })).recipients[0]).toMatchObject({ reason: 'feedback', cause: 'feedback-report' });
    expect(classify(report([{ address: 'a@example.com' }], { kind: 'autoreply' })).recipients[0]).toMatchObject({ reason: 'vacation', cause: 'auto-reply' });
    expect(classify(report([{ address: 'a@example.com', status: '2.1.5' }], { kind: 'delivered' })).recipients[0]).toMatchObject({ reason: 'delivered', cause: 'delivered' });
    expect(classify(report([{ address: 'a@example.com', status: '2.0.0', action: 'delivered' }])).recipients[0]).toMatchObject({ reason: 'delivered' });
  });

  it('gives no recipients for something that is not a bounce', () => {
    const d = classify(report([{ address: 'a@example.com', diagnostic: 'hello' }], { kind: 'not-a-bounce' }));
    expect(d.recipients).toEqual([]);
    expect(d.causes).toEqual([]);
  });

  it('reads a bounce with no recipient list from its text', () => {
    const d = classify({ kind: 'bounce', source: { format: 'text' }, recipients: [], text: '550 5.7.1 Relay access denied', warnings: [] });
    expect(d.recipients).toHaveLength(1);
    expect(d.recipients[0]).toMatchObject({ address: '', cause: 'relay-denied' });
  });
});

describe('ranking several recipients', () => {
  it('keeps report order, ranks the cause with most recipients first, and describes it from the catalogue', () => {
    const d = classify(report([
      { address: 'a@example.jp', status: '5.2.2', diagnostic: '552 5.2.2 <a@example.jp>... Mailbox Full', command: 'RCPT' },
      { address: 'b@example.jp', status: '5.1.1', diagnostic: '550 5.1.1 <b@example.jp>... User Unknown', command: 'RCPT' },
      { address: 'c@example.jp', status: '5.1.1', diagnostic: '550 5.1.1 <c@example.jp>... User Unknown', command: 'RCPT' },
    ]));
    expect(d.recipients.map((r) => r.address)).toEqual(['a@example.jp', 'b@example.jp', 'c@example.jp']);
    expect(d.recipients.map((r) => r.reason)).toEqual(['mailboxfull', 'userunknown', 'userunknown']);
    expect(d.causes.map((c) => c.id)).toEqual(['recipient-unknown', 'mailbox-full']);
    expect(d.causes[0]?.why).toMatch(/^2 recipients/);
    for (const c of d.causes) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.summary.length).toBeGreaterThan(5);
      expect(c.steps.generic?.length ?? 0).toBeGreaterThan(0);
    }
  });
});
