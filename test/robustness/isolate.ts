/**
 * Engine calls in a worker thread that can be killed (IsolatedEngine). A runaway regular expression
 * blocks synchronously: jest's own timeout cannot interrupt it, so a hang would freeze the whole test
 * run. Here the worker is terminated after `limitMs`, the test sees `{ status: 'hung' }`, and the next
 * call starts a fresh worker.
 *
 * The worker loads the TypeScript sources directly (transpiled in memory with the project's
 * TypeScript, as bench/probe/load-ts.js does), so the suites test src/, never a stale dist/.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { TS_WORKER_PRELUDE } from '../helpers/ts-worker';

const ROOT = join(__dirname, '..', '..');

export type Call = 'diagnose' | 'parse' | 'looksLikeBounce' | 'unescapeSlack' | 'explainAndRender';

export interface CallOptions {
  origin?: 'paste' | 'file' | 'stdin' | 'slack' | 'command';
  maxBytes?: number;
}

export type Outcome =
  | { status: 'ok'; kind?: string; recipients?: string[]; causes?: string[]; warnings?: string[]; value?: unknown }
  | { status: 'refused'; name: string; code?: string; message: string; stack?: string }
  | { status: 'hung'; limitMs: number };

const WORKER = `
${TS_WORKER_PRELUDE}
// Load the engine before saying ready, so a call's limit measures the call alone.
src('pipeline.ts'); src('bot/engine.ts'); src('bot/handle.ts'); src('render/text.ts'); src('render/blockkit.ts'); src('explain/index.ts');
function run({ call, input, opts }) {
  const bytes = input.kind === 'buffer' ? Buffer.from(input.data) : input.data;
  if (call === 'diagnose' || call === 'explainAndRender') {
    const d = src('pipeline.ts').diagnose(bytes, opts);
    const out = { status: 'ok', kind: d.kind, recipients: d.recipients.map((r) => r.address), causes: d.causes.map((c) => c.id), warnings: d.warnings };
    if (call === 'explainAndRender' && d.kind !== 'not-a-bounce') {
      const { createEngine } = src('bot/engine.ts');
      const { loadConfig } = src('config.ts');
      const engine = createEngine(loadConfig({}));
      const reply = src('bot/handle.ts').diagnosisReply(d, engine, undefined, 'paste');
      const text = src('render/text.ts').renderDiagnosisText(reply, {});
      const kit = src('render/blockkit.ts');
      const slack = kit.renderDiagnosis(reply);
      out.value = { textLength: text.length, blocks: slack.blocks.length, blockText: kit.blockTextLength(slack.blocks), fallback: slack.text.length, json: JSON.stringify(slack).length };
    }
    return out;
  }
  if (call === 'parse') {
    const r = src('parse/index.ts').parseReport(src('intake/index.ts').readInput(bytes, opts));
    return { status: 'ok', kind: r.kind, recipients: r.recipients.map((x) => x.address), warnings: r.warnings };
  }
  if (call === 'looksLikeBounce') return { status: 'ok', value: src('intake/index.ts').looksLikeBounce(bytes) };
  if (call === 'unescapeSlack') return { status: 'ok', value: src('intake/index.ts').unescapeSlack(bytes).length };
  throw new Error('unknown call ' + call);
}
parentPort.on('message', (job) => {
  let out;
  try {
    out = run(job);
  } catch (err) {
    out = { status: 'refused', name: err && err.name, code: err && err.code, message: String(err && err.message), stack: err && err.stack };
  }
  parentPort.postMessage(out);
});
parentPort.postMessage('ready');
`;

/**
 * One worker that serves calls one at a time; a call that runs past its limit kills the worker
 * (the next call starts a fresh one). Call close() in afterAll.
 */
export class IsolatedEngine {
  private worker?: Worker;
  private ready?: Promise<Worker>;

  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(WORKER, { eval: true, workerData: { root: ROOT } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
    return this.ready;
  }

  /** Runs `call` on `input`; kills the worker after limitMs and reports { status: 'hung' }. */
  async run(call: Call, input: string | Buffer, opts: CallOptions = {}, limitMs = 20000): Promise<Outcome> {
    const worker = await this.start();
    const data = Buffer.isBuffer(input) ? { kind: 'buffer', data: new Uint8Array(input) } : { kind: 'string', data: input };
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (m: Outcome) => {
        cleanup();
        resolve(m);
      };
      const onError = (e: Error) => {
        cleanup();
        this.reset();
        reject(e);
      };
      const timer = setTimeout(() => {
        cleanup();
        this.reset();
        resolve({ status: 'hung', limitMs });
      }, limitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ call, input: data, opts });
    });
  }

  private reset(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }
}
