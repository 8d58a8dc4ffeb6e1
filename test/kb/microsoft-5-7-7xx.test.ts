/**
 * Microsoft's 5.7.700–5.7.750 family: three wordings with three different fixes (Microsoft Learn, "Fix email
 * delivery issues for error codes 5.7.700 through 5.7.750 in Exchange Online"):
 *   5.7.705 tenant has exceeded threshold        → the tenant is blocked for spam: account-sending-blocked
 *   5.7.708 traffic not accepted from this IP    → low-reputation IPs of new/trial tenants: bad-reputation
 *   5.7.750 … sending from unregistered domains  → domains not added and verified: sender-unverified
 *   5.7.703 … blocked by your organization using Tenant Allow Block List
 *                                                → the SENDER's own tenant blocks the recipient:
 *                                                  recipient-blocked-by-own-policy (never sender-blocked, which
 *                                                  sends the user to the recipient's admin)
 * Each wording must land on its cause whether or not the reply is recognised as Microsoft's, and the
 * cause's Exchange Online steps must say what fixes that code.
 */
import { classify } from '../../src/classify';
import type { ParsedReport } from '../../src/parse/types';
import { CAUSES } from '../../src/kb/causes';
import { REF } from '../../src/kb/causes/refs';

/** Lines as Exchange Online writes them (the 5.7.708 one as in the NDR of a trial tenant, AS code included). */
const LINES = {
  '5.7.705': '550 5.7.705 Access denied, tenant has exceeded threshold',
  '5.7.708': '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230)',
  '5.7.750': '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.',
  // Verbatim from Microsoft Learn (Tenant Allow/Block List and 5.7.700–5.7.750 pages), addresses as they mask them.
  '5.7.703': "550 5.7.703 Your message can't be delivered because messages to XXX, YYY are blocked by your organization using Tenant Allow Block List.",
} as const;

function report(diagnostic: string, status: string, remoteHost?: string): ParsedReport {
  return {
    kind: 'bounce',
    source: { format: 'text' },
    recipients: [{ address: 'orders@example.com', diagnostic, status, replyCode: '550', ...(remoteHost ? { remoteHost } : {}) }],
    text: diagnostic,
    warnings: [],
  };
}

const cases = [
  ['5.7.705', 'account-sending-blocked'],
  ['5.7.708', 'bad-reputation'],
  ['5.7.750', 'sender-unverified'],
  ['5.7.703', 'recipient-blocked-by-own-policy'],
] as const;

describe('Microsoft 5.7.700–5.7.750', () => {
  it.each(cases)('%s from Exchange Online Protection is %s', (status, cause) => {
    const d = classify(report(LINES[status], status, 'example-com.mail.protection.outlook.com'));
    expect(d.recipients[0]).toMatchObject({ cause, rule: expect.stringMatching(/^microsoft-/) });
    expect(d.causes[0]?.id).toBe(cause);
  });

  it.each(cases)('%s with no host to say it is Microsoft is still %s', (status, cause) => {
    // A pasted line without "Remote server" / host: the generic text rules decide, not the status code.
    const line = LINES[status].replace(/ For more information.*$/, '');
    const d = classify(report(line, status));
    expect(d.recipients[0]?.cause).toBe(cause);
  });

  it('5.7.708 is never read as a blocked account, with or without the host', () => {
    for (const host of ['example-com.mail.protection.outlook.com', undefined]) {
      expect(classify(report(LINES['5.7.708'], '5.7.708', host)).recipients[0]?.cause).not.toBe('account-sending-blocked');
    }
  });

  it('each cause tells an Exchange Online admin what fixes its code, and cites the Microsoft page', () => {
    const exo = (id: keyof typeof CAUSES) => (CAUSES[id].steps['exchange-online'] ?? []).join('\n');
    // 5.7.708: licences (end the trial) or a support exception; nothing of the tenant's to delist.
    expect(exo('bad-reputation')).toMatch(/5\.7\.708/);
    expect(exo('bad-reputation')).toMatch(/licen[cs]e/i);
    expect(exo('bad-reputation')).toMatch(/support/i);
    // 5.7.705: a tenant-wide block that support lifts once the compromise is fixed.
    expect(exo('account-sending-blocked')).toMatch(/5\.7\.705[\s\S]*support/);
    // 5.7.750: add and verify the sending domains.
    expect(exo('sender-unverified')).toMatch(/5\.7\.750[\s\S]*verify/);
    for (const id of ['bad-reputation', 'account-sending-blocked', 'sender-unverified'] as const) {
      expect(CAUSES[id].references).toContain(REF.ms57700);
    }
  });

  describe('5.7.703: the sender\'s own Tenant Allow/Block List', () => {
    const line = LINES['5.7.703'];
    const hosts = ['example-com.mail.protection.outlook.com', undefined];

    it.each(hosts)('classifies to the own-policy cause, hard, with the sender\'s admin to act (host %s)', (host) => {
      const r = classify(report(line, '5.7.703', host)).recipients[0];
      expect(r).toMatchObject({ cause: 'recipient-blocked-by-own-policy', reason: 'policyviolation', hard: true });
      expect(r?.cause).not.toBe('sender-blocked');
    });

    it('is decided by the Microsoft rule with the host and by the wording alone without it — not by the status code', () => {
      expect(classify(report(line, '5.7.703', hosts[0])).recipients[0]?.rule).toBe('microsoft-tenant-allow-block-list');
      expect(classify(report(line, '5.7.703')).recipients[0]?.rule).toBe('own-tenant-blocks-recipient');
      // A pasted line with no code still names the list; a block by the recipient's organisation is not this cause.
      const noCode = line.replace(/^550 5\.7\.703 /, '');
      expect(classify(report(noCode, '')).recipients[0]?.cause).toBe('recipient-blocked-by-own-policy');
      expect(classify(report('550 5.7.1 Your message was blocked by the recipient\'s organization', '5.7.1')).recipients[0]?.cause)
        .not.toBe('recipient-blocked-by-own-policy');
    });

    it('also reads the "Tenant Allow/Block List" spelling', () => {
      const slash = line.replace('Tenant Allow Block List', 'Tenant Allow/Block List');
      expect(classify(report(slash, '5.7.703')).recipients[0]?.cause).toBe('recipient-blocked-by-own-policy');
    });

    it('tells the sender\'s own admin to fix the Tenant Allow/Block List, in the portal and in PowerShell', () => {
      const c = CAUSES['recipient-blocked-by-own-policy'];
      expect(c.actor).toBe('sender-admin');
      expect(c.summary).toMatch(/your own organisation/i);
      expect(c.steps.generic.join('\n')).toMatch(/recipient's admin cannot help/);
      const exo = (c.steps['exchange-online'] ?? []).join('\n');
      expect(exo).toMatch(/Threat policies → Tenant Allow\/Block Lists/);
      expect(exo).toMatch(/Domains & addresses/);
      expect(exo).toContain('Get-TenantAllowBlockListItems -ListType Sender -Block');
      expect(exo).toContain('Remove-TenantAllowBlockListItems -ListType Sender -Entries');
      // One blocked recipient fails the whole message: resending to the others is the other way out.
      expect(exo).toMatch(/resend without the blocked recipients/);
      expect(c.references).toEqual(expect.arrayContaining([REF.ms57700, REF.msTablEmail]));
    });
  });
});
