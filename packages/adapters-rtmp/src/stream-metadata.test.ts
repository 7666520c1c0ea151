import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { InboundStreamDetailsSchema } from '@hexcast/core';
import fc from 'fast-check';
import { detailsFromMetadata, parseStreamMetadata } from './stream-metadata.ts';

const amf = createRequire(import.meta.url)('node-media-server/src/protocol/amf.js') as {
  encodeAmf0Data(message: Record<string, unknown>): Buffer;
};

const FFMPEG_METADATA = {
  duration: 2, width: 640, height: 360, videodatarate: 0, framerate: 30, videocodecid: 7,
  audiodatarate: 67.3828125, audiosamplerate: 44100, audiosamplesize: 16, stereo: false, audiocodecid: 10,
  encoder: 'Lavf59.27.100', filesize: 0,
};

describe('parseStreamMetadata', () => {
  it('reads what ffmpeg sends as @setDataFrame onMetaData', () => {
    const payload = amf.encodeAmf0Data({ cmd: '@setDataFrame', method: 'onMetaData', dataObj: FFMPEG_METADATA });
    expect(parseStreamMetadata(payload)).toEqual({
      videoCodec: 'H.264', audioCodec: 'AAC', encoder: 'Lavf59.27.100', width: 640, height: 360,
      videoBitrate: 0, audioBitrate: 67.3828125, framerate: 30,
    });
  });

  it('reads a bare onMetaData and ignores other data messages', () => {
    expect(parseStreamMetadata(amf.encodeAmf0Data({ cmd: 'onMetaData', dataObj: { width: 1280 } }))?.width).toBe(1280);
    expect(parseStreamMetadata(amf.encodeAmf0Data({ cmd: '|RtmpSampleAccess', bool1: false, bool2: false }))).toBeUndefined();
  });
});

describe('detailsFromMetadata', () => {
  it('names FLV codec ids and Enhanced RTMP FourCCs, keeps codec strings', () => {
    expect(detailsFromMetadata({ videocodecid: 12, audiocodecid: 2 })).toMatchObject({ videoCodec: 'HEVC', audioCodec: 'MP3' });
    expect(detailsFromMetadata({ videocodecid: 0x61763031, audiocodecid: 0x4f707573 })).toMatchObject({ videoCodec: 'AV1', audioCodec: 'Opus' });
    expect(detailsFromMetadata({ videocodecid: 'avc1', audiocodecid: 'mp4a' })).toMatchObject({ videoCodec: 'avc1', audioCodec: 'mp4a' });
    expect(detailsFromMetadata({ videocodecid: 99 }).videoCodec).toBe('Unknown (99)');
  });

  it('reports what was not announced as empty or zero', () => {
    expect(detailsFromMetadata({})).toEqual(InboundStreamDetailsSchema.parse({}));
  });

  it('always yields valid details, whatever the encoder sends', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('videocodecid', 'audiocodecid', 'encoder', 'width', 'height', 'framerate', 'videodatarate', 'audiodatarate', '__proto__'), fc.anything()), (metadata) => {
        expect(InboundStreamDetailsSchema.safeParse(detailsFromMetadata(metadata)).success).toBe(true);
      }),
    );
  });
});
