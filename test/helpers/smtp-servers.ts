/**
 * Scripted SMTP peers for tests and benches, on 127.0.0.1 ephemeral ports (listen on 0; parallel runs
 * never collide).
 *
 *   import { startPeer, allCommands, TEST_AUTH, TEST_ADDRESSES } from '../helpers/smtp-servers';
 *   const peer = await startPeer('mx-no-auth');      // { host: '127.0.0.1', port, name, commands, stop() }
 *   … probe 127.0.0.1:peer.port …
 *   await peer.stop();                                // closes the listener and every open socket
 *   expect(allCommands()).not.toContain('DATA');      // every command verb any peer of this process saw
 *
 * Two kinds of peer:
 * - `smtp-server` (the real nodemailer server library) for well-behaved MTAs with a real STARTTLS, AUTH and
 *   envelope handling: MX without AUTH (the Exchange story), AUTH only after STARTTLS, 535 on AUTH, each
 *   certificate defect, TLS 1.0 only, implicit TLS. Their certificates come from test/helpers/certs.ts and
 *   are issued for `name` (mx.example.test) by the test CA `(await getTestCerts()).ca.cert`.
 * - raw `net` peers driven by a small script, for what a library server will not do: wrong greetings,
 *   silence, hangs, garbage after "220 Ready to start TLS", replies split across TCP writes, floods.
 *
 * Envelope behaviour of the smtp-server peers (by address, so one peer covers every RCPT case):
 *   TEST_ADDRESSES.known → 250, .unknown → 550 5.1.1, .greylisted → 450 4.2.0 Greylisted,
 *   sender .blockedSender → MAIL FROM 554 5.7.1. Shapes follow Postfix's replies (smtpd(8)/postgrey).
 * No peer ever accepts DATA: smtp-server peers answer it 554, raw peers 502 — and it is recorded.
 *
 * 'blackhole' is a port whose SYNs go unanswered (a filtered port, as seen from outside): a child process
 * listens with backlog 1 and blocks its event loop, the accept queue is filled, and Linux then drops new
 * SYNs. `closedPort()` gives a port where nothing listens (connection refused).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import tls from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { getTestCerts, TEST_MX_NAME } from './certs';

export type PeerName =
  | 'mx-no-auth'
  | 'auth-after-starttls'
  | 'auth-535'
  | 'auth-login-only'
  | 'ntlm-only'
  | 'plain-auth-no-tls'
  | 'good-cert'
  | 'expired-cert'
  | 'wrong-name-cert'
  | 'self-signed-cert'
  | 'tls10-only'
  | 'implicit-tls'
  | 'greeting-421'
  | 'greeting-554'
  | 'tarpit'
  | 'close-before-greeting'
  | 'slow-banner'
  | 'hang-after-ehlo'
  | 'broken-starttls'
  | 'starttls-454'
  | 'split-multiline'
  | 'oversized-reply'
  | 'ehlo-502'
  | 'ehlo-helo-rejected'
  | 'blackhole';

export interface ScriptedPeer {
  host: '127.0.0.1';
  port: number;
  /** Name the peer's certificate is issued for (use it as the probe's host name). */
  name: string;
  /** Command lines this peer received, in order; AUTH payloads are masked. */
  commands: string[];
  stop(): Promise<void>;
}

export interface PeerOptions {
  /** slow-banner: how long to wait before the greeting (default 1500 ms). */
  bannerDelayMs?: number;
}

/** The account the AUTH-capable peers accept. */
export const TEST_AUTH = { user: 'probe@example.test', pass: 'Sw0rdfish-Test-Only' };

export const TEST_ADDRESSES = {
  known: 'postmaster@example.test',
  unknown: 'nobody@example.test',
  greylisted: 'grey@example.test',
  blockedSender: 'spammer@blocked.example',
  sender: 'probe@smtpcheck.example',
};

const everyCommand: string[] = [];

/** Command verbs (EHLO, MAIL, RCPT …) every peer of this process received. */
export function allCommands(): string[] {
  return everyCommand.slice();
}

export async function startPeer(name: PeerName, options: PeerOptions = {}): Promise<ScriptedPeer> {
  const factory = PEERS[name];
  return factory(options);
}

// ---------------------------------------------------------------------------------------------
// smtp-server peers

type ServerSpec = Partial<SMTPServerOptions> & {
  /** AUTH hidden until TLS is up (Postfix smtpd_tls_auth_only=yes). */
  authOnlyAfterTls?: boolean;
  /** Any login fails with 535 5.7.8. */
  rejectAllLogins?: boolean;
  certKind?: 'good' | 'expired' | 'wrongName' | 'selfSigned';
};

