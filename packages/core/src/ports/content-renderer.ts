/** Turns user-written markdown into HTML that is safe to put in a page. */
export interface ContentRenderer {
  /** Markdown to sanitised HTML; '' for ''. Never throws on any input. */
  renderMarkdown(markdown: string): string;
}
