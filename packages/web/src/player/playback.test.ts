import { describe, expect, it } from 'vitest';
import { reportBody, reportEveryMs } from './playback-reports.ts';
import { variantOfUrl, variantPlaylist } from './playback.ts';

describe('variantOfUrl', () => {
  it('reads the variant index of a rendition playlist, absolute or relative to the origin', () => {
    expect(variantOfUrl('/hls/0/stream.m3u8')).toBe(0);
    expect(variantOfUrl('http://127.0.0.1:8080/hls/12/stream.m3u8')).toBe(12);
  });

  it('is undefined for the master playlist, segments and anything else', () => {
    for (const url of ['/hls/stream.m3u8', '/hls/1/stream-abc.ts', '/hls/x/stream.m3u8', '', 'https://cdn.example/other/1.m3u8']) expect(variantOfUrl(url), url).toBeUndefined();
  });
});

describe('variantPlaylist', () => {
  it('is the rendition playlist variantOfUrl reads back', () => {
    expect(variantPlaylist(3)).toBe('/hls/3/stream.m3u8');
    expect(variantOfUrl(variantPlaylist(3))).toBe(3);
  });
});

describe('reportBody', () => {
  it('sends counters as differences since the previous report and rounds the measurements', () => {
    const body = reportBody({ bandwidth: 4321.6, latency: 3.14159, downloadDuration: 0.12345, errors: 5, qualityVariantChanges: 2 }, { errors: 3, qualityVariantChanges: 2 });
    expect(body).toEqual({ bandwidth: 4322, latency: 3.14, downloadDuration: 0.123, errors: 2, qualityVariantChanges: 0 });
  });

  it('leaves out what was not measured, never sends a negative count', () => {
    expect(reportBody({ errors: 0, qualityVariantChanges: 0 }, { errors: 4, qualityVariantChanges: 1 })).toEqual({ errors: 0, qualityVariantChanges: 0 });
  });
});

describe('reportEveryMs', () => {
  it('is a minute unless the page URL asks for 1–3600 whole seconds', () => {
    expect(reportEveryMs('')).toBe(60_000);
    expect(reportEveryMs('?playbackReportSeconds=5')).toBe(5_000);
    for (const bad of ['0', '-1', '1.5', 'x', '3601', '']) expect(reportEveryMs(`?playbackReportSeconds=${bad}`), bad).toBe(60_000);
  });
});
