'use strict';
/**
 * The Slack side of bench/slack.js, in its own process so the bot's memory is measured alone: the fake
 * Slack (test/fake-slack, the same one the tests use), a local DNS server and a scripted SMTP peer
 * (test/helpers). It plays users on command from the parent over IPC and times what it sees:
 * when the ack came back, and when the bot's answer reached the Web API.
 */
const { performance } = require('perf_hooks');
const path = require('path');
require('./ts-hook').register();

const TEST = path.resolve(__dirname, '..', '..', 'test');
const { startFakeSlack } = require(path.join(TEST, 'fake-slack', 'index.ts'));
const { startDnsServer } = require(path.join(TEST, 'helpers', 'dns-server.ts'));
const { startPeer } = require(path.join(TEST, 'helpers', 'smtp-servers.ts'));

let fake;
let dns;
let peer;

/** The first Web API call after `since` that `pred` accepts, waited for. */
function callAfter(since, pred, timeoutMs = 30000) {
  return fake.waitFor(() => fake.calls.find((c) => c.at >= since && c.ok && pred(c)), timeoutMs, 'bot answer');
}

const handlers = {
  async start() {
    fake = await startFakeSlack({ echoBotMessages: process.env.BENCH_ECHO !== '0' });
    peer = await startPeer('mx-no-auth');
    dns = await startDnsServer({
      'example.test': { MX: [{ priority: 10, exchange: 'mx.example.test' }] },
      'mx.example.test': { A: ['127.0.0.1'] },
    });
    return { apiUrl: fake.apiUrl, botToken: fake.botToken, appToken: fake.appToken, dns: dns.address, peerPort: peer.port };
  },

  /** One pasted bounce per run: event ack time, and time until the threaded reply was posted. */
  async paste({ runs, texts }) {
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const { message, ack } = await fake.postMessage('C0GENERAL', 'U0ALICE', texts[i % texts.length]);
      const reply = await callAfter(t0, (c) => c.method === 'chat.postMessage' && c.args.thread_ts === message.ts);
      out.push({ ack: ack.ms, reply: reply.at - t0 });
      await fake.settle(); // the echo of the bot's own reply is delivered (and ignored) before the next paste
    }
    await fake.settle();
    return out;
  },

  /** One `/smtpcheck mx.example.test:<peer>` per run: ack, first visible answer (the root), probe report, root verdict. */
  async slash({ runs }) {
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const { ack } = await fake.slashCommand('C0GENERAL', `U0USER${i % 7}`, `mx.example.test:${peer.port}`);
      const root = await callAfter(t0, (c) => c.method === 'chat.postMessage' && !c.args.thread_ts && String(c.args.text).startsWith('Checking'));
      const rootTs = root.result.ts;
      const report = await callAfter(t0, (c) => c.method === 'chat.postMessage' && c.args.thread_ts === rootTs);
      const verdict = await callAfter(t0, (c) => c.method === 'chat.update' && c.args.ts === rootTs);
      out.push({ ack: ack.ms, first: root.at - t0, report: report.at - t0, verdict: verdict.at - t0 });
      await fake.settle();
    }
    await fake.settle();
    return out;
  },

  async stop() {
    await fake.waitForNoSockets(10000).catch(() => undefined);
    await Promise.all([fake.stop(), dns.stop(), peer.stop()]);
    return {};
  },
};

process.on('message', async ({ id, cmd, args }) => {
  try {
    process.send({ id, ok: true, result: await handlers[cmd](args || {}) });
  } catch (err) {
    process.send({ id, ok: false, error: String(err && err.stack || err) });
  }
});
process.send({ ready: true });
