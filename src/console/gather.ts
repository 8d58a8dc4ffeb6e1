/**
 * Turns the console's input lines into messages: single-line commands and multi-line pastes.
 *
 * A paste ends at whichever comes first:
 *   - a line holding a single dot `.` (as in SMTP DATA) — the reliable way when scripting;
 *   - a pause in the input (the reader calls `pause()` after ~150 ms without new data) — how a paste
 *     into a terminal ends by itself, since a terminal delivers it in one burst;
 *   - the end of input.
 *
 * Two modes:
 *   - line mode (piped stdin): a line that parses as a command (`probe example.com`, `recheck`, `quit` …)
 *     runs at once; any other line starts a paste. Everything can arrive at once, so a script must end
 *     each paste with `.` before the next command.
 *   - burst mode (a terminal): every burst of lines is one message. A burst of one line is read as a
 *     command if it is one (else as a one-line bounce); several lines are a paste. So a paste whose first
 *     line happens to look like a command (`user@example.com`) is still read as a paste.
 *
 * Pure logic: the reader (console/index.ts) feeds it lines, pauses and the end of input.
 */
import { parseCommand } from '../bot/commands';
import { COMMAND_VERBS } from '../bot/handle';

export type ConsoleMessage = { kind: 'text'; text: string; pasted: boolean } | { kind: 'quit' };

const QUIT_WORDS = new Set(['quit', 'exit', 'bye', ':q']);
const TERMINATOR = '.';

export function isQuit(line: string): boolean {
  return QUIT_WORDS.has(line.trim().toLowerCase());
}

/** A single line the console runs as a command rather than starting a paste with it. */
export function isCommandLine(line: string): boolean {
  if (isQuit(line)) return true;
  const kind = parseCommand(line).kind;
  if (kind === 'empty') return false;
  // A known verb with bad arguments is still a command: it gets its usage message, not a paste.
  return kind !== 'usage' || COMMAND_VERBS.has(line.trim().split(/\s+/, 1)[0].toLowerCase());
}

export class Gatherer {
  private lines: string[] = [];

  constructor(private readonly emit: (m: ConsoleMessage) => void, private readonly mode: 'line' | 'burst') {}

  /** True while lines are being collected into a message. */
  get collecting(): boolean {
    return this.lines.length > 0;
  }

  line(raw: string): void {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === TERMINATOR) {
      this.flush();
      return;
    }
    if (!this.collecting) {
      if (!line.trim()) return;
      if (this.mode === 'line' && isCommandLine(line)) {
        this.emitLine(line, false);
        return;
      }
    }
    this.lines.push(line);
  }

  /** The input went quiet: whatever was collected is one message. */
  pause(): void {
    this.flush();
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    const lines = this.lines;
    this.lines = [];
    while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
    if (!lines.length) return;
    if (lines.length === 1) this.emitLine(lines[0], this.mode === 'line');
    else this.emit({ kind: 'text', text: lines.join('\n'), pasted: true });
  }

  private emitLine(line: string, pasted: boolean): void {
    this.emit(isQuit(line) ? { kind: 'quit' } : { kind: 'text', text: line.trim(), pasted });
  }
}
