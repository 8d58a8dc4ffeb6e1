/**
 * The real-MTA test target: Debian's Postfix on 127.0.0.1, configured by `.ci/postfix-setup.sh` (run as root).
 *
 *   import { POSTFIX, describeWithPostfix } from '../../helpers/postfix';
 *   describeWithPostfix('against Postfix', () => { … POSTFIX.starttlsPort … });
 *
 * describeWithPostfix runs the block when Postfix answers on both ports. When it does not:
 *   - with SMTPCHECK_REQUIRE_POSTFIX set (CI), the test file fails with a message saying how to start it;
 *   - otherwise the block is skipped and a note says why (local runs without root).
 * The check is synchronous (a short child process) because jest decides describe vs describe.skip while
 * it loads the file.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Keep in sync with .ci/postfix-setup.sh. */
export const POSTFIX = {
  host: '127.0.0.1',
  /** smtpd with STARTTLS; AUTH only after STARTTLS (smtpd_tls_auth_only=yes). */
  starttlsPort: 2500,
  /** smtpd in wrapper mode (implicit TLS, like 465). */
  implicitTlsPort: 2465,
  /** myhostname; the banner is "220 mx.example.test ESMTP Postfix (Debian/GNU)". */
  hostname: 'mx.example.test',
  auth: { user: 'probe@example.test', pass: 'smtpcheck-postfix-test' },
  /** Local recipient (an alias) that RCPT accepts. */
  knownRcpt: 'postmaster@example.test',
  /** Not in the local recipient table: 550 5.1.1. */
  unknownRcpt: 'no-such-user@example.test',
  certFile: '/etc/ssl/certs/ssl-cert-snakeoil.pem',
} as const;

export const REQUIRE_ENV = 'SMTPCHECK_REQUIRE_POSTFIX';

const PROBE_SCRIPT = `
const net = require('net');
const ports = process.argv.slice(1).map(Number);
let left = ports.length;
for (const port of ports) {
  const s = net.connect({ host: '127.0.0.1', port });
  s.setTimeout(1500, () => process.exit(1));
  s.on('error', () => process.exit(1));
  s.on('connect', () => { s.destroy(); if (--left === 0) process.exit(0); });
}`;

let cached: boolean | undefined;

/** True when something listens on both Postfix test ports (checked once per test file). */
export function postfixRunning(): boolean {
  if (cached === undefined) {
    const r = spawnSync(process.execPath, ['-e', PROBE_SCRIPT, String(POSTFIX.starttlsPort), String(POSTFIX.implicitTlsPort)], { timeout: 5000 });
    cached = r.status === 0;
  }
  return cached;
}

/** The snakeoil certificate's host name (the machine's name), for a name-matching probe. */
export function snakeoilName(): string | undefined {
  try {
    const cert = new X509Certificate(readFileSync(POSTFIX.certFile));
    return /CN=([^\n,]+)/.exec(cert.subject)?.[1]?.trim();
  } catch {
    return undefined;
  }
}

export function describeWithPostfix(name: string, body: () => void): void {
  if (postfixRunning()) {
    describe(name, body);
    return;
  }
  const why = `Postfix is not listening on 127.0.0.1:${POSTFIX.starttlsPort}/${POSTFIX.implicitTlsPort}; run "sudo .ci/postfix-setup.sh" to start it.`;
  if (process.env[REQUIRE_ENV]) {
    describe(name, () => {
      test('Postfix is running (required by SMTPCHECK_REQUIRE_POSTFIX)', () => {
        throw new Error(why);
      });
    });
    return;
  }
  describe.skip(`${name} — skipped: ${why} (set ${REQUIRE_ENV}=1 to make this a failure)`, body);
}
