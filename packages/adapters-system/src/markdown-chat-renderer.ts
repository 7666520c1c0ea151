import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { type ChatRenderer, type Emoji, isEmojiImageUrl, isRenderableEmoji } from '@hexcast/core';

/** Exactly the `ChatRenderer` allow-list; anything else marked might emit is dropped, its text kept. */
const CHAT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'a', 'img'],
  allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt', 'title'] },
  allowedClasses: { img: ['emoji'] },
  allowedSchemes: ['http', 'https'],
  // No scheme at all for images: only same-origin paths, checked further by exclusiveFilter.
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  // A second line of defence: marked's output already holds only such links and images.
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !(frame.attribs.class === 'emoji' && isEmojiImageUrl(frame.attribs.src ?? ''))) ||
    (frame.tag === 'a' && !isWebUrl(frame.attribs.href ?? '')),
};

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** http(s) only; with no whitespace, controls or `\` (which browsers read as `/`), odd URLs stay text. */
function isWebUrl(href: string): boolean {
  return /^https?:\/\/[^\s\p{Cc}\\]+$/iu.test(href) && URL.canParse(href);
}

/** Syntax a chat line has no use for: it stays as typed (raw HTML included) instead. */
const disabled = () => undefined;

/**
 * Chat messages as Owncast renders them: markdown (GitHub flavour, line breaks kept, via marked),
 * bare http(s) URLs linked, `:name:` of a known emoji as its image, then sanitize-html down to
 * the `ChatRenderer` allow-list.
 *
 * Raw HTML is never interpreted: it shows as the text the user typed. Headings, lists, tables,
 * rules and link reference definitions are not parsed either (a chat line is not a document), so
 * `# 1` or `- x` stay as typed. Links go only to http(s) URLs, others show their text; markdown
 * images show their alt text. Emoji whose name `isEmojiName` refuses or whose URL is not a plain
 * path under `/img/emoji/` (see `isRenderableEmoji`) are left as `:name:`; shortcodes inside code
 * and URLs are never replaced.
 */
export class MarkdownChatRenderer implements ChatRenderer {
  /** The renderable emoji by name, for the render in progress (marked parses synchronously, one message at a time). */
  #emoji = new Map<string, string>();
  /** The list `#emoji` was built from: the chat passes the same array until the emoji change, so most messages reuse it. */
  #emojiSource: readonly Emoji[] = [];
  readonly #marked = new Marked({ gfm: true, breaks: true, async: false });

  constructor() {
    this.#marked.use({
      tokenizer: { html: disabled, tag: disabled, heading: disabled, lheading: disabled, hr: disabled, list: disabled, table: disabled, def: disabled },
      renderer: {
        link({ href, tokens }: Tokens.Link) {
          const text = this.parser.parseInline(tokens);
          return isWebUrl(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
        },
        image: ({ text }: Tokens.Image) => escapeHtml(text),
      },
      extensions: [this.#emojiExtension()],
    });
  }

  render(markdown: string, emoji: readonly Emoji[]): string {
    if (emoji !== this.#emojiSource) {
      this.#emoji = new Map(emoji.filter(isRenderableEmoji).map((e) => [e.name, e.url]));
      this.#emojiSource = emoji;
    }
    const html = this.#marked.parse(markdown) as string;
    return sanitizeHtml(html, CHAT_POLICY).trim();
  }

  #emojiExtension(): TokenizerAndRendererExtension {
    return {
      name: 'emoji',
      level: 'inline',
      // Where text must stop so the tokenizer below gets a chance.
      start: (src) => src.indexOf(':'),
      tokenizer: (src) => {
        const match = /^:([A-Za-z0-9_-]{1,64}):/.exec(src);
        const url = match && this.#emoji.get(match[1]!);
        return url ? { type: 'emoji', raw: match[0], name: match[1], url } : undefined;
      },
      renderer: ({ name, url }) => `<img class="emoji" src="${escapeHtml(String(url))}" alt=":${name}:" title=":${name}:">`,
    };
  }
}
