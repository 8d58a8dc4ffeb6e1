/**
 * What a port is for, and how its session reaches TLS by default.
 * 25 is server-to-server relay with opportunistic TLS (RFC 7435); 465 and 587 are client submission
 * (RFC 8314, RFC 6409); 2525 is the widespread alternative submission port of mail services.
 * Any other port (e.g. a test MTA on 2500) is graded like 25 unless the caller passes `role`.
 */
import type { PortRole, SmtpMode } from './types';

interface PortDefaults {
  role: PortRole;
  mode: SmtpMode;
}

const PORTS: Record<number, PortDefaults> = {
  25: { role: 'mx', mode: 'starttls' },
  465: { role: 'submission', mode: 'implicit-tls' },
  587: { role: 'submission', mode: 'starttls' },
  2525: { role: 'submission', mode: 'starttls' },
};

const OTHER: PortDefaults = { role: 'mx', mode: 'starttls' };

export function portRole(port: number): PortRole {
  return (PORTS[port] ?? OTHER).role;
}

export function defaultMode(port: number): SmtpMode {
  return (PORTS[port] ?? OTHER).mode;
}
