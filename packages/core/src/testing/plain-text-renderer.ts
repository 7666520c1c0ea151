import type { ContentRenderer } from '../ports/content-renderer.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A `ContentRenderer` without markdown: the text HTML-escaped in one `<p>`. Safe for any input,
 * and predictable enough to assert on in tests.
 */
export class PlainTextRenderer implements ContentRenderer {
  renderMarkdown(markdown: string): string {
    // Blank input renders to nothing, as the markdown adapter does.
    if (markdown.trim() === '') return '';
    return `<p>${markdown.replace(/[&<>"']/g, (c) => ESCAPES[c]!)}</p>`;
  }
}
