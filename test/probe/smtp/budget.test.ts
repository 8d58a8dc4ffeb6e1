/**
 * Every session ends inside its budget with a finding that says where it stalled; an abort ends it early.
 * Outcomes are asserted, not timings (the jest timeout is only a guard against a hang).
 */
import { probeSmtpHost } from '../../../src/probe/smtp';
import { SmtpcheckError } from '../../../src/errors';
import { allCommands, startPeer } from '../../helpers/smtp-servers';
import { HELO, finding, ids, probePeer } from './peer-probe';

afterAll(() => {
  expect(allCommands().length).toBeGreaterThan(0);
  expect(allCommands()).not.toContain('DATA');
});

describe('time budget', () => {
  test('silent tarpit (accepts, never greets) ends as banner-timeout', async () => {
    const { result } = await probePeer('tarpit', { timeoutMs: 700 });
    expect(ids(result)).toEqual(['connect-ok', 'banner-timeout']);
    expect(finding(result, 'banner-timeout').outcome).toBe('fail');
    expect(result.host.steps.at(-1)).toMatchObject({ step: 'banner', ok: false });
    expect(result.host.error?.code).toBe('ETIMEDOUT');
  }, 5000);

  test('a greeting slower than the budget is a banner-timeout too', async () => {
    const { result } = await probePeer('slow-banner', { timeoutMs: 400 }, { bannerDelayMs: 3000 });
    expect(ids(result)).toContain('banner-timeout');
  }, 5000);

  test('hang after EHLO ends as reply-timeout naming EHLO', async () => {
    const { result } = await probePeer('hang-after-ehlo', { timeoutMs: 700 });
    const f = finding(result, 'reply-timeout');
    expect(f.title).toContain('after EHLO');
    expect(ids(result)).toEqual(['connect-ok', 'banner-ok', 'reply-timeout']);
    expect(result.host.transcript).toContain('C: EHLO probe.smtpcheck.example');
  }, 5000);
});

describe('abort signal', () => {
  test('aborting a session stuck at the greeting ends it with probe-aborted', async () => {
    const peer = await startPeer('tarpit');
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 150);
      const r = await probeSmtpHost({ name: peer.name, ip: peer.host, port: peer.port }, { heloName: HELO, timeoutMs: 20_000, signal: ac.signal });
      expect(ids(r)).toEqual(['connect-ok', 'probe-aborted']);
      expect(finding(r, 'probe-aborted').outcome).toBe('skip');
    } finally {
      await peer.stop();
    }
  }, 5000);

  test('an already aborted signal does not even connect', async () => {
    const peer = await startPeer('mx-no-auth');
    try {
      const ac = new AbortController();
      ac.abort();
      const r = await probeSmtpHost({ name: peer.name, ip: peer.host, port: peer.port }, { heloName: HELO, timeoutMs: 5000, signal: ac.signal });
      expect(ids(r)).toEqual(['probe-aborted']);
      expect(peer.commands).toEqual([]);
    } finally {
      await peer.stop();
    }
  });
});

describe('bad input is refused with a clear error, not a connection', () => {
  const opts = { heloName: HELO, timeoutMs: 1000 };
  test.each([
    [{ name: 'mx.example.test', ip: 'mx.example.test', port: 25 }, opts, /not an IP address/],
    [{ name: 'mx.example.test', ip: '127.0.0.1', port: 0 }, opts, /not a TCP port/],
    [{ name: 'mx.example.test', ip: '127.0.0.1', port: 25 }, { ...opts, timeoutMs: 0 }, /time budget/],
    [{ name: 'mx.example.test', ip: '127.0.0.1', port: 25 }, { ...opts, heloName: 'a\r\nDATA' }, /EHLO name/],
  ])('%j', async (target, o, message) => {
    await expect(probeSmtpHost(target, o)).rejects.toThrow(SmtpcheckError);
    await expect(probeSmtpHost(target, o)).rejects.toThrow(message);
  });
});
