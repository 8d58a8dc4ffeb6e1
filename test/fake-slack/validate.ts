/**
 * What Slack checks before it accepts a message or a view, as far as this bot can hit it.
 * Limits come from Slack's Block Kit reference (https://docs.slack.dev/reference/block-kit/blocks,
 * .../block-elements/button-element, .../static-select-element, .../composition-objects/text-object),
 * chat.postMessage's error list (invalid_blocks, msg_too_long, msg_blocks_too_long, no_text,
 * invalid_metadata_format) and the observed ~12k-character ceiling on a message's block text
 * (bolt-js issue #2509). Every rejection says which rule failed so a failing test explains itself.
 */

export interface Rejection {
  error: string;
  /** Which limit, for the test's failure message (Slack itself says something like this in response_metadata). */
  detail: string;
}

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  textChars: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  /** Sum of all text inside a message's blocks; Slack answers msg_blocks_too_long above roughly this. */
  blockTextTotal: 12_000,
  modalTitle: 24,
  privateMetadata: 3000,
  metadataJson: 8000,
} as const;

type Json = Record<string, unknown>;

class Invalid extends Error {
  constructor(readonly error: string, readonly detail: string) {
    super(`${error}: ${detail}`);
  }
}

function fail(detail: string, error = 'invalid_blocks'): never {
  throw new Invalid(error, detail);
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Walk {
  textTotal: number;
  blockIds: Set<string>;
  actionIds: Set<string>;
}

function textObject(v: unknown, where: string, max: number, walk: Walk, kinds: string[] = ['plain_text', 'mrkdwn']): void {
  if (!isObj(v)) fail(`${where} must be a text object`);
  if (!kinds.includes(String(v.type))) fail(`${where}.type must be ${kinds.join(' or ')}, got ${String(v.type)}`);
  if (typeof v.text !== 'string' || v.text.length === 0) fail(`${where}.text must be a non-empty string`);
  if (v.text.length > max) fail(`${where}.text is ${v.text.length} characters (max ${max})`);
  walk.textTotal += v.text.length;
}

function actionId(v: Json, where: string, walk: Walk): void {
  if (v.action_id === undefined) return;
  if (typeof v.action_id !== 'string' || v.action_id.length === 0 || v.action_id.length > LIMITS.id) fail(`${where}.action_id must be 1-${LIMITS.id} characters`);
  if (walk.actionIds.has(v.action_id)) fail(`${where}.action_id "${v.action_id}" is used twice in one message`);
  walk.actionIds.add(v.action_id);
}

function option(v: unknown, where: string, walk: Walk): string {
  if (!isObj(v)) fail(`${where} must be an option object`);
  textObject(v.text, `${where}.text`, LIMITS.optionText, walk, ['plain_text']);
  if (typeof v.value !== 'string' || !v.value || v.value.length > LIMITS.optionValue) fail(`${where}.value must be 1-${LIMITS.optionValue} characters`);
  return v.value;
}

function element(v: unknown, where: string, walk: Walk): void {
  if (!isObj(v)) fail(`${where} must be an element object`);
  switch (v.type) {
    case 'button':
      textObject(v.text, `${where}.text`, LIMITS.buttonText, walk, ['plain_text']);
      actionId(v, where, walk);
      if (v.value !== undefined && (typeof v.value !== 'string' || v.value.length > LIMITS.buttonValue)) fail(`${where}.value must be a string of at most ${LIMITS.buttonValue} characters`);
      if (v.style !== undefined && v.style !== 'primary' && v.style !== 'danger') fail(`${where}.style must be primary or danger`);
      return;
    case 'static_select': {
      if (v.placeholder !== undefined) textObject(v.placeholder, `${where}.placeholder`, LIMITS.placeholder, walk, ['plain_text']);
      actionId(v, where, walk);
      if (!Array.isArray(v.options) || v.options.length === 0 || v.options.length > LIMITS.selectOptions) fail(`${where}.options must hold 1-${LIMITS.selectOptions} options`);
      const values = v.options.map((o, i) => option(o, `${where}.options[${i}]`, walk));
      if (v.initial_option !== undefined) {
        const initial = option(v.initial_option, `${where}.initial_option`, walk);
        if (!values.includes(initial)) fail(`${where}.initial_option must be one of the options`);
      }
      return;
    }
    case 'image':
      if (typeof v.image_url !== 'string' || typeof v.alt_text !== 'string') fail(`${where} image needs image_url and alt_text`);
      return;
    case 'plain_text':
    case 'mrkdwn':
      textObject(v, where, LIMITS.sectionText, walk);
      return;
    default:
      fail(`${where}.type "${String(v.type)}" is not an element this fake knows`);
  }
}

function block(v: unknown, i: number, walk: Walk): void {
  const where = `blocks[${i}]`;
  if (!isObj(v)) fail(`${where} must be an object`);
  if (v.block_id !== undefined) {
    if (typeof v.block_id !== 'string' || !v.block_id || v.block_id.length > LIMITS.id) fail(`${where}.block_id must be 1-${LIMITS.id} characters`);
    if (walk.blockIds.has(v.block_id)) fail(`${where}.block_id "${v.block_id}" is used twice`);
    walk.blockIds.add(v.block_id);
  }
  switch (v.type) {
    case 'section':
      if (v.text === undefined && v.fields === undefined) fail(`${where} section needs text or fields`);
      if (v.text !== undefined) textObject(v.text, `${where}.text`, LIMITS.sectionText, walk);
      if (v.fields !== undefined) {
        if (!Array.isArray(v.fields) || v.fields.length === 0 || v.fields.length > LIMITS.sectionFields) fail(`${where}.fields must hold 1-${LIMITS.sectionFields} items`);
        v.fields.forEach((f, j) => textObject(f, `${where}.fields[${j}]`, LIMITS.fieldText, walk));
      }
      if (v.accessory !== undefined) element(v.accessory, `${where}.accessory`, walk);
      return;
    case 'header':
      textObject(v.text, `${where}.text`, LIMITS.headerText, walk, ['plain_text']);
      return;
    case 'context':
      if (!Array.isArray(v.elements) || v.elements.length === 0 || v.elements.length > LIMITS.contextElements) fail(`${where}.elements must hold 1-${LIMITS.contextElements} items`);
      v.elements.forEach((e, j) => element(e, `${where}.elements[${j}]`, walk));
      return;
    case 'actions':
      if (!Array.isArray(v.elements) || v.elements.length === 0 || v.elements.length > LIMITS.actionsElements) fail(`${where}.elements must hold 1-${LIMITS.actionsElements} items`);
      v.elements.forEach((e, j) => element(e, `${where}.elements[${j}]`, walk));
      return;
    case 'divider':
      return;
    default:
      fail(`${where}.type "${String(v.type)}" is not a block this fake knows`);
  }
}

function blocks(list: unknown, max: number): Walk {
  const walk: Walk = { textTotal: 0, blockIds: new Set(), actionIds: new Set() };
  if (!Array.isArray(list)) fail('blocks must be an array');
  if (list.length > max) fail(`${list.length} blocks (max ${max})`);
  list.forEach((b, i) => block(b, i, walk));
  return walk;
}

function metadata(v: unknown): void {
  if (!isObj(v)) fail('metadata must be an object', 'invalid_metadata_format');
  if (typeof v.event_type !== 'string' || !/^[A-Za-z0-9_]{1,255}$/.test(v.event_type)) fail('metadata.event_type must be letters, digits and underscores', 'invalid_metadata_format');
  if (!isObj(v.event_payload)) fail('metadata.event_payload must be an object', 'invalid_metadata_format');
  // The shape Slack documents (@slack/types MessageMetadata): primitives, objects of primitives, or arrays of those objects.
  const primitive = (x: unknown) => ['string', 'number', 'boolean'].includes(typeof x);
  const flatObject = (x: unknown) => isObj(x) && Object.values(x).every(primitive);
  for (const [key, value] of Object.entries(v.event_payload)) {
    const ok = primitive(value) || flatObject(value) || (Array.isArray(value) && value.every(flatObject));
    if (!ok) fail(`metadata.event_payload.${key} nests deeper than Slack allows`, 'invalid_metadata_format');
  }
  const size = JSON.stringify(v.event_payload).length;
  if (size > LIMITS.metadataJson) fail(`metadata.event_payload is ${size} characters of JSON (max ${LIMITS.metadataJson})`, 'invalid_metadata_format');
}

function attempt(check: () => void): Rejection | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    if (err instanceof Invalid) return { error: err.error, detail: err.detail };
    throw err;
  }
}

