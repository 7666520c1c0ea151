import { isRenderableEmoji } from '../../domain/emoji.ts';
import type { ChatRenderer, Emoji } from '../../ports/chat-renderer.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// A bare URL ends before whitespace, controls, markup characters and trailing punctuation; or a
// :shortcode:.
const TOKENS = /(https?:\/\/[^\s\p{Cc}<>"'`\\]*[^\s\p{Cc}<>"'`\\.,:;!?)\]])|:([A-Za-z0-9_-]{1,64}):/giu;

/**
 * A `ChatRenderer` without markdown: the text HTML-escaped in one `<p>`, line breaks as `<br>`,
 * bare http(s) URLs as links and known emoji shortcodes as images. The core's default when no
 * renderer is given (embedders without markdown), and predictable in tests; it passes the same
 * contract as the markdown adapter.
 */
export class PlainChatRenderer implements ChatRenderer {
  render(markdown: string, emoji: readonly Emoji[]): string {
    if (markdown.trim() === '') return '';
    const known = new Map(emoji.filter(isRenderableEmoji).map((e) => [e.name, e.url]));
    let html = '';
    let last = 0;
    for (const match of markdown.matchAll(TOKENS)) {
      const [whole, url, name] = match;
      const image = name === undefined ? undefined : known.get(name);
      if (url === undefined && image === undefined) continue;
      html += text(markdown.slice(last, match.index));
      html += url === undefined ? emojiImage(name!, image!) : `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${escapeHtml(url)}</a>`;
      last = match.index + whole.length;
    }
    return `<p>${html}${text(markdown.slice(last))}</p>`;
  }
}

/** Escaped text with its line breaks as `<br>`. */
function text(plain: string): string {
  return escapeHtml(plain).replace(/\r\n?|\n/g, '<br>');
}

function emojiImage(name: string, url: string): string {
  return `<img class="emoji" src="${escapeHtml(url)}" alt=":${name}:" title=":${name}:">`;
}
