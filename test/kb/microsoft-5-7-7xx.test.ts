/**
 * Microsoft's 5.7.700–5.7.750 family: three wordings with three different fixes (Microsoft Learn, "Fix email
 * delivery issues for error codes 5.7.700 through 5.7.750 in Exchange Online"):
 *   5.7.705 tenant has exceeded threshold        → the tenant is blocked for spam: account-sending-blocked
 *   5.7.708 traffic not accepted from this IP    → low-reputation IPs of new/trial tenants: bad-reputation
 *   5.7.750 … sending from unregistered domains  → domains not added and verified: sender-unverified
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
});
