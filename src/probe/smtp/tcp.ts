/**
 * Opens the TCP connection ourselves, to the vetted IP only, so the connect time is exact and nodemailer
 * never resolves a name (its own resolver would bypass the guard and the test DNS).
 */
import net from 'node:net';

export interface TcpResult {
  socket?: net.Socket;
  ms: number;
  /** ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH, ABORTED … */
  errorCode?: string;
  errorMessage?: string;
}

export function openTcp(ip: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<TcpResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ ms: 0, errorCode: 'ABORTED', errorMessage: 'probe aborted' });
      return;
    }
    const socket = net.connect({ host: ip, port });
    let settled = false;
    const finish = (result: TcpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      if (!result.socket) socket.destroy();
      resolve(result);
    };
    const onError = (err: NodeJS.ErrnoException) => finish({ ms: elapsed(), errorCode: err.code ?? 'ESOCKET', errorMessage: err.message });
    const onAbort = () => finish({ ms: elapsed(), errorCode: 'ABORTED', errorMessage: 'probe aborted' });
    const timer = setTimeout(
      () => finish({ ms: elapsed(), errorCode: 'ETIMEDOUT', errorMessage: `no TCP answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      // Keep an error listener until nodemailer attaches its own, so an early RST cannot crash the process.
      socket.on('error', () => undefined);
      finish({ socket, ms: elapsed() });
    });
  });
}
