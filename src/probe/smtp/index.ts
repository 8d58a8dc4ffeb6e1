/**
 * SMTP/TLS side of the live probe. runProbe (src/probe/index.ts) calls probeSmtpHost once per
 * (vetted IP, port); everything else in this folder is its machinery.
 */
export { probeSmtpHost } from './probe-host';
export type { PortRole, SmtpHostResult, SmtpHostTarget, SmtpMode, SmtpProbeOptions } from './types';
export { defaultMode, portRole } from './port-role';
