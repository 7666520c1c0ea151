import { describe, expect, it } from 'vitest';
import { RETIRED_SEGMENTS_KEPT, SegmentWindow } from './segment-window.ts';

describe('SegmentWindow', () => {
  it(`keeps ${RETIRED_SEGMENTS_KEPT} segments that left the playlist, then hands the oldest out for deletion`, () => {
    const window = new SegmentWindow();
    const due: string[] = [];
    for (let n = 0; n < 10; n += 1) due.push(...window.advance([`0/${n}.ts`, `0/${n + 1}.ts`]));
    // 0..8 left the window; the newest RETIRED_SEGMENTS_KEPT of them are still kept.
    expect(due).toEqual(['0/0.ts', '0/1.ts', '0/2.ts', '0/3.ts', '0/4.ts']);
  });

  it('never deletes a segment the playlist names again', () => {
    const window = new SegmentWindow();
    window.advance(['a.ts']);
    for (let n = 0; n < RETIRED_SEGMENTS_KEPT; n += 1) window.advance([`${n}.ts`]);
    expect(window.advance(['a.ts'])).toEqual([]);
    const due: string[] = [];
    for (let n = 0; n < 2 * RETIRED_SEGMENTS_KEPT; n += 1) due.push(...window.advance([`x${n}.ts`]));
    expect(due.filter((key) => key === 'a.ts')).toHaveLength(1);
  });
});
