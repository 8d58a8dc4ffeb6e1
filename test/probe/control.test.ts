import net from 'node:net';
import { firstAnswer } from '../../src/probe/control';

let server: net.Server;
let open: number;
let closed: number;

beforeAll(async () => {
  server = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  open = (server.address() as net.AddressInfo).port;
  // A port that was just free: connecting to it on loopback is refused with an RST.
  const tmp = net.createServer();
  await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
  closed = (tmp.address() as net.AddressInfo).port;
  await new Promise((r) => tmp.close(r));
});
afterAll(() => new Promise((r) => server.close(r)));

test('an accepted connection on any control port is an answer', async () => {
  expect(await firstAnswer(['127.0.0.1'], [closed, open], 2000)).toMatchObject({ ip: '127.0.0.1', port: expect.any(Number) });
  expect(await firstAnswer(['127.0.0.1'], [open], 2000)).toMatchObject({ port: open, how: 'connected' });
});

test('an active refusal (RST) also proves the host is reachable', async () => {
  expect(await firstAnswer(['127.0.0.1'], [closed], 2000)).toMatchObject({ port: closed, how: 'refused' });
});

test('nothing to try, or no time, is no answer', async () => {
  expect(await firstAnswer(['127.0.0.1'], [], 2000)).toBeUndefined();
  expect(await firstAnswer([], [open], 2000)).toBeUndefined();
  expect(await firstAnswer(['127.0.0.1'], [open], 0)).toBeUndefined();
});
