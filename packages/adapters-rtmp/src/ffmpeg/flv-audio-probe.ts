import { parseStreamMetadata } from '../stream-metadata.ts';

/** How much video (by its timestamps) may pass without an audio tag before we call a source silent. */
export const VIDEO_WITHOUT_AUDIO_MS = 2_000;
/** Bytes examined at most; a source that has sent this much without audio has none. */
export const PROBE_BYTE_LIMIT = 8 * 1024 * 1024;

const FLV_HEADER_BYTES = 9;
const TAG_HEADER_BYTES = 11;
const PREVIOUS_TAG_SIZE_BYTES = 4;
const FLAG_AUDIO = 0x04;
const TAG_AUDIO = 8;
const TAG_VIDEO = 9;
const TAG_SCRIPT = 18;
/** Largest script-data tag read for its onMetaData; encoders send a few hundred bytes. */
const METADATA_BYTE_LIMIT = 64 * 1024;
/** Video (by its timestamps) needed before its byte rate is taken as the source's video bitrate. */
const MEASURE_MIN_MS = 1_000;

/**
 * Decides from the start of an FLV stream whether it carries audio, which the transcode's
 * variant map must know before ffmpeg starts (naming a missing `a:0` makes ffmpeg fail).
 *
 * The header's audio flag (byte 4, 0x04) is trusted when it says "no audio". When it says
 * "audio" we look for an audio tag, because node-media-server writes every header with both
 * flags set: the first audio tag means audio; `VIDEO_WITHOUT_AUDIO_MS` of video, or
 * `PROBE_BYTE_LIMIT` bytes, without one means none. Encoders send the AAC sequence header
 * right after the metadata, so a source with audio is decided within its first few tags.
 * A stream that is not FLV is assumed to have audio, as Owncast's map does; ffmpeg then
 * reports what is wrong with it.
 *
 * On the way it notes the video bitrate the encoder's onMetaData announces (`videodatarate`) and
 * the one its video tags show, which a passthrough variant's bandwidth needs when there is no
 * announced one (see `buildFfmpegArgs`).
 */
export class FlvAudioProbe {
  #verdict: boolean | undefined;
  #seen = 0;
  #header = new Uint8Array(TAG_HEADER_BYTES);
  #headerFill = 0;
  #skip = 0;
  #inFileHeader = true;
  #firstVideoMs: number | undefined;
  #lastVideoMs = 0;
  #videoBytes = 0;
  #announcedKbps = 0;
  /** The script-data tag being read, for its onMetaData. */
  #script: { bytes: Uint8Array; fill: number } | undefined;

  /** The verdict once reached: true when the source has audio. */
  get verdict(): boolean | undefined {
    return this.#verdict;
  }

  /** kbps the source's onMetaData announced for its video (`videodatarate`); 0 when none. */
  get announcedVideoKbps(): number {
    return this.#announcedKbps;
  }

  /** kbps of the video tags seen (from the first one's timestamp to the last's); 0 until a second of video was seen. */
  get measuredVideoKbps(): number {
    const ms = this.#lastVideoMs - (this.#firstVideoMs ?? this.#lastVideoMs);
    return ms < MEASURE_MIN_MS ? 0 : Math.round((this.#videoBytes * 8) / ms);
  }

  /** Examines the next bytes of the stream; returns the verdict once there is one. */
  push(chunk: Uint8Array): boolean | undefined {
    let at = 0;
    while (this.#verdict === undefined && at < chunk.length) {
      if (this.#skip > 0) {
        const skipped = Math.min(this.#skip, chunk.length - at);
        this.#capture(chunk.subarray(at, at + skipped));
        this.#skip -= skipped;
        at += skipped;
        continue;
      }
      const wanted = this.#inFileHeader ? FLV_HEADER_BYTES : TAG_HEADER_BYTES;
      const taken = Math.min(wanted - this.#headerFill, chunk.length - at);
      this.#header.set(chunk.subarray(at, at + taken), this.#headerFill);
      this.#headerFill += taken;
      at += taken;
      if (this.#headerFill === wanted) {
        this.#headerFill = 0;
        if (this.#inFileHeader) this.#readFileHeader();
        else this.#readTagHeader();
      }
    }
    this.#seen += chunk.length;
    if (this.#verdict === undefined && this.#seen >= PROBE_BYTE_LIMIT) this.#verdict = false;
    return this.#verdict;
  }

  /** The verdict on what was seen, for a source that ended before one was reached. */
  settle(): boolean {
    this.#verdict ??= false;
    return this.#verdict;
  }

  #readFileHeader(): void {
    const header = this.#header;
    this.#inFileHeader = false;
    if (header[0] !== 0x46 || header[1] !== 0x4c || header[2] !== 0x56) {
      this.#verdict = true;
      return;
    }
    if (((header[4] ?? 0) & FLAG_AUDIO) === 0) {
      this.#verdict = false;
      return;
    }
    const dataOffset = new DataView(header.buffer).getUint32(5);
    this.#skip = Math.max(0, dataOffset - FLV_HEADER_BYTES) + PREVIOUS_TAG_SIZE_BYTES;
  }

  #readTagHeader(): void {
    const header = this.#header;
    const type = (header[0] ?? 0) & 0x1f;
    const size = ((header[1] ?? 0) << 16) | ((header[2] ?? 0) << 8) | (header[3] ?? 0);
    // 24-bit timestamp plus an extension byte holding bits 24-31.
    const timestamp = (((header[7] ?? 0) << 24) | ((header[4] ?? 0) << 16) | ((header[5] ?? 0) << 8) | (header[6] ?? 0)) >>> 0;
    this.#skip = size + PREVIOUS_TAG_SIZE_BYTES;
    if (type === TAG_AUDIO) this.#verdict = true;
    else if (type === TAG_VIDEO) {
      this.#firstVideoMs ??= timestamp;
      this.#lastVideoMs = timestamp;
      this.#videoBytes += size;
      if (timestamp - this.#firstVideoMs >= VIDEO_WITHOUT_AUDIO_MS) this.#verdict = false;
    } else if (type === TAG_SCRIPT && this.#announcedKbps === 0 && size > 0 && size <= METADATA_BYTE_LIMIT) {
      this.#script = { bytes: new Uint8Array(size), fill: 0 };
    }
  }

  /** Collects a script-data tag's body while it is skipped; reads its onMetaData once whole. */
  #capture(bytes: Uint8Array): void {
    const script = this.#script;
    if (script === undefined) return;
    const taken = bytes.subarray(0, script.bytes.length - script.fill);
    script.bytes.set(taken, script.fill);
    script.fill += taken.length;
    if (script.fill < script.bytes.length) return;
    this.#script = undefined;
    try {
      this.#announcedKbps = parseStreamMetadata(Buffer.from(script.bytes.buffer, 0, script.bytes.length))?.videoBitrate ?? 0;
    } catch {
      // Unreadable metadata announces nothing; ffmpeg makes of it what it can.
    }
  }
}
