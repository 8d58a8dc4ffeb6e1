/**
 * Telling "outbound port 25 is blocked on this bot's network" apart from "the mail hosts are down".
 *
 * Most clouds block or throttle outbound port 25, which looks exactly like a dead MX: every
 * connection times out. When that happens on every probed MX address, we try a plain TCP connect
 * to the same (already vetted) addresses on a few other ports. Any answer — accepted or actively
 * refused (an RST is an answer) — proves the hosts are reachable from here, so the silence on 25 is
 * most likely our own egress filter. Nothing but a TCP handshake is sent; the socket is closed at once.
 */
import net from 'node:net';

/** Ports a mail host commonly answers on besides 25. */
export const DEFAULT_CONTROL_PORTS: readonly number[] = [587, 465, 443];

export interface ControlAnswer {
  ip: string;
  port: number;
  how: 'connected' | 'refused';
  ms: number;
}

function knock(ip: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<ControlAnswer | undefined> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: ip, port });
    let done = false;
    const finish = (answer: ControlAnswer | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(answer);
    };
    const ms = () => Math.round(performance.now() - started);
    const onAbort = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ ip, port, how: 'connected', ms: ms() }));
    socket.once('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ECONNREFUSED' ? { ip, port, how: 'refused', ms: ms() } : undefined));
  });
}

/** First address:port that answers at all, or undefined when none does within `timeoutMs`. */
export async function firstAnswer(
  ips: readonly string[],
  ports: readonly number[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ControlAnswer | undefined> {
  if (timeoutMs <= 0 || !ips.length || !ports.length) return undefined;
  const stop = new AbortController();
  const onOuter = () => stop.abort();
  signal?.addEventListener('abort', onOuter, { once: true });
  try {
    const attempts = ips.flatMap((ip) => ports.map((port) => knock(ip, port, timeoutMs, stop.signal).then((a) => {
      if (a) stop.abort();
      return a;
    })));
    const answers = await Promise.all(attempts);
    return answers.find((a): a is ControlAnswer => a !== undefined);
  } finally {
    signal?.removeEventListener('abort', onOuter);
  }
}
