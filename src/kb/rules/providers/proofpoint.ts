/**
 * Proofpoint (pphosted.com). Source: https://help.proofpoint.com (Essentials / PPS SMTP error codes)
 * and Proofpoint's dnsbl lookup notices.
 */
import type { TextRule } from '../types';

const P = 'https://support.proofpoint.com/dnsbl-lookup.cgi';
const p = 'proofpoint' as const;

export const PROOFPOINT_RULES: readonly TextRule[] = [
  {
    id: 'proofpoint-dnsbl', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /blocked - see https?:\/\/(?:support\.proofpoint\.com\/dnsbl-lookup|ipcheck\.proofpoint\.com)/,
    example: '550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.1',
    source: P,
  },
  {
    id: 'proofpoint-spam', cause: 'spam-content', tier: 'provider', provider: p,
    pattern: /message rejected (?:as|because it appears to be) spam|spam message rejected/,
    example: '554 5.7.1 Message rejected as spam by Proofpoint',
    source: 'https://help.proofpoint.com/Proofpoint_Essentials/Email_Security/Administrator_Topics/000_gettingstarted/020_connectiondetails/Proofpoint_Essentials_SMTP_Error_Codes',
  },
  {
    id: 'proofpoint-relay', cause: 'relay-denied', tier: 'provider', provider: p,
    pattern: /relay(?:ing)? (?:access )?denied|relay not permitted/,
    example: '550 5.7.1 Relaying denied',
    source: 'https://help.proofpoint.com/Proofpoint_Essentials/Email_Security/Administrator_Topics/000_gettingstarted/020_connectiondetails/Proofpoint_Essentials_SMTP_Error_Codes',
  },
];