/** Check a chat.postMessage / chat.update / chat.postEphemeral / response_url body. */
export function checkMessage(args: Json, opts: { requireContent?: boolean } = {}): Rejection | undefined {
  return attempt(() => {
    const text = args.text;
    if (text !== undefined && typeof text !== 'string') fail('text must be a string', 'invalid_arguments');
    if (typeof text === 'string' && text.length > LIMITS.textChars) fail(`text is ${text.length} characters (max ${LIMITS.textChars})`, 'msg_too_long');
    if (opts.requireContent !== false && !text && args.blocks === undefined && args.attachments === undefined) fail('a message needs text or blocks', 'no_text');
    if (args.blocks !== undefined) {
      const walk = blocks(args.blocks, LIMITS.messageBlocks);
      if (walk.textTotal > LIMITS.blockTextTotal) fail(`blocks hold ${walk.textTotal} characters of text (max about ${LIMITS.blockTextTotal})`, 'msg_blocks_too_long');
    }
    if (args.metadata !== undefined) metadata(args.metadata);
  });
}

/** Check a views.publish / views.open view. */
export function checkView(view: unknown): Rejection | undefined {
  return attempt(() => {
    if (!isObj(view)) fail('view must be an object', 'invalid_arguments');
    if (view.type !== 'home' && view.type !== 'modal') fail(`view.type must be home or modal, got ${String(view.type)}`, 'invalid_arguments');
    const walk: Walk = { textTotal: 0, blockIds: new Set(), actionIds: new Set() };
    if (view.type === 'modal') {
      textObject(view.title, 'view.title', LIMITS.modalTitle, walk, ['plain_text']);
      if (view.close !== undefined) textObject(view.close, 'view.close', LIMITS.modalTitle, walk, ['plain_text']);
      if (view.submit !== undefined) textObject(view.submit, 'view.submit', LIMITS.modalTitle, walk, ['plain_text']);
    }
    if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata) fail('view.private_metadata too long', 'invalid_arguments');
    blocks(view.blocks, LIMITS.viewBlocks);
  });
}
