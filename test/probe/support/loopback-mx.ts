/**
 * Several SMTP hosts on different loopback addresses (127.0.0.1, .2, .3 … — all routed to `lo` on
 * Linux without setup) sharing ONE port number, so a domain's MX records can point at them and a
 * single `--port` reaches every one, as port 25 would in production.
 *
 * Kinds: 'smtp' is a real smtp-server with STARTTLS (test CA certificate for mx.example.test),
 * RCPT postmaster@… accepted and everything else 550 5.1.1, DATA always refused;
 * 'silent' accepts the TCP connection and never says a word (tarpit / broken middlebox).
 *
 * Records per farm: every command line each host received, and the peak number of sessions open
 * across the farm at the same time (to show that hosts are probed in parallel).
 */
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { getTestCerts } from '../../helpers/certs';

export type HostKind = 'smtp' | 'silent';

export interface FarmHost {
  ip: string;
  kind: HostKind;
  /** Command lines received ("EHLO probe.test", "RCPT TO:<…>"). */
  commands: string[];
  connections: number;
}

export interface LoopbackFarm {
  port: number;
  hosts: FarmHost[];
  /** Most sessions open at the same moment, over all hosts. */
  peakConcurrent: number;
  /** Sessions open right now. */
  open: number;
  stop(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startLoopbackFarm(spec: { ip: string; kind: HostKind; bannerDelayMs?: number }[]): Promise<LoopbackFarm> {
  const certs = await getTestCerts();
  for (let attempt = 0; attempt < 20; attempt++) {
    const farm: LoopbackFarm = { port: 0, hosts: [], peakConcurrent: 0, open: 0, stop: async () => undefined };
    const servers: net.Server[] = [];
    const sockets = new Set<net.Socket>();
    const track = (host: FarmHost, socket: net.Socket) => {
      host.connections++;
      sockets.add(socket);
      farm.open++;
      farm.peakConcurrent = Math.max(farm.peakConcurrent, farm.open);
      socket.once('close', () => { farm.open--; sockets.delete(socket); });
    };
    const stopAll = async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
    };
    try {
      for (const { ip, kind, bannerDelayMs } of spec) {
        const host: FarmHost = { ip, kind, commands: [], connections: 0 };
        let server: net.Server;
        if (kind === 'silent') {
          server = net.createServer((socket) => { track(host, socket); socket.on('error', () => undefined); });
        } else {
          const record = (meta: unknown, ...args: unknown[]) => {
            if ((meta as { tnx?: string } | undefined)?.tnx === 'command' && args[0] === 'C:') host.commands.push(String(args[1]));
          };
          const smtp = new SMTPServer({
            name: certs.name,
            key: certs.good.key,
            cert: certs.good.cert,
            disableReverseLookup: true,
            authOptional: true,
            logger: { trace: record, debug: record, info: record, warn: record, error: record, fatal: record } as never,
            onConnect(_session, cb) {
              // A delay before the banner keeps sessions open long enough to overlap visibly.
              if (bannerDelayMs) setTimeout(() => cb(), bannerDelayMs);
              else cb();
            },
            onRcptTo(address, _session, cb) {
              if (address.address.startsWith('postmaster@')) cb();
              else cb(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown in local recipient table`));
            },
            onData(stream, _session, cb) {
              host.commands.push('DATA (body)');
              stream.resume();
              stream.on('end', () => cb(smtpError(554, '5.7.1 never')));
            },
          });
          smtp.on('error', () => undefined);
          smtp.server.on('connection', (socket: net.Socket) => track(host, socket));
          server = smtp.server;
        }
        servers.push(server);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(farm.port, ip, () => { server.off('error', reject); resolve(); });
        });
        if (!farm.port) farm.port = (server.address() as net.AddressInfo).port;
        farm.hosts.push(host);
      }
      farm.stop = stopAll;
      return farm;
    } catch (err) {
      await stopAll();
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error('loopback farm: no port free on every address after 20 tries');
}
