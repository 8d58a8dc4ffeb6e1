/**
 * A local authoritative DNS server for tests: dns2 3.0.0 on 127.0.0.1, UDP and TCP on the same
 * ephemeral port, answering from a declarative zone object and recording every query.
 *
 *   const dns = await startDnsServer({
 *     'example.test':        { MX: [{ priority: 10, exchange: 'mx1.example.test' }], TXT: ['v=spf1 -all'] },
 *     'mx1.example.test':    { A: ['127.0.0.2'] },
 *     'broken.test':         'SERVFAIL',            // every type answers SERVFAIL
 *     'slow.test':           'TIMEOUT',             // never answered (client times out)
 *     'half.test':           { A: ['127.0.0.3'], fail: { MX: 'SERVFAIL', TXT: 'TIMEOUT' } },
 *     '*.zen.example':       { A: ['127.0.0.2'] },  // wildcard: any name below zen.example
 *     'gone.test':           'NXDOMAIN',            // explicit (unknown names are NXDOMAIN anyway)
 *     'alias.test':          { CNAME: 'mx1.example.test' },
 *     [ptrName('127.0.0.2')]: { PTR: ['mx1.example.test'] },
 *   });
 *   const config = { ...probeConfig, dnsServers: [dns.address] };   // '127.0.0.1:53017'
 *   dns.queries      // [{ name: 'example.test', type: 'MX', transport: 'udp' }, …]
 *   dns.set('example.test', { MX: [] });                            // change the zone mid-test
 *   await dns.stop();
 *
 * Semantics, as a real authoritative server would answer:
 *   - a name absent from the zone → NXDOMAIN; a name present without the asked type → NODATA
 *     (NOERROR, empty answer) — so `{}` makes a name that exists but has no records;
 *   - TXT values: a string is one record (split into 255-byte character-strings like a zone file
 *     would), a string[] is one record given as explicit character-strings;
 *   - CNAME: asked for another type, the answer is the CNAME plus the target's records of that type
 *     (followed inside the zone, up to 8 steps);
 *   - `MX: [{ priority: 0, exchange: '' }]` is a null MX (RFC 7505);
 *   - names are matched case-insensitively, trailing dot ignored; exact names beat wildcards.
 */
import DNS = require('dns2');

const { Packet } = DNS;

export type RRType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME';
export type Fault = 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'TIMEOUT';

export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  MX?: { priority: number; exchange: string }[];
  TXT?: (string | string[])[];
  PTR?: string[];
  CNAME?: string;
  /** Answer these types with a fault instead of data ('*' = every type not listed). */
  fail?: Partial<Record<RRType | '*', Fault>>;
  /** TTL for this name's records (default 60). */
  ttl?: number;
}

export type Zone = Record<string, ZoneEntry | Fault>;

export interface DnsQuery {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

export interface DnsServerOptions {
  /** Answer for names that are not in the zone (default NXDOMAIN). */
  fallback?: Fault;
}

export interface TestDnsServer {
  host: '127.0.0.1';
  port: number;
  /** "127.0.0.1:<port>", ready for ProbeConfig.dnsServers / Resolver#setServers. */
  address: string;
  /** Every query received, in order. */
  queries: DnsQuery[];
  /** Replace (or add) one name's entry; `undefined` removes it. */
  set(name: string, entry: ZoneEntry | Fault | undefined): void;
  /** Queries for `name` (case-insensitive), optionally of one type. */
  queriesFor(name: string, type?: RRType): DnsQuery[];
  stop(): Promise<void>;
}

const TYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Packet.TYPE).map(([name, num]) => [num as number, name]),
);

const RCODE: Record<Exclude<Fault, 'TIMEOUT'>, number> = { NXDOMAIN: 3, SERVFAIL: 2, REFUSED: 5 };

