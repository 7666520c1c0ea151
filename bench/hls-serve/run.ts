/**
 * bench/hls-serve: requests/s and bytes/s for ~1 MB segments and for variant playlists served
 * by hexcast's /hls/ route, against nginx serving the same files, both loaded by wrk (64
 * connections) in the same run. Both servers get one core's worth of workers (Node is one
 * event loop; nginx runs worker_processes 1), and wrk runs one thread.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createAppController } from '@hexcast/core';
import { FakeIngestServer, FakePasswordHasher, FakeTranscoder, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import { createHttpApp, createNodeRequestListener } from '@hexcast/adapters-http';
import { FileSystemVideoStorage } from '@hexcast/adapters-fs';
import { freePort, have, waitForPort } from '../support/processes.ts';
import { wrk, type WrkResult } from '../support/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 64;

async function main(): Promise<void> {
  for (const program of ['nginx', 'wrk']) if (!(await have(program))) throw new Error(`${program} is needed: apt-get install -y nginx-light wrk`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-bench-hls-'));
  // nginx workers run as nobody: the tree must be world-readable.
  fs.chmodSync(root, 0o755);
  const hlsRoot = path.join(root, 'hls');

  // The real serving path: a stream is published (through a fake ingest) and its transcoder
  // delivers the window through the core's HlsOutput, as ffmpeg does, so hexcast serves it from
  // its live window; nginx serves the very files that landed on disk.
  const segments = Array.from({ length: 12 }, (_, i) => `0/stream-bench${1700000000 + i}.ts`);
  const playlist = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:3', '#EXT-X-MEDIA-SEQUENCE:0', ...segments.flatMap((k) => ['#EXTINF:3.000,', k.slice(2)]), ''].join('\n');
  const transcoder = new FakeTranscoder();
  const ingest = new FakeIngestServer();
  const storage = new FileSystemVideoStorage({ root: hlsRoot });
  const controller = createAppController({ repositories: inMemoryRepositories(), hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger: new MemoryLogger(), storage, transcoder, ingest });
  await controller.start();
  await ingest.publish({ streamKey: 'abc123' });
  const output = transcoder.lastJob.request.output;
  for (const key of segments) await output.write(key, randomSegment(1024 * 1024));
  await output.write('0/stream.m3u8', new TextEncoder().encode(playlist));

  const hexcastPort = await freePort();
  // The same composition as apps/server: the Node listener with the video fast path, Hono for the rest.
  const server = http.createServer(createNodeRequestListener(controller, createHttpApp(controller), (error) => console.error(error))).listen(hexcastPort, '127.0.0.1');
  const nginxPort = await freePort();
  const nginx = startNginx(root, nginxPort);
  await Promise.all([waitForPort(hexcastPort), waitForPort(nginxPort)]);

  const segment = `/hls/${segments[5]}`;
  const rows: Array<[string, WrkResult, WrkResult]> = [];
  for (const [label, url] of [['segment (1 MiB)', segment], ['variant playlist', '/hls/0/stream.m3u8']] as const) {
    await wrk(`http://127.0.0.1:${hexcastPort}${url}`, { connections: CONNECTIONS, seconds: 2 }); // warm-up
    const ours = await wrk(`http://127.0.0.1:${hexcastPort}${url}`, { connections: CONNECTIONS, seconds: SECONDS });
    await wrk(`http://127.0.0.1:${nginxPort}${url}`, { connections: CONNECTIONS, seconds: 2 });
    const theirs = await wrk(`http://127.0.0.1:${nginxPort}${url}`, { connections: CONNECTIONS, seconds: SECONDS });
    rows.push([label, ours, theirs]);
  }
  nginx.kill('SIGTERM');
  server.close();
  await controller.stop();
  fs.rmSync(root, { recursive: true, force: true });

  console.log(`bench/hls-serve: wrk 1 thread, ${CONNECTIONS} connections, ${SECONDS} s per run; nginx worker_processes 1`);
  for (const [label, ours, theirs] of rows) {
    console.log(
      `${label.padEnd(18)} hexcast ${fmt(ours.requestsPerSecond)} req/s ${mib(ours.bytesPerSecond)} | nginx ${fmt(theirs.requestsPerSecond)} req/s ${mib(theirs.bytesPerSecond)} | ratio ${(ours.requestsPerSecond / theirs.requestsPerSecond).toFixed(2)}× (errors ${ours.errors}/${theirs.errors})`,
    );
  }
}

function randomSegment(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65536)));
  for (let i = 0; i < size; i += 188) bytes[i] = 0x47;
  return bytes;
}

function startNginx(root: string, port: number) {
  const conf = path.join(root, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${root}/nginx.pid; error_log ${root}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { application/x-mpegURL m3u8; video/mp2t ts; }
  client_body_temp_path ${root}/tmp; proxy_temp_path ${root}/tmp; fastcgi_temp_path ${root}/tmp; uwsgi_temp_path ${root}/tmp; scgi_temp_path ${root}/tmp;
  server { listen 127.0.0.1:${port}; root ${root}; location /hls/ { add_header Access-Control-Allow-Origin *; } }
}
`,
  );
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  return spawn('nginx', ['-c', conf, '-p', root], { stdio: 'ignore' });
}

const fmt = (n: number) => Math.round(n).toString().padStart(6);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0).padStart(5)} MiB/s`;

await main();
