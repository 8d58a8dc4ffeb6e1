/**
 * Test helpers: a MessageView from a headers object and a body string (what the MIME layer hands the
 * readers), a pasted text (no headers), and a fixture read through the parse stage's MIME layer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMessage } from '../../../src/parse/mime';
import type { HeaderView, MessageView } from '../../../src/parse/text/types';

export function headerView(headers: Record<string, string | string[]> = {}): HeaderView {
  const map = new Map<string, string[]>();
  for (const [k, v] of Object.entries(headers)) map.set(k.toLowerCase(), Array.isArray(v) ? v : [v]);
  return {
    get: (name) => map.get(name.toLowerCase())?.[0],
    getAll: (name) => map.get(name.toLowerCase()) ?? [],
    has: (name) => map.has(name.toLowerCase()),
  };
}

export interface ViewParts {
  headers?: Record<string, string | string[]>;
  body: string;
  deliveryStatus?: string;
}

export function viewOf(parts: ViewParts): MessageView {
  const headers = headerView(parts.headers);
  const hasHeaders = Object.keys(parts.headers ?? {}).length > 0;
  return {
    format: hasHeaders ? 'mime' : 'text',
    headers,
    subject: headers.get('subject') ?? '',
    from: headers.get('from') ?? '',
    body: parts.body.replace(/\r\n?/g, '\n'),
    ...(parts.deliveryStatus ? { deliveryStatus: parts.deliveryStatus.replace(/\r\n?/g, '\n') } : {}),
  };
}

/** A pasted text: no headers at all. */
export function pasted(body: string): MessageView {
  return viewOf({ body });
}

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'bounces');


/**
 * The view the registry hands the readers, built by the parse stage's own MIME layer from a fixture's
 * bytes (the one place these tests lean on that layer's module).
 */

export function viewFromBytes(bytes: Buffer): MessageView {
  const m = readMessage(bytes);
  return {
    format: m.format,
    headers: m.headers,
    subject: m.headers.get('subject') ?? '',
    from: m.headers.get('from') ?? '',
    body: m.body,
    ...(m.deliveryStatus ? { deliveryStatus: m.deliveryStatus } : {}),
    ...(m.originalHeaders ? { originalHeaders: m.originalHeaders } : {}),
  };
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}