async function startLibraryPeer(spec: ServerSpec): Promise<ScriptedPeer> {
  const certs = await getTestCerts();
  const { authOnlyAfterTls, rejectAllLogins, certKind = 'good', ...serverOptions } = spec;
  const commands: string[] = [];
  const keyPair = certs[certKind];
  const options: SMTPServerOptions & { heloResponse?: string } = {
    name: TEST_MX_NAME,
    key: keyPair.key,
    cert: keyPair.cert,
    // smtp-server would otherwise look up the client's PTR: tests talk to 127.0.0.0/8 only.
    disableReverseLookup: true,
    authOptional: true,
    size: 36700160,
    heloResponse: '%s Hello %s',
    logger: commandRecorder(commands),
    onConnect(session, cb) {
      if (authOnlyAfterTls) session.disabledCommands = ['AUTH'];
      cb();
    },
    onSecure(_socket, session, cb) {
      if (authOnlyAfterTls) session.disabledCommands = [];
      cb();
    },
    onAuth(auth, _session, cb) {
      if (!rejectAllLogins && auth.username === TEST_AUTH.user && auth.password === TEST_AUTH.pass) {
        cb(null, { user: auth.username });
        return;
      }
      cb(smtpError(535, '5.7.8 Error: authentication failed: authentication failure'));
    },
    onMailFrom(address, _session, cb) {
      if (address.address === TEST_ADDRESSES.blockedSender) {
        cb(smtpError(554, `5.7.1 <${address.address}>: Sender address rejected: Access denied`));
        return;
      }
      cb();
    },
    onRcptTo(address, _session, cb) {
      const a = address.address;
      if (a === TEST_ADDRESSES.greylisted) {
        cb(smtpError(450, `4.2.0 <${a}>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/example.test.html`));
      } else if (a !== TEST_ADDRESSES.known) {
        cb(smtpError(550, `5.1.1 <${a}>: Recipient address rejected: User unknown in local recipient table`));
      } else {
        cb();
      }
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb(smtpError(554, '5.7.1 test peers never accept a message')));
    },
    ...serverOptions,
  };
  const server = new SMTPServer(options);
  server.on('error', () => undefined); // TLS failures of probes are expected here
  const port = await listen(server.server);
  return {
    host: '127.0.0.1',
    port,
    name: TEST_MX_NAME,
    commands,
    stop: () => new Promise<void>((resolve) => {
      for (const c of (server as unknown as { connections: Set<{ close(): void }> }).connections) c.close();
      server.close(() => resolve());
    }),
  };
}

function smtpError(code: number, message: string): Error {
  const err = new Error(message) as Error & { responseCode: number };
  err.responseCode = code;
  return err;
}

/** smtp-server logs each client line as ('C:', line) with tnx 'command'; AUTH payloads already redacted. */
function commandRecorder(commands: string[]) {
  const record = (meta: unknown, ...args: unknown[]) => {
    const m = meta as { tnx?: string; command?: string } | undefined;
    if (m?.tnx !== 'command' || args[0] !== 'C:') return;
    commands.push(String(args[1] ?? ''));
    if (m.command) everyCommand.push(m.command.toUpperCase());
  };
  return { trace: record, debug: record, info: record, warn: record, error: record, fatal: record };
}

// ---------------------------------------------------------------------------------------------
// raw peers

interface RawIo {
  /** Writes a reply; "\n" inside separates lines, CRLF is added. */
  reply(text: string): void;
  /** Writes bytes as they are (for split writes and garbage). */
  raw(chunk: string): void;
  /** Next command line, or undefined when the client closed. */
  command(): Promise<string | undefined>;
  startTls(options: tls.TlsOptions): Promise<void>;
  delay(ms: number): Promise<void>;
  close(): void;
}

type RawScript = (io: RawIo) => Promise<void>;

async function startRawPeer(script: RawScript): Promise<ScriptedPeer> {
  const commands: string[] = [];
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const io = rawIo(socket, commands, sockets, timers);
    script(io).catch(() => undefined).finally(() => io.close());
  });
  const port = await listen(server);
  return {
    host: '127.0.0.1',
    port,
    name: TEST_MX_NAME,
    commands,
    stop: () => new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function rawIo(plain: net.Socket, commands: string[], sockets: Set<net.Socket>, timers: Set<NodeJS.Timeout>): RawIo {
  let stream: net.Socket = plain;
  let buffer = '';
  let closed = false;
  const lines: string[] = [];
  let waiter: ((line: string | undefined) => void) | undefined;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i).replace(/\r$/, '');
      buffer = buffer.slice(i + 1);
      if (waiter) {
        const w = waiter;
        waiter = undefined;
        w(line);
      } else {
        lines.push(line);
      }
    }
  };
  const onClose = () => {
    closed = true;
    waiter?.(undefined);
    waiter = undefined;
  };
  plain.on('data', onData);
  plain.on('close', onClose);
  const write = (s: string) => {
    if (!closed && stream.writable) stream.write(s);
  };
  return {
    reply: (text) => write(text.split('\n').join('\r\n') + '\r\n'),
    raw: write,
    command: async () => {
      const line = lines.length ? lines.shift() : closed ? undefined : await new Promise<string | undefined>((r) => (waiter = r));
      if (line !== undefined) {
        commands.push(/^AUTH\s/i.test(line) ? line.split(' ').slice(0, 2).join(' ') : line);
        everyCommand.push(line.split(/[\s:]/, 1)[0].toUpperCase());
      }
      return line;
    },
    startTls: (options) => new Promise<void>((resolve, reject) => {
      plain.removeListener('data', onData);
      const secure = new tls.TLSSocket(plain, { isServer: true, ...options });
      sockets.add(secure);
      secure.on('error', (err) => reject(err));
      secure.on('secure', () => resolve());
      secure.on('data', onData);
      secure.on('close', onClose);
      stream = secure;
    }),
    delay: (ms) => new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    }),
    close: () => {
      closed = true;
      stream.end();
      plain.end();
    },
  };
}

