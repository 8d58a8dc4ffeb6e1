/**
 * Comcast (Xfinity). Source: https://postmaster.comcast.net/smtp-error-codes.php (error codes
 * quoted in replies, e.g. "RL000001", "BL000000").
 */
import type { TextRule } from '../types';

const C = 'https://postmaster.comcast.net/smtp-error-codes.php';
const p = 'comcast' as const;

export const COMCAST_RULES: readonly TextRule[] = [
  {
    id: 'comcast-requires-rdns', cause: 'ptr-missing', tier: 'provider', provider: p,
    pattern: /comcast requires (?:that all mail servers|valid rdns|rdns)|rdns/,
    example: '554 mta1.comcast.net comcast 203.0.113.2 Comcast requires that all mail servers must have a PTR record with a valid Reverse DNS entry. Currently your mail server does not fill that requirement.',
    source: C,
  },
  {
    id: 'comcast-blocklisted', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /\bbl0000\d\d\b|found on one or more (?:rbls|blacklists)|spamhaus/,
    example: '554 resimta-ch2-18v.sys.comcast.net comcast 192.0.2.1 found on one or more RBLs (BL000000)',
    source: C,
  },
  {
    id: 'comcast-rate-limit', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /\brl0000\d\d\b|too many (?:messages|sessions)/,
    example: '421 resimta-po-31v.sys.comcast.net comcast 192.0.2.1 Too many sessions opened RL000001',
    source: C,
  },
  {
    id: 'comcast-spf', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /spf (?:fail|check failed)/,
    example: '550 5.7.1 resimta-ch2-09v.sys.comcast.net comcast 192.0.2.1 SPF check failed for sender domain example.com',
    source: C,
  },
];
