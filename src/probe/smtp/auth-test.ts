/**
 * When the AUTH test may run, and with which mechanism.
 *
 * nodemailer sends AUTH PLAIN with the credentials even when the server advertised no AUTH, and even over
 * plaintext, and picks PLAIN when it recognises none of the advertised mechanisms. So the decision is made
 * here from the EHLO the server sent over TLS, before login() is ever called.
 */
import type { CertInfo } from '../types';

/** Mechanisms nodemailer can run with a user name and password, in our order of preference. */
const TESTABLE_MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5'];

export type AuthPlan = { run: true; method: string } | { run: false; reason: string };

/**
 * Credentials go out only over TLS to a certificate that verifies and names the host: over plaintext, or
 * to an untrusted or misnamed certificate, whoever sits in the middle would receive the bot's password.
 */
export function planAuthTest(secure: boolean, advertised: string[] | undefined, cert?: CertInfo): AuthPlan {
  if (!secure) return { run: false, reason: 'credentials were not sent: the session is not encrypted' };
  if (!cert?.trusted) {
    const why = cert?.trustError ? ` (${cert.trustError})` : '';
    return { run: false, reason: `credentials were not sent: the server's certificate is not trusted${why}` };
  }
  if (!cert.nameMatches) return { run: false, reason: 'credentials were not sent: the certificate is issued for another host name' };
  if (!advertised || advertised.length === 0) return { run: false, reason: 'credentials were not sent: the server does not offer AUTH' };
  const method = TESTABLE_MECHANISMS.find((m) => advertised.includes(m));
  if (!method) {
    return {
      run: false,
      reason: `the server offers only ${advertised.join(' ')}; smtpcheck can test ${TESTABLE_MECHANISMS.join(', ')}`,
    };
  }
  return { run: true, method };
}

export type AuthTestResult =
  | { status: 'skipped'; reason: string }
  | { status: 'ok'; method: string }
  | { status: 'failed'; method: string; reply?: string; code?: number; message: string }
  /** The session ended during the exchange; the session failure says why. */
  | { status: 'interrupted'; method: string };
