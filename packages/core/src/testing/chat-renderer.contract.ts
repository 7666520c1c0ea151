import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatRenderer, Emoji } from '../ports/chat-renderer.ts';
import { readChatHtml } from './chat-html-reading.ts';

/** Options of the `ChatRenderer` contract. */
export interface ChatRendererContractOptions {
  /**
   * An extra check run on every rendering, e.g. one built on a real HTML parser (core has
   * none, so the suite's own check is a strict reader that rejects anything unusual).
   */
  readonly inspect?: (html: string) => void;
}

const SAFE_EMOJI: readonly Emoji[] = [
  { name: 'party', url: '/img/emoji/party.gif' },
  { name: 'blob_cat-2', url: '/img/emoji/blobs/blob_cat-2.png' },
];

/** Emoji no message may show: injection through the name or the URL, or a URL off /img/emoji/. */
const HOSTILE_EMOJI: readonly Emoji[] = [
  { name: 'evil', url: '/img/emoji/x.png" onerror="alert(1)' },
  { name: 'js', url: 'javascript:alert(1)' },
  { name: 'data', url: 'data:image/svg+xml,<svg onload=alert(1)>' },
  { name: 'remote', url: 'https://evil.example/img/emoji/x.png' },
  { name: 'schemeless', url: '//evil.example/img/emoji/x.png' },
  { name: 'up', url: '/img/emoji/../../admin' },
  { name: 'encoded', url: '/img/emoji/%2e%2e/%2e%2e/admin' },
  { name: 'x" onerror="alert(1)', url: '/img/emoji/x.png' },
  { name: '<script>alert(1)</script>', url: '/img/emoji/s.png' },
  { name: 'a><img src=x onerror=alert(1)>', url: '/img/emoji/a.png' },
];
const ALL_EMOJI = [...SAFE_EMOJI, ...HOSTILE_EMOJI];

/** Schemes that must never become links, however they are spelled. */
const SCHEME_TRICKS = [
  'javascript:alert(1)',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](java&#x0A;script:alert(1))',
  '[x](java\u200bscript:alert(1))',
  '<javascript:alert(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'data:text/html,<script>alert(1)</script>',
  '[x](vbscript:msgbox(1))',
  '<vbscript:msgbox(1)>',
  '[x](file:///etc/passwd)',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="data:text/html,x">x</a>',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
];

const HOSTILE = [
  ...SCHEME_TRICKS,
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<img src="/img/emoji/party.gif" class="emoji" onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>*{display:none}</style>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="javascript:alert(1)"></object>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=x onerror=alert(1)//',
  '![x](javascript:alert(1))',
  '![x](/img/emoji/party.gif" onerror="alert(1))',
  '![x](https://evil.example/track.png)',
  '[x](https://example.com "t" onclick=alert(1))',
  '[![x](javascript:alert(1))](javascript:alert(1))',
  '[[x](https://a.example)](https://b.example)',
  '<https://example.com" onmouseover="alert(1)>',
  'https://example.com/"onmouseover="alert(1)',
  'https://example.com/<script>',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&lt;script&gt;',
  '\u200b\u202e\ufeff\u0000\u2028',
  '`<script>`',
  '```\n<script>alert(1)</script>\n```',
  '> <script>alert(1)</script>',
  ':evil: :x" onerror="alert(1): :<script>alert(1)</script>:',
];

const MARKDOWN = ['**', '*', '_', '~~', '`', '```', '[', '](', ')', '<', '>', '&', '"', "'", '\\', ':', 'https://', 'www.', '\n', '\n\n', '    ', '# ', '- ', '1. '];
const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
const shortcode = fc.constantFrom(...ALL_EMOJI.map((emoji) => `:${emoji.name}:`), ':nope:', '::');
const hostileMessage = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...MARKDOWN), word, shortcode), { maxLength: 8 })
  .chain((parts) => fc.constantFrom(' ', '', '\n').map((separator) => parts.join(separator)));
/** Short strings dense in the characters markup and markdown are made of. */
const markupSoup = fc.string({ unit: fc.constantFrom(...'<>&#;:/="\'`*_~[]()!\\ \n\tajvsx0'), maxLength: 60 });
const emojiList = fc.subarray([...ALL_EMOJI]);
const webUrl = fc
  .tuple(fc.constantFrom('http', 'https'), fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom('com', 'org', 'net'), fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { maxLength: 3 }))
  .map(([scheme, host, tld, path]) => `${scheme}://${host}.${tld}${path.map((part) => `/${part}`).join('')}`);
