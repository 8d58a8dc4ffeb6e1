/**
 * The local console: what `npm start` runs when no Slack tokens are set. A chat bot's shell adapter —
 * paste a bounce or type a command, get the same answer the Slack bot posts in a thread, rendered for a
 * terminal. The console is one conversation: it keeps the reply state, the last paste and the last probe
 * report in memory, which is what a Slack thread keeps for the bot.
 *
 * Input rules (pastes, the `.` terminator, pauses) are in console/gather.ts. With piped stdin it
 * processes everything, then returns.
 */
import { createInterface } from 'node:readline';
import { createEngine } from '../bot/engine';
import { commandFromText, handleCommand, initialState } from '../bot/handle';
import type { BotReply, ConversationState, Engine } from '../bot/types';
import type { Config } from '../config';
import { createLogger, type Logger } from '../logger';
import type { ProbeProgress, ProbeReport } from '../probe/types';
import { redactSecrets } from '../redact';
import { renderReplyText } from '../render/text';
import { styleFor, wrap } from '../render/terminal';
import { Gatherer, type ConsoleMessage } from './gather';

export interface ConsoleIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ConsoleOptions {
  /** Replaces the real engine (tests). */
  engine?: Engine;
  logger?: Logger;
  /** Input silence that ends a paste, in ms. */
  pauseMs?: number;
  env?: Record<string, string | undefined>;
}

const DEFAULT_PAUSE_MS = 150;
const PROMPT = 'smtpcheck> ';

export function bannerText(width = 80): string {
  return [
    'smtpcheck local console — no Slack tokens are set, so answers are printed here.',
    ...wrap('To run the Slack bot instead, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode), or SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_MODE=http, in the environment or in .env.', width),
    ...wrap('Paste a bounce (it ends when you pause, or at a line holding a single dot), or type a command: probe example.com, recheck, transcript, platform exchange-2003, details, help, quit.', width),
    '',
  ].join('\n');
}

/** The console's memory of its one conversation. */
class Conversation {
  state: ConversationState = initialState();
  lastBounce?: string;
  lastReport?: ProbeReport;

  remember(text: string, reply: BotReply): void {
    this.state = reply.state;
    if (reply.kind === 'diagnosis' && reply.trigger === 'paste') this.lastBounce = text;
    if (reply.kind === 'probe') this.lastReport = reply.report;
  }
}

export async function runConsole(config: Config, io: ConsoleIo, opts: ConsoleOptions = {}): Promise<void> {
  const env = opts.env ?? process.env;
  const tty = io.input.isTTY === true;
  const style = styleFor(io.output, env);
  const engine = opts.engine ?? createEngine(config);
  const logger = opts.logger ?? createLogger(config.logLevel);
  const pauseMs = opts.pauseMs ?? DEFAULT_PAUSE_MS;
  const conversation = new Conversation();
  const write = (text: string) => io.output.write(text);

  const rl = createInterface({ input: io.input, ...(tty ? { output: io.output } : {}), terminal: tty, prompt: PROMPT });
  const queue: ConsoleMessage[] = [];
  let ended = false;
  let quitting = false;
  let running: AbortController | undefined;
  let wake: (() => void) | undefined;

  const gatherer = new Gatherer((m) => {
    queue.push(m);
    wake?.();
  }, tty ? 'burst' : 'line');

  let timer: NodeJS.Timeout | undefined;
  const armPause = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function onPause() {
      // A terminal holds a pasted last line without its newline until Enter: wait for it.
      if (tty && rl.line) return;
      gatherer.pause();
    }, pauseMs);
  };
  io.input.on('data', armPause);
  rl.on('line', (line) => {
    if (!quitting) gatherer.line(line);
    armPause();
  });
  rl.on('close', () => {
    if (timer) clearTimeout(timer);
    gatherer.end();
    ended = true;
    wake?.();
  });
  // Ctrl-C in a terminal: stop a running probe, else leave.
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else rl.close();
  });

  write(bannerText());

  const answer = async (text: string, pasted: boolean) => {
    if (!tty) write(`\n> ${pasted && text.includes('\n') ? `(pasted ${text.split('\n').length} lines)` : text.split('\n')[0]}\n`);
    const cmd = commandFromText(text, engine);
    if (tty && (cmd.kind === 'probe' || cmd.kind === 'recheck')) write(style.dim('Probing… (no message will be sent; Ctrl-C stops)') + '\n');
    running = new AbortController();
    const reply = await handleCommand(cmd, conversation.state, {
      engine,
      logger,
      signal: running.signal,
      recallBounce: async () => conversation.lastBounce,
      recallProbe: async () => conversation.lastReport,
      ...(tty ? { onProgress: (e: ProbeProgress) => write(style.dim(`  ${redactSecrets(e.message)}`) + '\n') } : {}),
    });
    running = undefined;
    conversation.remember(cmd.kind === 'diagnose' ? cmd.text : text, reply);
    write('\n' + renderReplyText(reply, { style, context: 'chat' }));
  };

  for (;;) {
    const next = queue.shift();
    if (!next) {
      if (ended || quitting) break;
      if (tty) rl.prompt();
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
      continue;
    }
    if (next.kind === 'quit') {
      quitting = true;
      break;
    }
    await answer(next.text, next.pasted);
  }
  if (timer) clearTimeout(timer);
  io.input.off('data', armPause);
  if (!ended) rl.close();
  write(tty ? '\nBye.\n' : '');
}
