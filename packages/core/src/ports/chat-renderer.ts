/** A custom emoji: `:name:` in a message becomes this image. */
export interface Emoji {
  /** the shortcode without colons, e.g. `party` */
  readonly name: string;
  /** where browsers load it, e.g. `/img/emoji/party.gif` */
  readonly url: string;
}

/**
 * Turns what a chat user typed into the HTML every other client receives. The result must be
 * safe to insert into a page whatever the input: it may only contain `p`, `br`, `strong`, `em`,
 * `del`, `code`, `pre`, `blockquote`, links (`a` with an http/https `href`, plus
 * `rel="noopener noreferrer"` and `target="_blank"`) and emoji images (`img` with `class="emoji"`
 * whose `src` starts with `/img/emoji/`). Bare http(s) URLs become links; `:name:` of a known
 * emoji becomes its image. Never throws.
 */
export interface ChatRenderer {
  render(markdown: string, emoji: readonly Emoji[]): string;
}
