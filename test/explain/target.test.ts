/**
 * Probe targets pulled from a report's fields: Remote-MTA values as DSNs and pasted NDRs write them
 * (RFC 3464 "dns; host", Postfix "host[ip]", Exchange "[ip]"), and addresses with display names.
 */
import { domainOf, hostFromRemote, resolveTarget } from '../../src/explain/target';
import { diagnosis, recipient } from './fixtures';

describe('hostFromRemote', () => {
  test.each([
    ['dns; mx.example.com', 'mx.example.com'],
    ['mx.example.com [192.0.2.1]', 'mx.example.com'],
    ['mx.example.com[192.0.2.1]', 'mx.example.com'],
    ['MX.Example.COM.', 'mx.example.com'],
    ['smtp.example.net:587', 'smtp.example.net:587'],
    ['[192.0.2.1]', '192.0.2.1'],
    ['192.0.2.1', '192.0.2.1'],
    ['[2001:db8::25]', '2001:db8::25'],
  ])('%s → %s', (input, expected) => {
    expect(hostFromRemote(input)).toBe(expected);
  });

  test('nothing in, nothing out', () => {
    expect(hostFromRemote(undefined)).toBeUndefined();
    expect(hostFromRemote('')).toBeUndefined();
  });

  // Hang detectors, not timings: the unbounded IPv6 pattern this replaced rescanned a run of hex from every
  // start (4.6 s at 100k characters, hours at 2 MiB), so the old code would blow jest's timeout here.
  test('a 2 MiB run of hex and colons from a broken report is read, not rescanned', () => {
    expect(hostFromRemote(`[${'a:'.repeat(1024 * 1024)}`)).toMatch(/^[a:]{2,91}$/);
    expect(hostFromRemote(`${'f'.repeat(2 * 1024 * 1024)} [192.0.2.1]`)).toMatch(/^f+$/);
  });
});

describe('domainOf', () => {
  test.each([
    ['someone@example.com', 'example.com'],
    ['Alice <alice@Contoso.COM>', 'contoso.com'],
    ['<bob@example.org>;', 'example.org'],
    ['no-at-sign', undefined],
    ['broken@', undefined],
    ['x <y@example.net> <z@example.org>', 'example.net'],
  ])('%s → %s', (input, expected) => {
    expect(domainOf(input)).toBe(expected);
  });

  test('2 MiB of unclosed "<" is read once, not from every "<"', () => {
    expect(domainOf(`${'<'.repeat(2 * 1024 * 1024)}`)).toBeUndefined();
    expect(domainOf(`Alice <alice@example.com>${'<'.repeat(2 * 1024 * 1024)}`)).toBe('example.com');
  });
});

describe('resolveTarget', () => {
  const d = diagnosis({
    recipients: [
      recipient({ cause: 'recipient-unknown', address: 'a@one.example' }),
      recipient({ cause: 'outbound-auth-mismatch', address: 'b@two.example', remoteHost: 'dns; relay.two.example' }),
    ],
    from: 'Carol <carol@sender.example>',
  });

  test('prefers the recipient that has the cause, and its remote host', () => {
    expect(resolveTarget(d, 'outbound-auth-mismatch', 'remote-host')).toEqual({ target: 'relay.two.example', fallback: false, address: 'b@two.example' });
  });

  test('falls back to the recipient domain when no remote host is named', () => {
    expect(resolveTarget(d, 'recipient-unknown', 'recipient-domain')).toEqual({ target: 'one.example', fallback: false, address: 'a@one.example' });
    const noHost = diagnosis({ recipients: [recipient({ cause: 'connection-timeout', address: 'c@three.example' })] });
    expect(resolveTarget(noHost, 'connection-timeout', 'remote-host')).toEqual({ target: 'three.example', fallback: true, address: 'c@three.example' });
  });

  test('the sender domain comes only from the returned original', () => {
    expect(resolveTarget(d, 'ptr-missing', 'sender-domain')).toEqual({ target: 'sender.example', fallback: false });
    expect(resolveTarget(diagnosis({}), 'ptr-missing', 'sender-domain')).toBeUndefined();
  });
});
