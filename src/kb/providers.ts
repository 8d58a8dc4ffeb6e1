/**
 * Which mailbox provider or filtering service wrote a reply. Providers reuse registered status codes
 * with their own meanings (Gmail 5.7.27, Microsoft 5.7.708 …), so their rules only apply when the
 * reply is known to come from them.
 *
 * Evidence, strongest first: the remote host name, markers inside the reply text (Gmail's "gsmtp"
 * suffix, Outlook's "prod.outlook.com" trailer), then the recipient's domain (gmail.com is served by Google).
 * Host tables learnt from Sisimai's rhost tables (BSD-2, (c) azumakuniyuki); rows are our own.
 */

export const PROVIDER_IDS = [
  'google', 'microsoft', 'yahoo', 'aol', 'apple', 'comcast', 'att', 'orange', 'godaddy', 'mimecast',
  'proofpoint', 'cox', 'spectrum', 'tencent', 'zoho', 'messagelabs', 'facebook', 'amazonses', 'mailru',
  'kddi', 'docomo', 'gmx', 'cloudflare', 'iua',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface Provider {
  id: ProviderId;
  name: string;
  /** Host name suffixes of the provider's MX/relay hosts (lower case, leading dot = any subdomain). */
  hosts: readonly string[];
  /** Recipient domains whose mail the provider receives. */
  domains: readonly string[];
  /**
   * Wordings that only this provider's replies contain (tested on the lower-cased reply). Gaps are bounded
   * (`.{0,100}`, never `.*`): an unbounded gap rescans to the end from every repeat of the word before it.
   */
  markers: readonly RegExp[];
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'google', name: 'Google (Gmail / Workspace)',
    hosts: ['.google.com', '.googlemail.com', '.gmail.com', 'google.com', 'googlemail.com'],
    domains: ['gmail.com', 'googlemail.com'],
    markers: [/ - gsmtp\b/, /\bgsmtp\b/, /support\.google\.com\/(?:mail|a)\b/],
  },
  {
    id: 'microsoft', name: 'Microsoft (Exchange Online / Outlook.com)',
    hosts: ['.outlook.com', '.protection.outlook.com', '.prod.outlook.com', '.onmicrosoft.com', '.exchangelabs.com',
      '.hotmail.com', '.outlook.office365.com', '.office365.com', '.messaging.microsoft.com'],
    domains: ['hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'hotmail.fr', 'outlook.jp', 'live.jp'],
    markers: [/\.prod\.outlook\.com\b/, /\.protection\.outlook\.com\b/, /\.prod\.exchangelabs\.com\b/,
      /\bsender\.office\.com\b/, /aka\.ms\/(?:postmaster|exosmtpauth|smtp_auth)/, /postmaster\.live\.com/, /\bas\(\d{3,5}\)/],
  },
  {
    id: 'yahoo', name: 'Yahoo',
    hosts: ['.yahoodns.net', '.yahoo.com', '.yahoo.net', '.yahoo.co.jp'],
    domains: ['yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'ymail.com', 'rocketmail.com', 'yahoo.co.jp'],
    markers: [/postmaster\.(?:yahooinc|verizonmedia|yahoo)\.com/, /senders\.yahooinc\.com/, /\[(?:tss|bl|ph)\d\d\]/],
  },
  {
    id: 'aol', name: 'AOL',
    hosts: ['.mx.aol.com', '.mail.aol.com', '.aol.com'],
    domains: ['aol.com', 'aim.com', 'aol.jp'],
    markers: [],
  },
  {
    id: 'apple', name: 'Apple iCloud Mail',
    hosts: ['.mail.icloud.com', '.icloud.com', '.apple.com', '.me.com', 'me.com.akadns.net'],
    domains: ['icloud.com', 'me.com', 'mac.com'],
    markers: [/support\.apple\.com\//],
  },
  {
    id: 'comcast', name: 'Comcast (Xfinity)',
    hosts: ['.comcast.net'],
    domains: ['comcast.net'],
    markers: [/\bcomcast\b.{0,100}\b(?:requires|block|policy)/, /postmaster\.comcast\.net/],
  },
  {
    id: 'att', name: 'AT&T',
    hosts: ['.att.net', '.prodigy.net', '.sbcglobal.net', '.bellsouth.net'],
    domains: ['att.net', 'sbcglobal.net', 'bellsouth.net'],
    markers: [/att\.net\/blocks/],
  },
  {
    id: 'orange', name: 'Orange / La Poste (France)',
    hosts: ['.orange.fr', '.wanadoo.fr', '.laposte.net'],
    domains: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
    markers: [/\b(?:ofr|lpn|lpnaaa|ouk)\d*_\d{3}\b/],
  },
  {
    id: 'godaddy', name: 'GoDaddy (secureserver.net)',
    hosts: ['.secureserver.net'],
    domains: [],
    markers: [/\bib\d{3}\b/, /secureserver\.net/],
  },
  {
    id: 'mimecast', name: 'Mimecast',
    hosts: ['.mimecast.com', '.mimecast.co.za', '.mimecast-offshore.com'],
    domains: [],
    markers: [/\bmimecast\b/],
  },
  {
    id: 'proofpoint', name: 'Proofpoint',
    hosts: ['.pphosted.com', '.ppe-hosted.com', '.proofpoint.com'],
    domains: [],
    markers: [/\bproofpoint\b/, /\bpphosted\b/],
  },
  {
    id: 'cox', name: 'Cox',
    hosts: ['.cox.net'],
    domains: ['cox.net'],
    markers: [/\baup#(?:cx|cd|ip|url)/, /cox\.com\/.{0,100}postmaster/],
  },
  {
    id: 'spectrum', name: 'Spectrum (Charter)',
    hosts: ['.charter.net', '.rr.com', '.spectrum.net'],
    domains: ['charter.net', 'spectrum.net'],
    markers: [/\baup#[io]-?\d{4}\b/],
  },
  {
    id: 'tencent', name: 'Tencent QQ Mail',
    hosts: ['.qq.com', '.qq.com.cn'],
    domains: ['qq.com', 'foxmail.com'],
    markers: [/service\.mail\.qq\.com/],
  },
  {
    id: 'zoho', name: 'Zoho Mail',
    hosts: ['.zoho.com', '.zoho.eu', '.zohomail.com'],
    domains: ['zoho.com', 'zohomail.com'],
    markers: [],
  },
  {
    id: 'messagelabs', name: 'Broadcom (Symantec) Email Security / MessageLabs',
    hosts: ['.messagelabs.com'],
    domains: [],
    markers: [/\bmessagelabs\b/],
  },
  {
    id: 'facebook', name: 'Facebook',
    hosts: ['.facebook.com'],
    domains: ['facebook.com'],
    markers: [/postmaster\.facebook\.com/],
  },
  {
    id: 'amazonses', name: 'Amazon SES',
    hosts: ['.amazonses.com', 'email-smtp.amazonaws.com'],
    domains: [],
    markers: [/\bamazonses\b/],
  },
  {
    id: 'mailru', name: 'Mail.ru',
    hosts: ['.mail.ru'],
    domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru'],
    markers: [/help\.mail\.ru/],
  },
  {
    id: 'kddi', name: 'KDDI (au)',
    hosts: ['.ezweb.ne.jp', 'msmx.au.com'],
    domains: ['ezweb.ne.jp', 'au.com'],
    markers: [],
  },
  {
    id: 'docomo', name: 'NTT DOCOMO',
    hosts: ['mfsmax.docomo.ne.jp', '.docomo.ne.jp'],
    domains: ['docomo.ne.jp'],
    markers: [],
  },
  {
    id: 'gmx', name: 'GMX / WEB.DE / 1&1',
    hosts: ['.gmx.net', '.gmx.com', '.web.de', '.kundenserver.de', '.1and1.com', '.mail.com'],
    domains: ['gmx.net', 'gmx.de', 'gmx.com', 'web.de', 'mail.com'],
    markers: [/postmaster\.1and1\.com/],
  },
  {
    id: 'cloudflare', name: 'Cloudflare Email Routing',
    hosts: ['.mx.cloudflare.net'],
    domains: [],
    markers: [],
  },
  {
    id: 'iua', name: 'i.ua',
    hosts: ['.email.ua'],
    domains: ['i.ua'],
    markers: [],
  },
];

const BY_ID = new Map(PROVIDERS.map((p) => [p.id, p]));

export function providerById(id: ProviderId): Provider {
  const p = BY_ID.get(id);
  if (!p) throw new Error(`unknown provider ${id}`);
  return p;
}

/** The first host of a provider, for building examples (the KB self-test). */
export function sampleHost(id: ProviderId): string {
  const h = providerById(id).hosts[0] ?? '';
  return h.startsWith('.') ? `mx${h}` : h;
}

// A host matches a row when it equals the row's name or is a subdomain of it ('.x.com' and 'x.com' alike).
const HOST_INDEX = new Map<string, ProviderId>();
for (const p of PROVIDERS) for (const h of p.hosts) { const k = h.replace(/^\./, ''); if (!HOST_INDEX.has(k)) HOST_INDEX.set(k, p.id); }

const DOMAIN_INDEX = new Map<string, ProviderId>(PROVIDERS.flatMap((p) => p.domains.map((d) => [d, p.id] as const)));

export function providerByHost(host: string | undefined): ProviderId | undefined {
  if (!host) return undefined;
  let h = host.toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  // Longest suffix first: the whole name, then each parent domain.
  for (let i = -1; i < h.length; i = h.indexOf('.', i + 1)) {
    const id = HOST_INDEX.get(i < 0 ? h : h.slice(i + 1));
    if (id) return id;
    if (h.indexOf('.', i + 1) < 0) break;
  }
  return undefined;
}

// One pass to tell whether any provider's marker occurs at all (most replies have none).
const ANY_MARKER = new RegExp(PROVIDERS.flatMap((p) => p.markers.map((m) => `(?:${m.source})`)).join('|'));

export function providerByText(lowerText: string): ProviderId | undefined {
  if (!lowerText || !ANY_MARKER.test(lowerText)) return undefined;
  for (const p of PROVIDERS) for (const m of p.markers) if (m.test(lowerText)) return p.id;
  return undefined;
}

export function providerByDomain(address: string | undefined): ProviderId | undefined {
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  const domain = (at >= 0 ? address.slice(at + 1) : address).toLowerCase();
  return DOMAIN_INDEX.get(domain);
}

export interface ProviderHints {
  remoteHost?: string;
  /** Lower-cased reply text. */
  text?: string;
  recipient?: string;
  /** The host that wrote the report: a provider relaying another server's reply words it in its own way. */
  reportingMta?: string;
}

/** The provider that most likely wrote the reply, or undefined. */
export function detectProvider(h: ProviderHints): ProviderId | undefined {
  return providerByHost(h.remoteHost) ?? providerByText(h.text ?? '') ?? providerByDomain(h.recipient) ?? providerByHost(h.reportingMta);
}
