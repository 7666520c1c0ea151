import { describe, expect, it } from 'vitest';
import { FlvAudioProbe, PROBE_BYTE_LIMIT } from './flv-audio-probe.ts';

const AUDIO = 0x04;
const VIDEO = 0x01;

function fileHeader(flags: number): Uint8Array {
  return Uint8Array.from([0x46, 0x4c, 0x56, 0x01, flags, 0, 0, 0, 9, 0, 0, 0, 0]);
}

function tag(type: number, timestamp: number, size = 20): Uint8Array {
  const bytes = new Uint8Array(11 + size + 4);
  bytes.set([type, size >> 16, (size >> 8) & 0xff, size & 0xff, (timestamp >> 16) & 0xff, (timestamp >> 8) & 0xff, timestamp & 0xff, timestamp >>> 24], 0);
  return bytes;
}

/** An onMetaData script tag (AMF0: the name, then an ECMA array of numbers) after `@setDataFrame`, as publishers send it. */
function metadataTag(fields: Record<string, number>): Uint8Array {
  const text = (value: string) => [0x02, 0, value.length, ...Buffer.from(value)];
  const number = (value: number) => {
    const bytes = Buffer.alloc(9);
    bytes.writeDoubleBE(value, 1);
    return [...bytes];
  };
  const entries = Object.entries(fields).flatMap(([key, value]) => [0, key.length, ...Buffer.from(key), ...number(value)]);
  const body = Uint8Array.from([...text('@setDataFrame'), ...text('onMetaData'), 0x08, 0, 0, 0, Object.keys(fields).length, ...entries, 0, 0, 9]);
  const bytes = tag(18, 0, body.length);
  bytes.set(body, 11);
  return bytes;
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Feeds the bytes in pieces of `step` and returns the verdict reached, if any. */
function verdict(bytes: Uint8Array, step = bytes.length): boolean | undefined {
  const probe = new FlvAudioProbe();
  for (let at = 0; at < bytes.length && probe.verdict === undefined; at += step) probe.push(bytes.subarray(at, at + step));
  return probe.verdict;
}

const videoSeconds = (seconds: number) => Array.from({ length: seconds * 30 + 1 }, (_, i) => tag(9, Math.round((i * 1000) / 30)));

describe('FlvAudioProbe', () => {
  it('trusts a header that announces no audio', () => {
    expect(verdict(fileHeader(VIDEO))).toBe(false);
  });

  it('finds audio in the first audio tag, even split across chunks', () => {
    const stream = concat(fileHeader(AUDIO | VIDEO), tag(18, 0, 300), tag(9, 0, 40), tag(8, 0, 7));
    expect(verdict(stream)).toBe(true);
    expect(verdict(stream, 1)).toBe(true);
    expect(verdict(stream, 7)).toBe(true);
  });

  it('calls a source silent after two seconds of video without audio, as node-media-server flags every header with audio', () => {
    const stream = concat(fileHeader(AUDIO | VIDEO), tag(18, 0), ...videoSeconds(2));
    expect(verdict(stream)).toBe(false);
    expect(verdict(stream, 5)).toBe(false);
    expect(verdict(concat(fileHeader(AUDIO | VIDEO), tag(18, 0), ...videoSeconds(1)))).toBeUndefined();
  });

  it('handles 32-bit timestamps (extension byte)', () => {
    const late = 0x01_00_00_00;
    expect(verdict(concat(fileHeader(AUDIO | VIDEO), tag(9, late), tag(9, late + 1_999)))).toBeUndefined();
    expect(verdict(concat(fileHeader(AUDIO | VIDEO), tag(9, late), tag(9, late + 2_000)))).toBe(false);
  });

  it('assumes audio for bytes that are not FLV, and decides on what was seen when the source ends early', () => {
    expect(verdict(new TextEncoder().encode('not an flv stream'))).toBe(true);
    const probe = new FlvAudioProbe();
    probe.push(concat(fileHeader(AUDIO | VIDEO), tag(9, 0)));
    expect(probe.verdict).toBeUndefined();
    expect(probe.settle()).toBe(false);
  });

  it('gives up looking after PROBE_BYTE_LIMIT bytes', () => {
    const probe = new FlvAudioProbe();
    probe.push(concat(fileHeader(AUDIO | VIDEO), tag(9, 0, 1_000)));
    // One huge video tag whose body spans many chunks.
    probe.push(tag(9, 10, PROBE_BYTE_LIMIT).subarray(0, 11));
    for (let sent = 0; sent < PROBE_BYTE_LIMIT && probe.verdict === undefined; sent += 65_536) probe.push(new Uint8Array(65_536));
    expect(probe.verdict).toBe(false);
  });

  it('notes the video bitrate the metadata announces, even when the tag arrives in pieces', () => {
    const stream = concat(fileHeader(AUDIO | VIDEO), metadataTag({ width: 1280, videodatarate: 2500, audiodatarate: 128 }), tag(9, 0), tag(8, 0));
    for (const step of [stream.length, 1, 13]) {
      const probe = new FlvAudioProbe();
      for (let at = 0; at < stream.length; at += step) probe.push(stream.subarray(at, at + step));
      expect(probe.verdict).toBe(true);
      expect(probe.announcedVideoKbps).toBe(2500);
    }
  });

  it('measures the video bitrate from the video tags once a second of video was seen', () => {
    const probe = new FlvAudioProbe();
    // 30 fps of 5,000-byte tags: 150,000 bytes per second, 1,200 kbps; metadata announcing no rate.
    const video = (seconds: number) => Array.from({ length: seconds * 30 }, (_, i) => tag(9, Math.round((i * 1000) / 30), 5_000));
    probe.push(concat(fileHeader(AUDIO | VIDEO), metadataTag({ videodatarate: 0 }), ...video(1).slice(0, 20)));
    expect(probe.measuredVideoKbps).toBe(0);
    probe.push(concat(...video(3).slice(20)));
    expect(probe.verdict).toBe(false);
    expect(probe.announcedVideoKbps).toBe(0);
    // 61 tags over 2,000 ms of timestamps.
    expect(probe.measuredVideoKbps).toBe(Math.round((61 * 5_000 * 8) / 2_000));
  });

  it('ignores metadata it cannot read', () => {
    const broken = tag(18, 0, 30);
    broken.set([0x02, 0xff, 0xff], 11);
    const probe = new FlvAudioProbe();
    expect(probe.push(concat(fileHeader(AUDIO | VIDEO), broken, tag(8, 0)))).toBe(true);
    expect(probe.announcedVideoKbps).toBe(0);
  });
});
