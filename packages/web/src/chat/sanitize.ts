/**
 * A second, client-side allow-list over chat HTML (the server already sanitises it): the tags
 * and attributes the chat renderer produces, links only to http(s), images only from this
 * server's /img/emoji/. Anything else becomes its text. This keeps the page safe even when it
 * talks to a server that sanitises less.
 */
const ALLOWED: Record<string, readonly string[]> = {
  A: ['href', 'title'],
  BR: [],
  P: [],
  STRONG: [],
  B: [],
  EM: [],
  I: [],
  DEL: [],
  S: [],
  CODE: [],
  PRE: [],
  SPAN: [],
  BLOCKQUOTE: [],
  UL: [],
  OL: [],
  LI: [],
  IMG: ['src', 'alt', 'title'],
};

export function sanitizeChatHtml(html: string, doc: Document = document): string {
  const template = doc.createElement('template');
  template.innerHTML = html;
  clean(template.content, doc);
  return template.innerHTML;
}

function clean(node: ParentNode, doc: Document): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    if (!(child instanceof doc.defaultView!.Element)) {
      child.remove();
      continue;
    }
    const allowed = ALLOWED[child.tagName];
    if (allowed === undefined) {
      child.replaceWith(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    for (const attribute of [...child.attributes]) {
      if (!allowed.includes(attribute.name)) child.removeAttribute(attribute.name);
    }
    if (child.tagName === 'A') fixLink(child);
    if (child.tagName === 'IMG' && !isEmojiSource(child.getAttribute('src') ?? '', doc)) {
      child.replaceWith(doc.createTextNode(child.getAttribute('alt') ?? ''));
      continue;
    }
    if (child.tagName === 'IMG') child.setAttribute('class', 'emoji');
    clean(child, doc);
  }
}

function fixLink(link: Element): void {
  const href = link.getAttribute('href') ?? '';
  if (!URL.canParse(href) || !['http:', 'https:'].includes(new URL(href).protocol)) link.removeAttribute('href');
  link.setAttribute('rel', 'noopener noreferrer nofollow');
  link.setAttribute('target', '_blank');
}

function isEmojiSource(src: string, doc: Document): boolean {
  try {
    const url = new URL(src, doc.location.href);
    return url.origin === doc.location.origin && url.pathname.startsWith('/img/emoji/') && !url.pathname.includes('..');
  } catch {
    return false;
  }
}