const RUNS = { numRuns: 200 } as const;

/** The `ChatRenderer` contract: the port's allow-list holds for any input and any emoji list. */
export function describeChatRendererContract(make: () => ChatRenderer, options: ChatRendererContractOptions = {}): void {
  const readSafely = (renderer: ChatRenderer, markdown: string, emoji: readonly Emoji[]) => {
    const html = renderer.render(markdown, emoji);
    expect(typeof html).toBe('string');
    const reading = readChatHtml(html);
    expect(reading.problems, `${JSON.stringify(markdown)} rendered as ${JSON.stringify(html)}`).toEqual([]);
    options.inspect?.(html);
    return reading;
  };
  const images = (reading: ReturnType<typeof readChatHtml>) => reading.elements.filter((element) => element.tag === 'img');
  const links = (reading: ReturnType<typeof readChatHtml>) => reading.elements.filter((element) => element.tag === 'a');

  describe('ChatRenderer contract', () => {
    it('renders any text, with any emoji list, to allowed markup only', () => {
      const renderer = make();
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), emojiList, (markdown, emoji) => void readSafely(renderer, markdown, emoji)), RUNS);
      fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), emojiList, (markdown, emoji) => void readSafely(renderer, markdown, emoji)), RUNS);
      fc.assert(fc.property(markupSoup, emojiList, (markdown, emoji) => void readSafely(renderer, markdown, emoji)), RUNS);
    });

    it('neutralises scripts, event handlers, frames, styles and hostile URLs, alone or mixed with markdown', () => {
      const renderer = make();
      for (const markdown of HOSTILE) readSafely(renderer, markdown, ALL_EMOJI);
      fc.assert(fc.property(hostileMessage, emojiList, (markdown, emoji) => void readSafely(renderer, markdown, emoji)), RUNS);
    });

    it('never makes a link of javascript:, data:, vbscript: or any other scheme but http(s)', () => {
      const renderer = make();
      for (const markdown of SCHEME_TRICKS) expect(links(readSafely(renderer, markdown, [])), markdown).toEqual([]);
    });

    it('keeps the words of plain text', () => {
      const renderer = make();
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
          expect(readSafely(renderer, words.join(' '), SAFE_EMOJI).text).toContain(words.join(' '));
        }),
        RUNS,
      );
    });

    it('links bare http(s) URLs', () => {
      const renderer = make();
      fc.assert(
        fc.property(webUrl, (url) => {
          const reading = readSafely(renderer, `see ${url} now`, []);
          expect(links(reading).map((link) => link.attributes.href)).toEqual([url]);
          expect(reading.text).toContain(`see ${url} now`);
        }),
        RUNS,
      );
    });

    it('shows known emoji as images and leaves unknown shortcodes as text', () => {
      const renderer = make();
      // Unknown names are plain words, so markdown emphasis (`_x_`) cannot reshape them.
      fc.assert(
        fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/), fc.stringMatching(/^[A-Za-z0-9]{1,16}$/), (known, unknown) => {
          fc.pre(known !== unknown);
          const url = `/img/emoji/${known}.png`;
          const reading = readSafely(renderer, `hi :${known}: and :${unknown}:`, [{ name: known, url }]);
          expect(images(reading).map((image) => [image.attributes.src, image.attributes.class])).toEqual([[url, 'emoji']]);
          expect(reading.text).toContain(`:${unknown}:`);
        }),
        RUNS,
      );
    });

    it('never shows an emoji whose name or URL could inject markup or leave /img/emoji/', () => {
      const renderer = make();
      for (const emoji of HOSTILE_EMOJI) {
        const reading = readSafely(renderer, `a :${emoji.name}: b`, [emoji, ...SAFE_EMOJI]);
        expect(images(reading), emoji.name).toEqual([]);
      }
      // Those whose names a shortcode can spell stay as typed.
      for (const { name } of HOSTILE_EMOJI.filter((emoji) => /^[a-z]+$/.test(emoji.name))) expect(readSafely(renderer, `a :${name}: b`, HOSTILE_EMOJI).text).toContain(`:${name}:`);
    });
  });
}
