import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { ContentRenderer } from '@hexcast/core';

/** Tags the page content may use once rendered (no scripts, styles, forms or frames). */
const PAGE_CONTENT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

/** Markdown (GitHub flavour, via marked) sanitised by sanitize-html to a conservative allow-list. */
export class MarkdownRenderer implements ContentRenderer {
  readonly #marked = new Marked({ gfm: true, breaks: true, async: false });

  renderMarkdown(markdown: string): string {
    if (markdown.trim() === '') return '';
    const html = this.#marked.parse(markdown) as string;
    return sanitizeHtml(html, PAGE_CONTENT_POLICY).trim();
  }
}
