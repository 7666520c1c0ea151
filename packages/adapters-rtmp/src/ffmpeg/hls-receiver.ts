import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MASTER_PLAYLIST, isLoopbackAddress, playlistSegmentKeys, type HlsOutput, type Logger } from '@hexcast/core';
import { readBody, BodyTooLarge } from './read-body.ts';
import { SegmentLedger } from './segment-ledger.ts';

/** Largest file accepted from ffmpeg: a 5 s segment at the 50 Mbps bitrate cap is ~31 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** How long a playlist waits for a segment it names whose PUT has not been seen yet. */
const UNSEEN_SEGMENT_WAIT_MS = 2_000;
/** How long closing waits for writes still under way before it closes anyway. */
const CLOSE_WAIT_MS = 10_000;

/** One job's receiver: where files go and whom to tell. */
export interface HlsReceiverOptions {
  readonly output: HlsOutput;
  readonly logger: Logger;
  readonly variantCount: number;
  /** File names of this job's segments start with it (`buildFfmpegArgs`' `segmentPrefix`). */
  readonly segmentPrefix: string;
  /** The master playlist and a variant playlist naming a segment have been written; called once. */
  readonly onPlayable: () => void;
  /** A segment of `variant` was written. */
  readonly onSegment: (variant: number, body: Uint8Array) => void;
}

type Target = { kind: 'master' | 'playlist' | 'segment'; path: string; folder: string };

/**
 * The loopback HTTP server a job's ffmpeg PUTs its HLS files to (`-method PUT`). Each file goes
 * to `output.write` and is answered 200 once stored, 500 when the write rejected (logged; the
 * next playlist supersedes a lost one). A variant playlist is written after the segments it
 * names, one at a time per playlist, and the master after the variant playlists under way.
 *
 * Accepts only `/stream.m3u8`, `/<N>/stream.m3u8` and `/<N>/<segmentPrefix><unix>-<n>.ts` for
 * the job's variants (else 404), from loopback peers (else 403), at most `MAX_FILE_BYTES` (else
 * 413). `DELETE` is answered 204 and ignored: the output retires old segments itself.
 */
export class HlsReceiver {
  readonly #options: HlsReceiverOptions;
  readonly #server: Server;
  readonly #ledger = new SegmentLedger();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #playlists = new Map<string, Promise<void>>();
  readonly #segmentPath: RegExp;
  #masterWritten = false;
  #segmentsListed = false;
  #playable = false;

  constructor(options: HlsReceiverOptions) {
    this.#options = options;
    this.#segmentPath = new RegExp(`^/(\\d{1,3})/(${options.segmentPrefix.replace(/[^\w-]/g, '')}\\d+-\\d+\\.ts)$`);
    this.#server = createServer((req, res) => {
      const handled = this.#handle(req, res);
      this.#inFlight.add(handled);
      void handled.finally(() => this.#inFlight.delete(handled));
    });
  }

  /** Listens on 127.0.0.1 at a free port and resolves it. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    return (this.#server.address() as AddressInfo).port;
  }

  /** Lets the writes under way settle (for at most `CLOSE_WAIT_MS`), then closes every connection. */
  async close(): Promise<void> {
    const settled = Promise.allSettled([...this.#inFlight]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Whether the server still listens (for diagnostics and tests). */
  get listening(): boolean {
    return this.#server.listening;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = this.#route(req.url ?? '');
    const address = req.socket.remoteAddress;
    const refusal = address === undefined || !isLoopbackAddress(address) ? 403 : target === undefined ? 404 : req.method === 'DELETE' ? 204 : req.method !== 'PUT' ? 405 : 0;
    if (refusal !== 0 || target === undefined) return answer(req, res, refusal);
    const segmentSettled = target.kind === 'segment' ? this.#ledger.begin(target.path) : undefined;
    try {
      const body = await readBody(req, MAX_FILE_BYTES);
      await this.#store(target, body);
      answer(req, res, 200);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      this.#options.logger.warn({ err: error, path: target.path }, tooLarge ? 'ffmpeg sent an oversized HLS file' : 'could not store an HLS file from ffmpeg');
      answer(req, res, tooLarge ? 413 : 500);
    } finally {
      segmentSettled?.();
    }
  }

  #route(url: string): Target | undefined {
    if (url === `/${MASTER_PLAYLIST}`) return { kind: 'master', path: MASTER_PLAYLIST, folder: '' };
    const playlist = /^\/(\d{1,3})\/stream\.m3u8$/.exec(url);
    const segment = this.#segmentPath.exec(url);
    const folder = playlist?.[1] ?? segment?.[1];
    if (folder === undefined || Number(folder) >= this.#options.variantCount || String(Number(folder)) !== folder) return undefined;
    return { kind: playlist !== null ? 'playlist' : 'segment', path: url.slice(1), folder };
  }

  async #store(target: Target, body: Uint8Array): Promise<void> {
    const { output, onSegment } = this.#options;
    if (target.kind === 'segment') {
      await output.write(target.path, body);
      onSegment(Number(target.folder), body);
      return;
    }
    if (target.kind === 'master') {
      await Promise.allSettled(this.#playlists.values());
      await output.write(target.path, body);
      this.#masterWritten = true;
    } else await this.#storePlaylist(target, body);
    if (this.#masterWritten && this.#segmentsListed && !this.#playable) {
      this.#playable = true;
      this.#options.onPlayable();
    }
  }

  /** Writes a variant playlist after its segments, and after the previous write of the same playlist. */
  async #storePlaylist(target: Target, body: Uint8Array): Promise<void> {
    const keys = playlistSegmentKeys(target.path, new TextDecoder().decode(body));
    const previous = this.#playlists.get(target.path) ?? Promise.resolve();
    const write = previous.then(async () => {
      await this.#ledger.settled(keys, UNSEEN_SEGMENT_WAIT_MS);
      await this.#options.output.write(target.path, body);
      this.#ledger.retain(target.folder, keys);
      if (keys.length > 0) this.#segmentsListed = true;
    });
    this.#playlists.set(
      target.path,
      write.catch(() => undefined),
    );
    await write;
  }
}

/** Answers; after a refusal the connection is dropped rather than reading a body we do not want. */
function answer(req: IncomingMessage, res: ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return;
  const refused = status >= 400;
  res.writeHead(status, { 'content-length': '0', ...(refused ? { connection: 'close' } : {}) });
  if (refused) res.end(() => req.destroy());
  else res.end();
}
