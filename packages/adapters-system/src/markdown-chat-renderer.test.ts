import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { describeChatRendererContract, readChatHtml } from '@hexcast/core/testing';
import { MarkdownChatRenderer } from './markdown-chat-renderer.ts';

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], strong: [], em: [], del: [], code: [], pre: [], blockquote: [],
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'class'],
};
const ORIGIN = 'https://hexcast.example';

/**
 * The structure a browser-grade parser (htmlparser2, entities decoded) sees: only allowed tags
 * and attributes, links resolving to http(s), images resolving to this origin's /img/emoji/, no
 * comments or CDATA. It must also see the same elements as the core suite's strict reader, so a
 * blind spot of that reader would show here.
 */
function inspectWithHtmlparser2(html: string): void {
  const problems: string[] = [];
  const tags: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tags.push(name);
        if (!(name in ALLOWED)) problems.push(`<${name}>`);
        for (const attribute of Object.keys(attributes)) if (!ALLOWED[name]?.includes(attribute)) problems.push(`<${name} ${attribute}>`);
        if (name === 'a') {
          const href = attributes.href ?? '';
          if (!URL.canParse(href) || !['http:', 'https:'].includes(new URL(href).protocol)) problems.push(`href ${href}`);
          if (attributes.rel !== 'noopener noreferrer' || attributes.target !== '_blank') problems.push('link without rel/target');
        }
        if (name === 'img') {
          const src = new URL(attributes.src ?? '', ORIGIN);
          if (src.origin !== ORIGIN || !src.pathname.startsWith('/img/emoji/') || !(attributes.src ?? '').startsWith('/img/emoji/')) problems.push(`src ${attributes.src}`);
          if (attributes.class !== 'emoji') problems.push(`class ${attributes.class}`);
        }
      },
      oncomment: () => void problems.push('comment'),
      oncdatastart: () => void problems.push('CDATA'),
      onprocessinginstruction: (name) => void problems.push(`processing instruction ${name}`),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  expect(problems, html).toEqual([]);
  expect(tags, html).toEqual(readChatHtml(html).elements.map((element) => element.tag));
}

describe('MarkdownChatRenderer', () => {
  describeChatRendererContract(() => new MarkdownChatRenderer(), { inspect: inspectWithHtmlparser2 });

  const party = [{ name: 'party', url: '/img/emoji/party.gif' }];
  const render = (markdown: string, emoji = party) => new MarkdownChatRenderer().render(markdown, emoji);
  const partyImage = '<img class="emoji" src="/img/emoji/party.gif" alt=":party:" title=":party:" />';

  it('renders GitHub-flavoured inline markdown, keeping line breaks', () => {
    expect(render('**bold**')).toBe('<p><strong>bold</strong></p>');
    expect(render('_em_ ~~gone~~ `x`')).toBe('<p><em>em</em> <del>gone</del> <code>x</code></p>');
    expect(render('a\nb\n\nc')).toBe('<p>a<br />b</p>\n<p>c</p>');
    expect(render('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(render('```\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}\n</code></pre>');
  });

  it('renders blank input as nothing', () => {
    expect(render('')).toBe('');
    expect(render(' \n\t ')).toBe('');
  });

  it('links bare http(s) URLs and www. addresses, opening them in a new tab without a referrer', () => {
    expect(render('https://example.com')).toBe('<p><a href="https://example.com" rel="noopener noreferrer" target="_blank">https://example.com</a></p>');
    expect(render('see www.example.com/a?b=1&c=2')).toBe('<p>see <a href="http://www.example.com/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">www.example.com/a?b=1&amp;c=2</a></p>');
    expect(render('[docs](https://example.com/docs "Docs")')).toBe('<p><a href="https://example.com/docs" rel="noopener noreferrer" target="_blank">docs</a></p>');
  });

  it('shows the text of links to other schemes, of e-mail addresses and of markdown images', () => {
    expect(render('[click](javascript:alert(1))')).toBe('<p>click</p>');
    expect(render('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
    expect(render('mail me@example.com')).toBe('<p>mail me@example.com</p>');
    expect(render('![a cat](https://example.com/cat.png)')).toBe('<p>a cat</p>');
  });

  it('shows raw HTML as the text typed, markdown inside it still applying', () => {
    expect(render('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
    expect(render('<div>\n**x**\n</div>')).toBe('<p>&lt;div&gt;<br /><strong>x</strong><br />&lt;/div&gt;</p>');
    expect(render('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('leaves headings, lists, rules and tables as typed', () => {
    expect(render('# 1 fan\n- a\n1. b\n---\n| x |\n|---|')).toBe('<p># 1 fan<br />- a<br />1. b<br />---<br />| x |<br />|---|</p>');
  });

  it('shows known emoji shortcodes as images, also inside words and links', () => {
    expect(render(':party:')).toBe(`<p>${partyImage}</p>`);
    expect(render('yay:party::party:')).toBe(`<p>yay${partyImage}${partyImage}</p>`);
    expect(render('[:party:](https://example.com)')).toBe(`<p><a href="https://example.com" rel="noopener noreferrer" target="_blank">${partyImage}</a></p>`);
  });

  it('keeps shortcodes literal in code, in URLs, when unknown and when escaped', () => {
    expect(render('`:party:`')).toBe('<p><code>:party:</code></p>');
    expect(render('```\n:party:\n```')).toBe('<pre><code>:party:\n</code></pre>');
    expect(render('https://example.com/:party:/x')).toBe('<p><a href="https://example.com/:party:/x" rel="noopener noreferrer" target="_blank">https://example.com/:party:/x</a></p>');
    expect(render(':nope: \\:party:')).toBe('<p>:nope: :party:</p>');
    expect(render(':party:', [])).toBe('<p>:party:</p>');
  });

  it('ignores emoji outside /img/emoji/ or with names a shortcode cannot spell', () => {
    expect(render(':party:', [{ name: 'party', url: 'https://evil.example/party.gif' }])).toBe('<p>:party:</p>');
    expect(render(':party:', [{ name: 'party', url: '/img/emoji/../../admin' }])).toBe('<p>:party:</p>');
    expect(render(':a.b:', [{ name: 'a.b', url: '/img/emoji/a.png' }])).toBe('<p>:a.b:</p>');
  });

  it('forgets the emoji of one message before the next', () => {
    const renderer = new MarkdownChatRenderer();
    expect(renderer.render(':party:', party)).toBe(`<p>${partyImage}</p>`);
    expect(renderer.render(':party:', [])).toBe('<p>:party:</p>');
    // The same list again, then a changed one: each message sees exactly the list it is given.
    expect(renderer.render(':party: :owl:', party)).toBe(`<p>${partyImage} :owl:</p>`);
    expect(renderer.render(':party: :owl:', party)).toBe(`<p>${partyImage} :owl:</p>`);
    expect(renderer.render(':party: :owl:', [{ name: 'owl', url: '/img/emoji/owl.png' }])).toBe('<p>:party: <img class="emoji" src="/img/emoji/owl.png" alt=":owl:" title=":owl:" /></p>');
  });
});