function canonical(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The .arpa name to use as a zone key for an address's PTR record. */
export function ptrName(ip: string): string {
  if (ip.includes('.') && !ip.includes(':')) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups.map((g) => g.padStart(4, '0')).join('').split('').reverse().join('.')}.ip6.arpa`;
}

/** DNSBL query name: 4.3.2.1.<zone> for 1.2.3.4. */
export function dnsblName(ip: string, zone: string): string {
  return `${ip.split('.').reverse().join('.')}.${zone}`;
}

function splitTxt(value: string | string[]): Buffer[] {
  if (Array.isArray(value)) return value.map((s) => Buffer.from(s, 'utf8'));
  const bytes = Buffer.from(value, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255));
  return chunks.length ? chunks : [Buffer.alloc(0)];
}

export async function startDnsServer(initial: Zone = {}, opts: DnsServerOptions = {}): Promise<TestDnsServer> {
  const zone = new Map<string, ZoneEntry | Fault>();
  for (const [name, entry] of Object.entries(initial)) zone.set(canonical(name), entry);
  const queries: DnsQuery[] = [];

  const lookup = (name: string): ZoneEntry | Fault | undefined => {
    const exact = zone.get(name);
    if (exact !== undefined) return exact;
    // Longest wildcard suffix wins: *.b.c before *.c.
    const labels = name.split('.');
    for (let i = 1; i < labels.length; i++) {
      const wild = zone.get(`*.${labels.slice(i).join('.')}`);
      if (wild !== undefined) return wild;
    }
    return undefined;
  };

  const handle = (request: DNS.Packet, send: (r: DNS.Packet) => Promise<Buffer>, client: unknown): void => {
    const question = request.questions[0];
    if (!question) return;
    const qname = canonical(question.name);
    const typeName = TYPE_NAMES[question.type] ?? String(question.type);
    queries.push({ name: qname, type: typeName, transport: client && typeof (client as { write?: unknown }).write === 'function' ? 'tcp' : 'udp' });

    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    response.header.ra = 1;
    let name = qname;
    for (let hop = 0; hop < 8; hop++) {
      const entry = lookup(name);
      if (entry === undefined) {
        // A CNAME pointing out of the zone answers with the CNAME alone; an unknown name gets the fallback.
        if (hop > 0) break;
        const fallback = opts.fallback ?? 'NXDOMAIN';
        if (fallback === 'TIMEOUT') return;
        response.header.rcode = RCODE[fallback];
        break;
      }
      if (typeof entry === 'string') {
        if (entry === 'TIMEOUT') return;
        response.header.rcode = RCODE[entry];
        break;
      }
      const fault = entry.fail?.[typeName as RRType] ?? entry.fail?.['*'];
      if (fault) {
        if (fault === 'TIMEOUT') return;
        response.header.rcode = RCODE[fault];
        break;
      }
      const ttl = entry.ttl ?? 60;
      const base = { name, class: Packet.CLASS.IN, ttl };
      if (entry.CNAME && typeName !== 'CNAME') {
        response.answers.push({ ...base, type: Packet.TYPE.CNAME, domain: entry.CNAME } as DNS.Packet.Resource);
        name = canonical(entry.CNAME);
        continue;
      }
      switch (typeName) {
        case 'A':
          for (const address of entry.A ?? []) response.answers.push({ ...base, type: Packet.TYPE.A, address } as DNS.Packet.Resource);
          break;
        case 'AAAA':
          for (const address of entry.AAAA ?? []) response.answers.push({ ...base, type: Packet.TYPE.AAAA, address } as DNS.Packet.Resource);
          break;
        case 'MX':
          for (const mx of entry.MX ?? []) response.answers.push({ ...base, type: Packet.TYPE.MX, exchange: mx.exchange, priority: mx.priority } as DNS.Packet.Resource);
          break;
        case 'TXT':
          for (const txt of entry.TXT ?? []) response.answers.push({ ...base, type: Packet.TYPE.TXT, data: splitTxt(txt) } as unknown as DNS.Packet.Resource);
          break;
        case 'PTR':
          for (const domain of entry.PTR ?? []) response.answers.push({ ...base, type: Packet.TYPE.PTR, domain } as DNS.Packet.Resource);
          break;
        case 'CNAME':
          if (entry.CNAME) response.answers.push({ ...base, type: Packet.TYPE.CNAME, domain: entry.CNAME } as DNS.Packet.Resource);
          break;
        default:
          break;
      }
      break;
    }
    void send(response).catch(() => undefined);
  };

  // UDP first on an ephemeral port, then TCP on the same number (c-ares retries a truncated
  // answer over TCP to the same port). If that TCP port is taken, start over.
  for (let attempt = 0; ; attempt++) {
    const server = DNS.createServer({ udp: true, tcp: true, handle });
    const udp = (server as unknown as { servers: { udp: import('node:dgram').Socket; tcp: import('node:net').Server } }).servers;
    await new Promise<void>((resolve, reject) => {
      udp.udp.once('error', reject);
      udp.udp.bind(0, '127.0.0.1', () => { udp.udp.off('error', reject); resolve(); });
    });
    const port = udp.udp.address().port;
    const tcpOk = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      udp.tcp.once('error', onError);
      udp.tcp.listen(port, '127.0.0.1', () => { udp.tcp.off('error', onError); resolve(true); });
    });
    if (!tcpOk) {
      udp.udp.close();
      if (attempt >= 10) throw new Error('dns-server: could not get the same UDP and TCP port after 10 tries');
      continue;
    }
    // Sockets held open by clients must not keep stop() waiting.
    const sockets = new Set<import('node:net').Socket>();
    udp.tcp.on('connection', (s) => { sockets.add(s); s.once('close', () => sockets.delete(s)); });

    return {
      host: '127.0.0.1',
      port,
      address: `127.0.0.1:${port}`,
      queries,
      set(name, entry) {
        if (entry === undefined) zone.delete(canonical(name));
        else zone.set(canonical(name), entry);
      },
      queriesFor(name, type) {
        const n = canonical(name);
        return queries.filter((q) => q.name === n && (!type || q.type === type));
      },
      async stop() {
        for (const s of sockets) s.destroy();
        await server.close();
      },
    };
  }
}
