import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The chat allow-list runs in the browser, on the browser's own HTML parser: test it there.
const SOURCE = fileURLToPath(new URL('../src/chat/sanitize.ts', import.meta.url));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({ entryPoints: [SOURCE], bundle: true, format: 'iife', globalName: 'chatSanitizer', write: false, logLevel: 'silent' });
  browser = await chromium.launch({ executablePath: process.env.HEXCAST_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  // Any http origin will do: the allow-list compares image sources with the page's own origin.
  await page.route('http://chat.test/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title>' }));
  await page.goto('http://chat.test/');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);
afterAll(async () => browser?.close());

const clean = (html: string) => page.evaluate((h) => (window as unknown as { chatSanitizer: { sanitizeChatHtml(h: string): string } }).chatSanitizer.sanitizeChatHtml(h), html);

describe('sanitizeChatHtml (in Chromium)', () => {
  it("keeps what the server's chat renderer produces", async () => {
    const rendered = '<p>hi <strong>there</strong> <em>you</em> <code>x</code> <a href="https://example.com/a" rel="noopener noreferrer" target="_blank">link</a> <img class="emoji" src="/img/emoji/party.gif" alt=":party:" title=":party:"></p>';
    const out = await clean(rendered);
    expect(out).toContain('<strong>there</strong>');
    expect(out).toContain('<a href="https://example.com/a" rel="noopener noreferrer nofollow" target="_blank">link</a>');
    expect(out).toContain('<img src="/img/emoji/party.gif" alt=":party:" title=":party:" class="emoji">');
  });

  it('turns scripts, handlers, frames and foreign images into text or nothing', async () => {
    const cases: Array<[string, string]> = [
      ['<script>alert(1)</script>', 'alert(1)'],
      ['<img src=x onerror=alert(1)>', ''],
      ['<img src="https://evil.example/x.png" alt="cat">', 'cat'],
      ['<img src="/img/emoji/../../admin" alt="a">', 'a'],
      ['<p onclick="alert(1)" style="color:red">p</p>', '<p>p</p>'],
      ['<iframe src="https://evil.example"></iframe>x', 'x'],
      ['<svg><script>alert(1)</script></svg>', 'alert(1)'],
      ['<a href="javascript:alert(1)">j</a>', '<a rel="noopener noreferrer nofollow" target="_blank">j</a>'],
      ['<a href="data:text/html,hi">d</a>', '<a rel="noopener noreferrer nofollow" target="_blank">d</a>'],
      ['<!-- c --><b>b</b>', '<b>b</b>'],
    ];
    for (const [input, expected] of cases) expect(await clean(input), input).toBe(expected);
  });

  it('leaves nothing that runs, whatever nesting the input tries', async () => {
    const nasty = '<div><p><a href="https://ok.example"><img src=x onerror=alert(1)><svg onload=alert(1)><math><mi><style><img src=x onerror=alert(2)></style></mi></math></a></p></div>';
    const out = await clean(nasty);
    const found = await page.evaluate((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      return [...t.content.querySelectorAll('*')].flatMap((el) => [el.tagName, ...[...el.attributes].map((a) => a.name)]);
    }, out);
    expect(found.filter((name) => /^on|^(SCRIPT|SVG|MATH|STYLE|IFRAME|DIV)$/i.test(name))).toEqual([]);
  });
});
