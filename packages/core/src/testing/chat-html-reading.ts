/**
 * A deliberately strict reader of rendered chat HTML, for the `ChatRenderer` contract (core may
 * not depend on an HTML parser). It accepts only the shapes the allow-list produces (lower-case
 * tags, double-quoted attributes, escaped text, balanced nesting) and reports anything else as
 * a problem, so it errs towards failing a safe but unusual rendering, never towards passing an
 * unsafe one.
 */

/** What `readChatHtml` found. */
export interface ChatHtmlReading {
  /** Everything outside the allow-list or merely odd; empty when the HTML is safe. */
  readonly problems: readonly string[];
  /** The opening tags in order, attribute values with entities decoded. */
  readonly elements: readonly { readonly tag: string; readonly attributes: Readonly<Record<string, string>> }[];
  /** The text between the tags, entities decoded. */
  readonly text: string;
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], strong: [], em: [], del: [], code: [], pre: [], blockquote: [],
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'class'],
};
const VOID = new Set(['br', 'img']);
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-z][a-z-]*)="([^"<>]*)"/g;
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const WEB_URL = /^https?:\/\/[^\s\p{Cc}\\]+$/iu;
const EMOJI_SRC = /^\/img\/emoji\/(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+$/;

/** Reads `html` as a browser would, as far as chat messages go. */
export function readChatHtml(html: string): ChatHtmlReading {
  const problems: string[] = [];
  const elements: { tag: string; attributes: Record<string, string> }[] = [];
  const open: string[] = [];
  let text = '';
  let at = 0;
  while (at < html.length) {
    if (html[at] !== '<') {
      const end = html.indexOf('<', at) === -1 ? html.length : html.indexOf('<', at);
      text += decode(html.slice(at, end), problems, 'text');
      at = end;
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (match === null) {
      problems.push(`markup outside the allow-list at ${at}: ${JSON.stringify(html.slice(at, at + 40))}`);
      break;
    }
    at = TAG.lastIndex;
    const [, closing, tag = '', rawAttributes = '', selfClosing] = match;
    if (!(tag in ALLOWED)) problems.push(`tag <${tag}> is not allowed`);
    if (closing) {
      if (rawAttributes !== '' || selfClosing || VOID.has(tag)) problems.push(`odd closing tag ${match[0]}`);
      if (open.pop() !== tag) problems.push(`</${tag}> closes nothing open`);
      continue;
    }
    if (selfClosing && !VOID.has(tag)) problems.push(`<${tag}/> is not a void element`);
    const attributes = readAttributes(tag, rawAttributes, problems);
    checkElement(tag, attributes, open, problems);
    elements.push({ tag, attributes });
    if (!VOID.has(tag)) open.push(tag);
  }
  if (open.length > 0) problems.push(`unclosed ${open.map((tag) => `<${tag}>`).join('')}`);
  return { problems, elements, text };
}

function readAttributes(tag: string, raw: string, problems: string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name = '', value = ''] of raw.matchAll(ATTRIBUTE)) {
    if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag}>`);
    else if (!ALLOWED[tag]?.includes(name)) problems.push(`attribute ${name} is not allowed on <${tag}>`);
    if (name in attributes) problems.push(`attribute ${name} repeated on <${tag}>`);
    attributes[name] = decode(value, problems, `${tag}[${name}]`);
  }
  return attributes;
}

function checkElement(tag: string, attributes: Record<string, string>, open: readonly string[], problems: string[]): void {
  if (tag === 'a') {
    const href = attributes.href ?? '';
    if (!WEB_URL.test(href)) problems.push(`link to ${JSON.stringify(href)}, not an http(s) URL`);
    if (attributes.rel !== 'noopener noreferrer') problems.push(`link rel is ${JSON.stringify(attributes.rel)}`);
    if (attributes.target !== '_blank') problems.push(`link target is ${JSON.stringify(attributes.target)}`);
    if (open.includes('a')) problems.push('link inside a link');
  }
  if (tag === 'img') {
    const src = attributes.src ?? '';
    if (!EMOJI_SRC.test(src) || src.split('/').some((part) => part === '.' || part === '..')) problems.push(`image from ${JSON.stringify(src)}, not under /img/emoji/`);
    if (attributes.class !== 'emoji') problems.push(`image class is ${JSON.stringify(attributes.class)}`);
  }
}

/** Decodes character references; `where` names the place in problems. A bare `&` or `>` is odd. */
function decode(raw: string, problems: string[], where: string): string {
  if (raw.replace(ENTITY, '').includes('&')) problems.push(`bare & in ${where}: ${JSON.stringify(raw.slice(0, 40))}`);
  if (raw.includes('>')) problems.push(`unescaped > in ${where}: ${JSON.stringify(raw.slice(0, 40))}`);
  return raw.replace(ENTITY, (reference, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const character = NAMED[name];
      if (character === undefined) problems.push(`unknown entity ${reference} in ${where}`);
      return character ?? '';
    }
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      problems.push(`invalid character reference ${reference} in ${where}`);
      return '';
    }
    return String.fromCodePoint(codePoint);
  });
}
