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

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
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
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Wrap `text` to `width` columns; every line starts with `indent`, continuation lines with `hang`
 * (default: indent). Widths are measured without ANSI escapes, so styled text wraps like plain text.
 */
export function wrap(text: string, width: number, indent = '', hang = indent): string[] {
  const len = (s: string) => (s.includes('\x1b') ? stripAnsi(s).length : s.length);
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
