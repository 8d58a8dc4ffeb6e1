import { looksLikeTarget, parseCommand, parsePlatform } from '../../src/bot/commands';

describe('parseCommand', () => {
  it('reads a bare target as a probe, with options', () => {
    expect(parseCommand('example.com')).toEqual({ kind: 'probe', target: 'example.com', port: undefined, rcpt: undefined, transcript: false });
    expect(parseCommand('mx1.example.com:587 --transcript')).toMatchObject({ kind: 'probe', target: 'mx1.example.com:587', transcript: true });
    expect(parseCommand('probe user@example.com --rcpt other@example.com --port 25')).toMatchObject({ kind: 'probe', target: 'user@example.com', rcpt: 'other@example.com', port: 25 });
    expect(parseCommand('[2001:db8::1]:25')).toMatchObject({ kind: 'probe', target: '[2001:db8::1]:25' });
  });

  it('does not take chat for a host', () => {
    expect(parseCommand('hello')).toMatchObject({ kind: 'usage' });
    expect(parseCommand('thanks that fixed it')).toMatchObject({ kind: 'usage' });
    expect(looksLikeTarget('hello')).toBe(false);
    expect(looksLikeTarget('192.0.2.7')).toBe(true);
    expect(looksLikeTarget('192.0.2.7:587')).toBe(true);
    expect(looksLikeTarget('e.g.')).toBe(false);
    expect(looksLikeTarget('mx.example.test')).toBe(true);
  });

  it('gives usage for broken probe options', () => {
    expect(parseCommand('probe')).toMatchObject({ kind: 'usage' });
    expect(parseCommand('probe example.com --port 70000')).toMatchObject({ kind: 'usage', message: expect.stringMatching(/--port/) });
    expect(parseCommand('probe example.com --rcpt nobody')).toMatchObject({ kind: 'usage', message: expect.stringMatching(/--rcpt/) });
    expect(parseCommand('probe a.example b.example')).toMatchObject({ kind: 'usage', message: expect.stringMatching(/One target/) });
    expect(parseCommand('probe example.com --fast')).toMatchObject({ kind: 'usage', message: expect.stringMatching(/Unknown option --fast/) });
  });

  it('reads follow-up verbs and platforms', () => {
    expect(parseCommand('')).toEqual({ kind: 'empty' });
    expect(parseCommand('  help ')).toEqual({ kind: 'help' });
    expect(parseCommand('recheck')).toEqual({ kind: 'recheck' });
    expect(parseCommand('transcript')).toEqual({ kind: 'transcript' });
    expect(parseCommand('platform exchange 2003')).toEqual({ kind: 'platform', platform: 'exchange-2003' });
    expect(parseCommand('platform o365')).toEqual({ kind: 'platform', platform: 'exchange-online' });
    expect(parseCommand('platform lotus')).toMatchObject({ kind: 'usage' });
    expect(parseCommand('diagnose 550 5.1.1 user unknown')).toEqual({ kind: 'diagnose', text: '550 5.1.1 user unknown' });
    expect(parsePlatform('Postfix')).toBe('postfix');
  });
});
