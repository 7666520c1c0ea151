import { MemoryLogger } from '@hexcast/core/testing';
import { NodeMediaServerIngest } from './src/index.ts';
import { RecordingHandler } from './test/support/recording-handler.ts';
import { handshake, message, TYPE } from './test/support/rtmp-bytes.ts';
import { openRaw } from './test/support/tcp.ts';
import { publishTestPattern } from './test/support/ffmpeg-publisher.ts';

const gc = (globalThis as { gc?: () => void }).gc!;
const mb = (n: number) => (n / 1048576).toFixed(1);
const snap = (label: string) => { gc(); const m = process.memoryUsage(); console.log(`${label}: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, arrayBuffers ${mb(m.arrayBuffers)} MB`); };

const handler = new RecordingHandler({ keys: ['good'], ignoreMedia: process.argv[2] === 'stuck' });
const ingest = new NodeMediaServerIngest({ port: 0, host: '127.0.0.1', logger: new MemoryLogger() });
await ingest.start(handler);
const port = ingest.address()!.port;
snap('started');
if (process.argv[2] === 'hostile') {
  const clients = [];
  for (let i = 0; i < 500; i++) {
    const c = await openRaw(port);
    // worst case under the pre-auth caps: 16 chunk streams each declaring a 16 KiB message, held open
    c.socket.write(Buffer.concat([handshake(), ...Array.from({ length: 16 }, (_, s) => message({ chunkStreamId: 3 + s, type: TYPE.invoke, payload: Buffer.alloc(10), length: 16 * 1024 }))]));
    const h = await openRaw(port);
    h.socket.write(Buffer.concat([handshake(), message({ chunkStreamId: 3, type: TYPE.invoke, payload: Buffer.alloc(10), length: 0xffffff })]));
    clients.push(c, h);
  }
  await new Promise((r) => setTimeout(r, 1000));
  snap(`1000 hostile connections open (${clients.filter((c) => !c.socket.destroyed).length} still open)`);
  await Promise.all(clients.map((c) => c.closed));
  snap('after the server dropped them all');
} else {
  const ffmpeg = publishTestPattern(`rtmp://127.0.0.1:${port}/live/good`, 20);
  const t = setInterval(() => snap(`publishing, consumer ${process.argv[2]}`), 4000);
  await ffmpeg.exited; clearInterval(t);
  await new Promise((r) => setTimeout(r, 200));
  snap('publisher gone');
}
await ingest.stop();
snap('stopped');
