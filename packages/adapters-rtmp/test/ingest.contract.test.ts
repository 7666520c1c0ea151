import { describe } from 'vitest';
import { describeIngestServerContract, MemoryLogger, type IngestPublisher, type IngestServerDriver } from '@hexcast/core/testing';
import { NodeMediaServerIngest } from '../src/index.ts';
import { killPublishers, publishTestPattern } from './support/ffmpeg-publisher.ts';
import { metadata, publishConversation, videoKeyframe } from './support/rtmp-bytes.ts';
import { openRaw, type RawClient } from './support/tcp.ts';

/** Connects one broadcaster to the ingest's port. */
type Connect = (port: number, streamKey: string) => Promise<IngestPublisher>;

/**
 * The ingest on port 0. Publishers find the port through `address()`, remembered so that one
 * arriving after `stop()` knocks on the closed port rather than nowhere.
 */
function nodeMediaServerDriver(connect: Connect, disconnectAll: () => void): IngestServerDriver {
  const server = new NodeMediaServerIngest({ port: 0, host: '127.0.0.1', logger: new MemoryLogger() });
  let port: number | undefined;
  return {
    server,
    publish: async (streamKey) => {
      port = server.address()?.port ?? port;
      if (port === undefined) throw new Error('the ingest was never started');
      return connect(port, streamKey);
    },
    teardown: async () => {
      disconnectAll();
      await server.stop();
    },
  };
}

// A real encoder: ffmpeg's test pattern, live (-re), for longer than any test.
const ffmpeg: Connect = async (port, streamKey) => {
  const publisher = publishTestPattern(`rtmp://127.0.0.1:${port}/live/${streamKey}`, 60);
  return { leave: async () => publisher.leave(), exited: publisher.exited.then(() => undefined) };
};

// A hand-built client: an encoder's opening (metadata, two keyframes) in one write, then silence.
const rawClients = new Set<RawClient>();
const HELLO = metadata({ width: 320, height: 240, videocodecid: 7, audiocodecid: 10, framerate: 25, encoder: 'contract' });
const raw: Connect = async (port, streamKey) => {
  const client = await openRaw(port);
  rawClients.add(client);
  void client.closed.then(() => rawClients.delete(client));
  client.socket.write(Buffer.concat([publishConversation(streamKey), HELLO, videoKeyframe(0), videoKeyframe(40)]));
  return { leave: async () => void client.socket.end(), exited: client.closed.then(() => undefined) };
};

describe('NodeMediaServerIngest with ffmpeg publishers', () => describeIngestServerContract(() => nodeMediaServerDriver(ffmpeg, killPublishers)));

describe('NodeMediaServerIngest with hand-built publishers', () =>
  describeIngestServerContract(() =>
    nodeMediaServerDriver(raw, () => {
      for (const client of rawClients) client.socket.destroy();
    }),
  ));
