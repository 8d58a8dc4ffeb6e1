import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { parseTarget } from '../../src/probe/target';

function refusal(input: string, opts?: Parameters<typeof parseTarget>[1]): SmtpcheckError {
  try {
    parseTarget(input, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(SmtpcheckError);
    return err as SmtpcheckError;
  }
  throw new Error(`parseTarget accepted ${JSON.stringify(input)}`);
}

describe('parseTarget: accepted forms', () => {
  test('a domain is lower-cased and loses its trailing dot', () => {
    expect(parseTarget('Example.COM.')).toEqual({ kind: 'domain', input: 'example.com', domain: 'example.com' });
  });

  test('an IDN domain becomes ASCII (punycode)', () => {
    expect(parseTarget('bücher.example')).toMatchObject({ kind: 'domain', domain: 'xn--bcher-kva.example' });
    expect(parseTarget('例え.jp').domain).toBe('xn--r8jz45g.jp');
  });

  test('host:port is a host target on that port', () => {
    expect(parseTarget('smtp.office365.com:587')).toEqual({ kind: 'host', input: 'smtp.office365.com:587', host: 'smtp.office365.com', port: 587 });
  });

  test('a bare IPv4 address is a host target without a port', () => {
    expect(parseTarget('192.0.2.25')).toEqual({ kind: 'host', input: '192.0.2.25', host: '192.0.2.25' });
  });

  test('IPv4 with port, bare IPv6, bracketed IPv6 with and without port', () => {
    expect(parseTarget('192.0.2.25:465')).toMatchObject({ kind: 'host', host: '192.0.2.25', port: 465 });
    expect(parseTarget('2001:DB8::25')).toMatchObject({ kind: 'host', host: '2001:db8::25', input: '[2001:db8::25]' });
    expect(parseTarget('[2001:db8::25]:587')).toMatchObject({ kind: 'host', host: '2001:db8::25', port: 587, input: '[2001:db8::25]:587' });
    expect(parseTarget('[2001:db8::25]')).toMatchObject({ kind: 'host', host: '2001:db8::25' });
    expect(parseTarget('[192.0.2.25]')).toMatchObject({ kind: 'host', host: '192.0.2.25' });
  });

  test('user@domain is an address target: probe the domain, RCPT the address', () => {
    expect(parseTarget('Jane.Doe+tag@Bücher.Example')).toEqual({
      kind: 'address', input: 'Jane.Doe+tag@xn--bcher-kva.example', domain: 'xn--bcher-kva.example', address: 'Jane.Doe+tag@xn--bcher-kva.example',
    });
  });

  test('Slack-style wrappers are removed: <mailto:…> and <…>', () => {
    expect(parseTarget('<mailto:postmaster@example.com>')).toMatchObject({ kind: 'address', address: 'postmaster@example.com' });
    expect(parseTarget('  <example.com>  ')).toMatchObject({ kind: 'domain', domain: 'example.com' });
  });

  test('--port applies to a domain and agrees with host:port', () => {
    expect(parseTarget('example.com', { port: 587 })).toMatchObject({ kind: 'domain', port: 587 });
    expect(parseTarget('mx.example.com:587', { port: 587 })).toMatchObject({ kind: 'host', port: 587 });
    expect(parseTarget('mx.example.com', { port: 465 })).toMatchObject({ kind: 'domain', domain: 'mx.example.com', port: 465 });
  });

  test('a configured port list replaces the default', () => {
    expect(parseTarget('127.0.0.1:2500', { allowedPorts: [25, 2500] })).toMatchObject({ port: 2500 });
  });
});

describe('parseTarget: refused input', () => {
  test.each([
    ['', /Give a domain/],
    ['   ', /Give a domain/],
    ['localhost', /no dot/],
    ['example', /no dot/],
    ['exa mple.com', /spaces/],
    ['https://example.com/', /URL/],
    ['-bad-.example.com', /not a valid host name/],
    ['under_score.example.com', /not a valid host name/],
    ['a..b.com', /not a valid/],
    ['999.1.1.1', /not a valid IP address/],
    ['1.2.3', /not a valid IP address/],
    ['example.com:smtp', /not a port number/],
    ['example.com:0', /outside 1–65535/],
    ['example.com:70000', /outside 1–65535/],
    ['2001:db8::1:25:x', /not a valid IPv6 address/],
    ['[example.com]:25', /not an IP address/],
    ['[2001:db8::1', /bracketed address/],
    ['@example.com', /nothing before the @/],
    ['user@', /no domain name/],
    ['us er@example.com', /spaces/],
    ['a<b@example.com', /not a valid mailbox/],
    ['.user@example.com', /not a valid mailbox/],
    ['user@example.com:587', /give the port separately/],
    ['user@[192.0.2.1]', /address literals/],
    [`${'a'.repeat(65)}@example.com`, /longer than 64/],
    [`${'a'.repeat(300)}.com`, /too long|longer than a domain/],
    ['ex\u0000ample.com', /control characters/],
  ])('%j → BadTarget %s', (input, message) => {
    const err = refusal(input);
    expect(err.code).toBe(ErrorCode.BadTarget);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/\n\s+at /); // no stack in the message
  });

  test('ports outside the allow-list are PortRefused and name the allowed ports', () => {
    const err = refusal('mx.example.com:8080');
    expect(err.code).toBe(ErrorCode.PortRefused);
    expect(err.message).toBe('smtpcheck does not probe port 8080. Allowed ports: 25, 465, 587, 2525.');
    expect(refusal('example.com', { port: 22 }).code).toBe(ErrorCode.PortRefused);
    expect(refusal('user@example.com', { port: 110 }).code).toBe(ErrorCode.PortRefused);
    expect(refusal('[2001:db8::1]:80').code).toBe(ErrorCode.PortRefused);
    expect(refusal('mx.example.com:2500', { allowedPorts: [25] }).code).toBe(ErrorCode.PortRefused);
  });

  test('host:port and a different --port is refused, not guessed', () => {
    const err = refusal('mx.example.com:587', { port: 465 });
    expect(err.code).toBe(ErrorCode.BadTarget);
    expect(err.message).toMatch(/names port 587 but --port says 465/);
  });

  test('the echoed input is bounded', () => {
    const err = refusal(`${'x'.repeat(200)}:99999`);
    expect(err.message.length).toBeLessThan(300);
  });
});
