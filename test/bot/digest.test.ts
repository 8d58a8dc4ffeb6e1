import { DIGEST_MAX_BYTES, diffProbe, digestProbe, sameProbe } from '../../src/bot/digest';
import type { Finding } from '../../src/probe/types';
import { F, report } from './fakes';

describe('digestProbe', () => {
  it('keeps every finding with its outcome and host, and survives a JSON round trip', () => {
    const r = report([F.mxOk, F.authNone, F.tlsFail]);
    const d = digestProbe(r, { target: 'example.com' });
    expect(d.findings).toEqual(['pmx-ok', 'wauth-not-offered@0', 'fstarttls-failed@0']);
    expect(d.hosts).toEqual(['mx.example.com[192.0.2.10]:25']);
    expect(d.partial).toBeUndefined();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(diffProbe(JSON.parse(JSON.stringify(d)), r)).toEqual([]);
  });

  it('stays within its byte budget for a large report by dropping passing findings first', () => {
    const many: Finding[] = [];
    for (let h = 0; h < 12; h++) {
      for (const id of ['banner-ok', 'ehlo-ok', 'starttls-ok', 'cert-trusted', 'cert-name-ok', 'ptr-ok']) {
        many.push({ id, outcome: 'pass', title: id, host: `mx${h}.a-rather-long-provider-name.example.net[198.51.100.${h}]:25` });
      }
    }
    many.push({ id: 'dnsbl-listed', outcome: 'fail', title: 'listed', host: 'mx3.a-rather-long-provider-name.example.net[198.51.100.3]:25' });
    const d = digestProbe(report(many), { target: 'example.net' });
    expect(Buffer.byteLength(JSON.stringify(d))).toBeLessThanOrEqual(DIGEST_MAX_BYTES);
    expect(d.partial).toBe(true);
    expect(d.findings).toContain('fdnsbl-listed@0');
    expect(d.findings.some((f) => f.startsWith('p'))).toBe(false);
  });

  it('shortens a long verdict', () => {
    const d = digestProbe(report([F.mxOk], { verdict: 'x'.repeat(500) }), { target: 'example.com' });
    expect(d.verdict.length).toBeLessThanOrEqual(160);
  });
});

describe('diffProbe', () => {
  it('reports findings that appeared, disappeared and changed outcome', () => {
    const before = digestProbe(report([F.mxOk, F.tlsFail, F.authNone]), { target: 'example.com' });
    const after = report([F.mxOk, { ...F.tlsFail, outcome: 'pass', title: 'STARTTLS works now' }, { id: 'cert-expired', outcome: 'fail', title: 'Certificate expired', host: F.tlsFail.host }]);
    const changes = diffProbe(before, after);
    expect(changes).toEqual(expect.arrayContaining([
      { change: 'changed', id: 'starttls-failed', host: F.tlsFail.host, title: 'STARTTLS works now', before: 'fail', after: 'pass' },
      { change: 'appeared', id: 'cert-expired', host: F.tlsFail.host, title: 'Certificate expired', after: 'fail' },
      expect.objectContaining({ change: 'disappeared', id: 'auth-not-offered', host: F.authNone.host, before: 'warn' }),
    ]));
    expect(changes).toHaveLength(3);
  });

  it('treats the same finding on another host as a different finding', () => {
    const before = digestProbe(report([F.tlsFail]), { target: 'example.com' });
    const after = report([{ ...F.tlsFail, host: 'mx2.example.com[192.0.2.11]:25' }]);
    expect(diffProbe(before, after).map((c) => c.change).sort()).toEqual(['appeared', 'disappeared']);
  });

  it('does not call a passing finding new when the previous digest had dropped the passes', () => {
    const before = { ...digestProbe(report([F.tlsFail]), { target: 'example.com' }), partial: true };
    expect(diffProbe(before, report([F.tlsFail, F.mxOk]))).toEqual([]);
  });
});

describe('sameProbe', () => {
  it('compares target case-insensitively, and port and rcpt exactly', () => {
    expect(sameProbe({ target: 'Example.COM' }, { target: 'example.com' })).toBe(true);
    expect(sameProbe({ target: 'example.com', port: 587 }, { target: 'example.com' })).toBe(false);
    expect(sameProbe({ target: 'example.com', rcpt: 'a@example.com' }, { target: 'example.com', rcpt: 'b@example.com' })).toBe(false);
  });
});
