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
 */
export class FlvAudioProbe {
  #verdict: boolean | undefined;
  #seen = 0;
  #header = new Uint8Array(TAG_HEADER_BYTES);
  #headerFill = 0;
  #skip = 0;
  #inFileHeader = true;
  #firstVideoMs: number | undefined;

  /** The verdict once reached: true when the source has audio. */
  get verdict(): boolean | undefined {
    return this.#verdict;
  }

  /** Examines the next bytes of the stream; returns the verdict once there is one. */
  push(chunk: Uint8Array): boolean | undefined {
    let at = 0;
    while (this.#verdict === undefined && at < chunk.length) {
      if (this.#skip > 0) {
        const skipped = Math.min(this.#skip, chunk.length - at);
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
      if (timestamp - this.#firstVideoMs >= VIDEO_WITHOUT_AUDIO_MS) this.#verdict = false;
    }
  }
}
