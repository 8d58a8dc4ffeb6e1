import { loadConfig } from '../../src/config';
import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { redactSecrets } from '../../src/redact';

function configError(env: Record<string, string>): SmtpcheckError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof SmtpcheckError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('runs without Slack when no bot token is set', () => {
    const c = loadConfig({});
    expect(c.slack).toBeUndefined();
    expect(c.probe.timeoutMs).toBe(20000);
    expect(c.probe.allowedPorts).toEqual([25, 465, 587, 2525]);
    expect(c.probe.allowPrivate).toBe(false);
  });

  it('defaults to socket mode and requires an app token there', () => {
    const err = configError({ SLACK_BOT_TOKEN: 'xoxb-1-abc' });
    expect(err.code).toBe(ErrorCode.Config);
    expect(err.message).toMatch(/^SLACK_APP_TOKEN is missing/);
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_APP_TOKEN: 'xapp-1-def' });
    expect(c.slack).toMatchObject({ mode: 'socket', botToken: 'xoxb-1-abc', appToken: 'xapp-1-def' });
  });

  it('needs a signing secret in http mode and names the setting', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_MODE: 'http' }).message).toMatch(/^SLACK_SIGNING_SECRET/);
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_MODE: 'carrier-pigeon' }).message).toMatch(/^SLACK_MODE/);
  });

  it('rejects a bot token pasted into the app token slot without echoing it', () => {
    const err = configError({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_APP_TOKEN: 'xoxb-1-zzzsecret' });
    expect(err.message).toMatch(/^SLACK_APP_TOKEN does not start with xapp-/);
    expect(err.message).not.toContain('zzzsecret');
  });

  it('validates numbers, lists and switches', () => {
    expect(configError({ SMTPCHECK_PROBE_TIMEOUT_MS: 'soon' }).message).toMatch(/^SMTPCHECK_PROBE_TIMEOUT_MS/);
    expect(configError({ SMTPCHECK_ALLOWED_PORTS: '25,99999' }).message).toMatch(/^SMTPCHECK_ALLOWED_PORTS/);
    expect(configError({ SMTPCHECK_DNS_SERVERS: 'dns.example' }).message).toMatch(/^SMTPCHECK_DNS_SERVERS/);
    expect(configError({ SMTPCHECK_ALLOW_PRIVATE: 'maybe' }).message).toMatch(/^SMTPCHECK_ALLOW_PRIVATE/);
    const c = loadConfig({ SMTPCHECK_DNS_SERVERS: '127.0.0.1:5353, [::1]:53', SMTPCHECK_ALLOW_PRIVATE: '1' });
    expect(c.probe.dnsServers).toEqual(['127.0.0.1:5353', '[::1]:53']);
    expect(c.probe.allowPrivate).toBe(true);
  });

  it('registers configured secrets so they are masked everywhere', () => {
    loadConfig({ SMTPCHECK_AUTH_USER: 'probe', SMTPCHECK_AUTH_PASS: 'hunter2-very-secret' });
    expect(redactSecrets('login failed for hunter2-very-secret')).toBe('login failed for [redacted]');
    expect(redactSecrets('token xoxb-123-456-abcdef and xapp-1-A1-999')).toBe('token [redacted] and [redacted]');
    expect(redactSecrets('C: AUTH PLAIN AHByb2JlAHNlY3JldA==')).toBe('C: AUTH PLAIN [redacted]');
  });
});
