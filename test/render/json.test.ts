import { diagnosisToJson, inputErrorToJson, probeToJson } from '../../src/render/json';
import { F, report, storyDiagnosis, userUnknownDiagnosis } from '../bot/fakes';

describe('diagnosisToJson', () => {
  it('has the documented keys, with null for facts the report does not give', () => {
    const json = JSON.parse(JSON.stringify(diagnosisToJson(storyDiagnosis(), { file: 'queue.txt' })));
    expect(Object.keys(json).slice(0, 4)).toEqual(['file', 'kind', 'source', 'platform']);
    expect(json.source).toEqual({ format: 'line', mta: 'exchange2003' });
    expect(json.recipients[0]).toEqual({
      address: 'someone@example.com', action: 'delayed', status: '4.4.7', replyCode: null, remoteHost: 'mx.example.com',
      command: 'AUTH', diagnostic: 'The remote SMTP service rejected AUTH negotiation', reason: 'securityerror',
      cause: 'outbound-auth-mismatch', hard: false, rule: 'exchange2003-auth-negotiation',
    });
    const cause = json.causes[0];
    expect(Object.keys(cause)).toEqual(['id', 'title', 'summary', 'rank', 'confidence', 'why', 'tellApart', 'actor', 'hard', 'steps', 'confirmBy', 'references']);
    expect(cause.steps['exchange-2003'][0]).toBe('Open Exchange System Manager.');
    expect(cause.confirmBy.findings).toEqual(['auth-not-offered']);
    expect(json.warnings).toBeUndefined();
  });

  it('leaves out file when the input was not a file, and keeps optional recipient facts when known', () => {
    const json = diagnosisToJson(userUnknownDiagnosis());
    expect(json).not.toHaveProperty('file');
    expect((json.recipients as Record<string, unknown>[])[0]).toMatchObject({ replyCode: '550', remoteIp: '192.0.2.25', command: 'RCPT' });
    expect((json.causes as Record<string, unknown>[])[0].confirmBy).toBeNull();
  });

  it('describes a failed input as file, error and code', () => {
    expect(inputErrorToJson('a.eml', 'smtpcheck_binary_input', 'binary')).toEqual({ file: 'a.eml', error: 'binary', code: 'smtpcheck_binary_input' });
  });
});

describe('probeToJson', () => {
  it('is the ProbeReport itself, as a copy', () => {
    const r = report([F.mxOk, F.tlsFail]);
    const json = probeToJson(r);
    expect(json).toEqual(r);
    json.findings.pop();
    expect(r.findings).toHaveLength(2);
  });
});
