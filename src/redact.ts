/**
 * Masks secrets in any text bound for Slack, logs or errors: Slack tokens, AUTH exchanges,
 * and values registered at start-up (SMTP password, signing secret).
 */
const TOKEN_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{6,}/g, // Slack bot/user/legacy tokens
  /\bxapp-[A-Za-z0-9-]{6,}/g, // Slack app-level tokens
  /(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|CRAM-MD5)\s+)[A-Za-z0-9+/=]{8,}/gi, // SMTP AUTH initial responses
];

const registered = new Set<string>();

/** Register a configured secret so it is masked wherever it appears. Short values are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) registered.add(value);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const re of TOKEN_PATTERNS) {
    out = out.replace(re, (_m, prefix?: string) => (typeof prefix === 'string' && prefix ? `${prefix}[redacted]` : '[redacted]'));
  }
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  return out;
}
