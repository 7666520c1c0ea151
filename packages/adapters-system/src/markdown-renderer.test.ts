import { describe, expect, it } from 'vitest';
import { describeContentRendererContract } from '@hexcast/core/testing';
import { MarkdownRenderer } from './markdown-renderer.ts';

describeContentRendererContract(() => new MarkdownRenderer());

describe('MarkdownRenderer', () => {
  const render = (md: string) => new MarkdownRenderer().renderMarkdown(md);

  it('renders GitHub-flavoured markdown', () => {
    expect(render('# Title\n\n**bold** and _em_')).toBe('<h1>Title</h1>\n<p><strong>bold</strong> and <em>em</em></p>');
    expect(render('- a\n- b')).toContain('<li>a</li>');
  });
  it('opens links in a new tab without leaking the referrer', () => {
    expect(render('[site](https://example.com)')).toBe('<p><a href="https://example.com" rel="noopener noreferrer" target="_blank">site</a></p>');
  });
  it('drops styles, forms, iframes and data: images', () => {
    const html = render('<style>body{}</style><form action="/x"><input></form><iframe src="https://x"></iframe><img src="data:image/png;base64,AAAA">');
    expect(html).not.toMatch(/<style|<form|<input|<iframe|data:/);
  });
});
