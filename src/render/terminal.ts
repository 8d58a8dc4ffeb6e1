/**
 * Terminal presentation for the CLI and the local console: colour and word wrapping.
 * Colour is used only when the stream is a TTY and NO_COLOR is unset (https://no-color.org), so pipes,
 * files and CI logs get plain text. Wrapping keeps words longer than the line (URLs, long server
 * replies) whole rather than breaking them, so they stay copyable.
 */

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

type Env = Record<string, string | undefined>;

/** True when ANSI colour may be written to this stream. */
export function colorEnabled(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  if (!stream.isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

/**
 * Our own colour codes are written with a private-use stand-in for ESC and turned into real escapes by
 * terminalSafe() only after every control character from untrusted text (a server's reply, a banner, a
 * subject) has been neutralised — so a bounce cannot clear the screen, forge output or write the clipboard.
 */
const ESC_STANDIN = '\uE01B';
const sgr = (open: number, close: number) => (text: string) => `${ESC_STANDIN}[${open}m${text}${ESC_STANDIN}[${close}m`;

/** C0 controls except tab and newline, DEL, and C1 controls (0x80–0x9f, e.g. the 8-bit CSI). */
const UNSAFE_CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Text ready for a terminal: foreign control characters shown as U+FFFD, our colour codes made real. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_CONTROLS, '\uFFFD').replace(/\uE01B(?=\[\d+m)/g, '\x1b').replace(/\uE01B/g, '');
}
const identity = (text: string) => text;

export const plainStyle: Style = {
  enabled: false, bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity,
};

export const colorStyle: Style = {
  enabled: true,
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

/** The style to use for writing to `stream`. */
export function styleFor(stream: { isTTY?: boolean }, env: Env = process.env): Style {
  return colorEnabled(stream, env) ? colorStyle : plainStyle;
}

/** Remove ANSI escapes (for measuring width and for tests). */
export function stripAnsi(text: string): string {
  return text.replace(/[\x1b\uE01B]\[[0-9;]*m/g, '');
}

/**
 * Wrap `text` to `width` columns; every line starts with `indent`, continuation lines with `hang`
 * (default: indent). Widths are measured without ANSI escapes, so styled text wraps like plain text.
 */
export function wrap(text: string, width: number, indent = '', hang = indent): string[] {
  const len = (s: string) => (s.includes('\x1b') || s.includes(ESC_STANDIN) ? stripAnsi(s).length : s.length);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter(Boolean);
    let line = '';
    let prefix = out.length === 0 ? indent : hang;
    if (!words.length) {
      out.push(prefix.trimEnd());
      continue;
    }
    for (const word of words) {
      if (line && len(prefix) + len(line) + 1 + len(word) > width) {
        out.push(prefix + line);
        prefix = hang;
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(prefix + line);
  }
  return out;
}

/** A label column followed by wrapped text: `  Status      4.4.7`. */
export function field(label: string, value: string, width: number, indent: string, labelWidth: number): string[] {
  const head = indent + label.padEnd(labelWidth);
  return wrap(value, width, head, ' '.repeat(head.length));
}

/** `12 ms`, `1.8 s`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`;
}
