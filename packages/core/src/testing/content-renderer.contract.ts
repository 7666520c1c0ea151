import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContentRenderer } from '../ports/content-renderer.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
];

/** No script element, event-handler attribute, javascript: URL or frame survives rendering. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
  expect(html).not.toMatch(/<iframe/i);
}

/** The `ContentRenderer` contract. */
export function describeContentRendererContract(make: () => ContentRenderer): void {
  describe('ContentRenderer contract', () => {
    it("renders '' as ''", () => {
      expect(make().renderMarkdown('')).toBe('');
    });

    it('never throws and always returns a string', () => {
      const renderer = make();
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (markdown) => typeof renderer.renderMarkdown(markdown) === 'string'), { numRuns: 50 });
    });

    it('neutralises scripts, event handlers, javascript: links and frames', () => {
      const renderer = make();
      for (const markdown of HOSTILE) expectInert(renderer.renderMarkdown(markdown));
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...HOSTILE, 'text', '**bold**', '\n\n', '<p>'), { maxLength: 5 }), (parts) => expectInert(renderer.renderMarkdown(parts.join(' ')))),
        { numRuns: 50 },
      );
    });

    it('keeps the words of plain text', () => {
      expect(make().renderMarkdown('Hello streamers')).toContain('Hello streamers');
    });
  });
}
