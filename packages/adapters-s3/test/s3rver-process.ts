import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of s3rver's (untyped) API the tests use. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

/** s3rver's built-in credentials: it checks request signatures against them. */
export const S3RVER_ACCESS_KEY = 'S3RVER';
export const S3RVER_SECRET = 'S3RVER';

/** A real S3-compatible server on loopback, storing objects in a temporary folder. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly port: number;
  readonly bucket: string;
  readonly directory: string;
  /** Stops answering: every connection is cut, the port is closed. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same objects. */
  restart(): Promise<void>;
  /** Stops and removes the folder. */
  dispose(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (port 0: a free one) with one empty bucket. */
export async function startLocalS3(options: { bucket?: string; port?: number } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? 'hexcast-video';
  const directory = mkdtempSync(join(tmpdir(), 'hexcast-s3rver-'));
  const start = async (port: number) => {
    const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    const address = await server.run();
    return { server, port: address.port };
  };
  let { server, port } = await start(options.port ?? 0);
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    const closed = server.close();
    server.httpServer?.closeAllConnections();
    await closed;
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    directory,
    stop,
    async restart() {
      if (running) return;
      ({ server, port } = await start(port));
      running = true;
    },
    async dispose() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
