import { describe, expect, it } from 'vitest';
import type { Transcoder } from '../ports/transcoder.ts';
import { FakeTranscoder } from '../testing/fake-transcoder.ts';
import { checkVideoPatch, usableCodecs } from './video-settings-check.ts';

/** ffmpeg runs only at '' (the PATH) and /usr/bin/ffmpeg. */
function transcoder(): Transcoder {
  const fake = new FakeTranscoder({ codecs: ['libx264', 'h264_vaapi'] });
  return {
    start: (request) => fake.start(request),
    offlineClip: () => fake.offlineClip(),
    supportedCodecs: async (path) => {
      if (path !== '' && path !== '/usr/bin/ffmpeg') throw new Error(`spawn ${path} ENOENT`);
      return fake.supportedCodecs();
    },
  };
}

describe('video settings checks', () => {
  it('refuses an ffmpeg path that does not run, and accepts one that does', async () => {
    expect(await checkVideoPatch(transcoder(), '', { ffmpegPath: '/nope/ffmpeg' })).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'ffmpeg could not be run at "/nope/ffmpeg"' } });
    expect((await checkVideoPatch(transcoder(), '', { ffmpegPath: '/usr/bin/ffmpeg' })).ok).toBe(true);
  });

  it('checks a codec against the new path when both change, else the current one', async () => {
    expect((await checkVideoPatch(transcoder(), '/nope', { codec: 'h264_vaapi', ffmpegPath: '' })).ok).toBe(true);
    expect(await checkVideoPatch(transcoder(), '/nope', { codec: 'libx264' })).toMatchObject({ ok: false, error: { message: 'ffmpeg could not be run at "/nope"' } });
    expect(await checkVideoPatch(transcoder(), '', { codec: 'h264_nvenc' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('libx264, h264_vaapi') } });
  });

  it('checks nothing without a transcoder or when neither field changes', async () => {
    expect((await checkVideoPatch(undefined, '/nope', { ffmpegPath: '/also/nope', codec: 'h264_nvenc' })).ok).toBe(true);
    expect((await checkVideoPatch(transcoder(), '/nope', { latencyLevel: 2 })).ok).toBe(true);
    expect(await usableCodecs(transcoder(), '/nope')).toMatchObject({ ok: false });
  });
});
