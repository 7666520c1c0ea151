import { playlistSegmentKeys, type HlsOutput } from '@hexcast/core';

/** An `HlsOutput` that keeps every file, noting any playlist that names a segment not yet written. */
export class RecordingOutput implements HlsOutput {
  readonly files = new Map<string, Uint8Array>();
  readonly violations: string[] = [];
  /** Every path in the order written. */
  readonly order: string[] = [];

  async write(path: string, body: Uint8Array): Promise<void> {
    if (/^\d+\/[^/]+\.m3u8$/.test(path)) {
      for (const key of playlistSegmentKeys(path, this.text(path, body))) if (!this.files.has(key)) this.violations.push(`${path} named ${key} before it was written`);
    }
    this.files.set(path, body.slice());
    this.order.push(path);
  }

  /** A stored file as text ('' when missing). */
  text(path: string, body = this.files.get(path)): string {
    return body === undefined ? '' : new TextDecoder().decode(body);
  }
}