/** A plain MTA loop after the greeting: EHLO/HELO/RSET/NOOP/QUIT, MAIL/RCPT accepted, DATA refused. */
async function serve(io: RawIo, ehlo: string[] = ['PIPELINING', 'SIZE 10240000', '8BITMIME']): Promise<void> {
  for (;;) {
    const line = await io.command();
    if (line === undefined) return;
    const verb = line.split(/[\s:]/, 1)[0].toUpperCase();
    if (verb === 'EHLO') {
      const lines = [TEST_MX_NAME, ...ehlo];
      io.reply(lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`).join('\n'));
    }
    else if (verb === 'HELO') io.reply(`250 ${TEST_MX_NAME}`);
    else if (verb === 'QUIT') {
      io.reply('221 2.0.0 Bye');
      return;
    } else if (verb === 'DATA') io.reply('502 5.5.1 test peers never accept a message');
    else if (['RSET', 'NOOP', 'MAIL', 'RCPT'].includes(verb)) io.reply('250 2.0.0 Ok');
    else io.reply('502 5.5.2 Error: command not recognized');
  }
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

// ---------------------------------------------------------------------------------------------
// ports that do not answer, or refuse

const BLACKHOLE_CHILD = `
const net = require('net');
const srv = net.createServer(() => undefined);
srv.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(srv.address().port + '\\n');
  // Stop accepting for good: the kernel's accept queue fills and further SYNs are dropped.
  setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000), 20);
});`;

async function startBlackhole(): Promise<ScriptedPeer> {
  const child = spawn(process.execPath, ['-e', BLACKHOLE_CHILD], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
  });
  await new Promise((r) => setTimeout(r, 100)); // let the child block
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 3; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    fillers.push(s);
    await new Promise((r) => setTimeout(r, 30));
  }
  return {
    host: '127.0.0.1',
    port,
    name: TEST_MX_NAME,
    commands: [],
    stop: async () => {
      for (const s of fillers) s.destroy();
      child.kill('SIGKILL');
    },
  };
}

/** A loopback port where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// the catalogue

const PEERS: Record<PeerName, (o: PeerOptions) => Promise<ScriptedPeer>> = {
  // The Exchange story's destination: an internet MX that takes mail anonymously. STARTTLS, no AUTH
  // before or after it; greeting and EHLO in Exchange's style.
  'mx-no-auth': () => startLibraryPeer({ banner: 'Microsoft ESMTP MAIL Service ready', disabledCommands: ['AUTH'] }),
  // Postfix with smtpd_tls_auth_only=yes.
  'auth-after-starttls': () => startLibraryPeer({ authOnlyAfterTls: true, authMethods: ['PLAIN', 'LOGIN'] }),
  'auth-535': () => startLibraryPeer({ authOnlyAfterTls: true, authMethods: ['PLAIN', 'LOGIN'], rejectAllLogins: true }),
  // Older servers and some appliances offer only AUTH LOGIN (user name and password on their own lines).
  'auth-login-only': () => startLibraryPeer({ authOnlyAfterTls: true, authMethods: ['LOGIN'] }),
  // Exchange receive connector with Integrated Windows authentication only.
  'ntlm-only': () => startLibraryPeer({ authOnlyAfterTls: true, authMethods: ['NTLM', 'GSSAPI'] }),
  // Legacy submission server: AUTH in plaintext, no STARTTLS.
  'plain-auth-no-tls': () => startLibraryPeer({ hideSTARTTLS: true, allowInsecureAuth: true, authMethods: ['PLAIN', 'LOGIN'] }),
  'good-cert': () => startLibraryPeer({ disabledCommands: ['AUTH'] }),
  'expired-cert': () => startLibraryPeer({ disabledCommands: ['AUTH'], certKind: 'expired' }),
  'wrong-name-cert': () => startLibraryPeer({ disabledCommands: ['AUTH'], certKind: 'wrongName' }),
  'self-signed-cert': () => startLibraryPeer({ disabledCommands: ['AUTH'], certKind: 'selfSigned' }),
  // A server stuck on TLS 1.0 (old appliance); the server side needs SECLEVEL=0 for it on OpenSSL 3 too.
  'tls10-only': () => startLibraryPeer({ disabledCommands: ['AUTH'], minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }),
  // Port-465 style: TLS from the first byte, AUTH over it.
  'implicit-tls': () => startLibraryPeer({ secure: true, authMethods: ['PLAIN', 'LOGIN'] }),

  'greeting-421': () => startRawPeer(async (io) => {
    io.reply(`421 4.3.2 ${TEST_MX_NAME} Service not available, closing transmission channel`);
  }),
  // RFC 5321 §3.1: a 554 greeting server waits for QUIT and answers everything else with 503.
  'greeting-554': () => startRawPeer(async (io) => {
    io.reply(`554 5.7.1 ${TEST_MX_NAME} Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org`);
    for (;;) {
      const line = await io.command();
      if (line === undefined) return;
      if (/^QUIT/i.test(line)) return io.reply('221 2.0.0 Bye');
      io.reply('503 5.5.1 No SMTP service here');
    }
  }),
  'tarpit': () => startRawPeer(async (io) => {
    await io.command(); // never greet; wait until the client gives up
  }),
  'close-before-greeting': () => startRawPeer(async () => undefined),
  'slow-banner': (o) => startRawPeer(async (io) => {
    await io.delay(o.bannerDelayMs ?? 1500);
    io.reply(`220 ${TEST_MX_NAME} ESMTP`);
    await serve(io);
  }),
  'hang-after-ehlo': () => startRawPeer(async (io) => {
    io.reply(`220 ${TEST_MX_NAME} ESMTP`);
    await io.command();
    await io.command(); // never answer EHLO
  }),
  'broken-starttls': () => startRawPeer(async (io) => {
    io.reply(`220 ${TEST_MX_NAME} ESMTP`);
    await io.command();
    io.reply(`250-${TEST_MX_NAME}\n250-STARTTLS\n250 8BITMIME`);
    await io.command();
    io.reply('220 2.0.0 Ready to start TLS');
    io.raw('this is not a TLS record, sorry\r\n');
    await io.command();
  }),
  'starttls-454': () => startRawPeer(async (io) => {
    io.reply(`220 ${TEST_MX_NAME} ESMTP`);
    await io.command();
    io.reply(`250-${TEST_MX_NAME}\n250-STARTTLS\n250 8BITMIME`);
    await io.command();
    io.reply('454 4.7.0 TLS not available due to local problem');
    await serve(io);
  }),
  // Multi-line greeting and EHLO cut mid-line across TCP writes (what slow links and proxies do).
  'split-multiline': () => startRawPeer(async (io) => {
    const pieces = [`220-${TEST_MX_NAME} ESMTP Postfix\r\n220-Unsolicited`, ' bulk mail prohibited\r', '\n220 ready\r\n'];
    for (const p of pieces) {
      io.raw(p);
      await io.delay(15);
    }
    await io.command();
    for (const p of [`250-${TEST_MX_NAME}\r\n250-PIPE`, 'LINING\r\n250-SIZE 5242', '880\r\n250-AUTH LOGIN ', 'PLAIN NTLM\r\n', '250 8BITMIME\r\n']) {
      io.raw(p);
      await io.delay(15);
    }
    await serve(io);
  }),
  // An EHLO that never ends: continuation lines until the client stops reading.
  'oversized-reply': () => startRawPeer(async (io) => {
    io.reply(`220 ${TEST_MX_NAME} ESMTP`);
    await io.command();
    io.raw(`250-${TEST_MX_NAME}\r\n`);
    const filler = `250-X-FILLER ${'x'.repeat(1000)}\r\n`.repeat(16);
    for (let i = 0; i < 32; i++) {
      io.raw(filler);
      await io.delay(1);
    }
    await io.command();
  }),
  'ehlo-502': () => startRawPeer(async (io) => {
    io.reply(`220 ${TEST_MX_NAME} SMTP ready`);
    const first = await io.command();
    if (first && /^EHLO/i.test(first)) io.reply('502 5.5.1 EHLO not implemented');
    await serve(io, []);
  }),
  'blackhole': () => startBlackhole(),
  'ehlo-helo-rejected': () => startRawPeer(async (io) => {
    io.reply(`220 ${TEST_MX_NAME} SMTP ready`);
    for (;;) {
      const line = await io.command();
      if (line === undefined) return;
      if (/^QUIT/i.test(line)) return io.reply('221 Bye');
      io.reply('550 5.7.1 Access denied');
    }
  }),
};
