import type { InboundStreamDetails } from '@hexcast/core';
import { decodeAmf0Data } from './nms/nms-internals.ts';

/** FLV VIDEODATA CodecID values (plus the de-facto 12 = HEVC, 13 = AV1) and Enhanced RTMP FourCCs. */
const VIDEO_CODECS: Readonly<Record<string, string>> = {
  1: 'JPEG', 2: 'Sorenson H.263', 3: 'Screen video', 4: 'On2 VP6', 5: 'On2 VP6 with alpha', 6: 'Screen video v2',
  7: 'H.264', 12: 'HEVC', 13: 'AV1', avc1: 'H.264', hvc1: 'HEVC', av01: 'AV1', vp09: 'VP9', vp08: 'VP8',
};

/** FLV AUDIODATA SoundFormat values and Enhanced RTMP FourCCs. */
const AUDIO_CODECS: Readonly<Record<string, string>> = {
  0: 'Linear PCM', 1: 'ADPCM', 2: 'MP3', 3: 'Linear PCM (little endian)', 4: 'Nellymoser 16 kHz', 5: 'Nellymoser 8 kHz',
  6: 'Nellymoser', 7: 'G.711 A-law', 8: 'G.711 mu-law', 10: 'AAC', 11: 'Speex', 14: 'MP3 8 kHz',
  mp4a: 'AAC', '.mp3': 'MP3', Opus: 'Opus', fLaC: 'FLAC', 'ac-3': 'AC-3', 'ec-3': 'E-AC-3',
};

const MAX_TEXT = 256;
const MAX_DIMENSION = 100_000;

/**
 * Reads an RTMP AMF0 data message; returns the encoder's stream details when it is metadata
 * (`@setDataFrame onMetaData {…}` from publishers, or a bare `onMetaData {…}`), else undefined.
 * Throws when the AMF is malformed.
 */
export function parseStreamMetadata(payload: Buffer): InboundStreamDetails | undefined {
  const message = decodeAmf0Data(payload);
  const isMetadata = message.cmd === 'onMetaData' || (message.cmd === '@setDataFrame' && message.method === 'onMetaData');
  if (!isMetadata || typeof message.dataObj !== 'object' || message.dataObj === null) return undefined;
  return detailsFromMetadata(message.dataObj as Record<string, unknown>);
}

/**
 * Maps an onMetaData object to stream details: numeric codec ids become names (7 → H.264,
 * 10 → AAC, FourCC numbers too), codec strings are kept as the encoder sent them, and anything
 * missing or nonsensical becomes '' or 0.
 */
export function detailsFromMetadata(metadata: Record<string, unknown>): InboundStreamDetails {
  const field = (name: string): unknown => (Object.hasOwn(metadata, name) ? metadata[name] : undefined);
  return {
    videoCodec: codecName(field('videocodecid'), VIDEO_CODECS),
    audioCodec: codecName(field('audiocodecid'), AUDIO_CODECS),
    encoder: text(field('encoder')),
    width: dimension(field('width')),
    height: dimension(field('height')),
    videoBitrate: amount(field('videodatarate')),
    audioBitrate: amount(field('audiodatarate')),
    framerate: amount(field('framerate')),
  };
}

function codecName(id: unknown, names: Readonly<Record<string, string>>): string {
  if (typeof id === 'string') return text(id);
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return '';
  const key = id > 0xffffff ? fourCc(id) : String(id);
  return names[key] ?? `Unknown (${key})`;
}

/** Enhanced RTMP sends codec ids as the FourCC's 32-bit big-endian value. */
function fourCc(id: number): string {
  const bytes = [id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff];
  return bytes.every((b) => b >= 0x20 && b < 0x7f) ? String.fromCharCode(...bytes) : String(id);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, MAX_TEXT) : '';
}

/** A finite positive number (numeric strings too), else 0. */
function amount(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

function dimension(value: unknown): number {
  return Math.min(Math.round(amount(value)), MAX_DIMENSION);
}
