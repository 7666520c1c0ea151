import { describe } from 'vitest';
import type { GeoDetails } from '../domain/viewers.ts';
import { describeAuthProviderContract } from './auth-provider.contract.ts';
import { describeClockContract } from './clock.contract.ts';
import { FakeAuthProvider } from './fake-auth-provider.ts';
import { FakeClock } from './fake-clock.ts';
import { FakeIngestServer } from './fake-ingest-server.ts';
import { FakeTranscoder } from './fake-transcoder.ts';
import { describeGeoIpLookupContract } from './geoip-lookup.contract.ts';
import { InMemoryGeoIpLookup } from './in-memory-geoip-lookup.ts';
import { InMemoryNotifier } from './in-memory-notifier.ts';
import { describeIngestServerContract, type IngestServerDriver } from './ingest-server.contract.ts';
import { describeLoggerContract } from './logger.contract.ts';
import { MemoryLogger } from './memory-logger.ts';
import { describeNotifierContract } from './notifier.contract.ts';
import { describeTranscoderContract } from './transcoder.contract.ts';

// The fakes of the non-repository ports pass the suites their adapters will run.

const FLV_HEADER = new Uint8Array([0x46, 0x4c, 0x56, 1, 5, 0, 0, 0, 9]);

describe('FakeClock', () =>
  describeClockContract(() => {
    const clock = new FakeClock();
    return { clock, advance: async (ms) => clock.advance(ms) };
  }));

describe('MemoryLogger', () =>
  describeLoggerContract(() => {
    const logger = new MemoryLogger();
    return { logger, entries: async () => logger.entries.map(({ level, message, bindings, fields }) => ({ level, message, fields: { ...bindings, ...fields } })) };
  }));

const KNOWN: { ipAddress: string; details: GeoDetails } = { ipAddress: '81.2.69.142', details: { countryCode: 'GB', regionName: 'England', timeZone: 'Europe/London' } };
describe('InMemoryGeoIpLookup', () => describeGeoIpLookupContract(() => new InMemoryGeoIpLookup([[KNOWN.ipAddress, KNOWN.details]]), { known: KNOWN }));

describe('InMemoryNotifier', () =>
  describeNotifierContract(({ working, failing }) => {
    const names = (kind: string, count: number) => Array.from({ length: count }, (_, i) => `${kind}-${i}`);
    const failed = names('failing', failing);
    const notifier = new InMemoryNotifier({ destinations: [...names('working', working), ...failed], failing: failed });
    return { notifier, deliveries: async () => notifier.sent.length };
  }));

describe('FakeAuthProvider', () => describeAuthProviderContract(() => ({ provider: new FakeAuthProvider(), account: 'https://alice.example/', proofFor: FakeAuthProvider.proofFor })));

describe('FakeIngestServer', () =>
  describeIngestServerContract((): IngestServerDriver => {
    const server = new FakeIngestServer();
    let published = 0;
    return {
      server,
      async publish(streamKey) {
        const sessionId = `contract-${++published}`;
        await server.publish({ streamKey, sessionId, media: [FLV_HEADER] });
        return { leave: () => server.leave(sessionId), exited: server.whenEnded(sessionId) };
      },
      teardown: () => server.stop(),
    };
  }));

describe('FakeTranscoder', () =>
  describeTranscoderContract(() => ({
    transcoder: new FakeTranscoder({ followSource: true }),
    // One chunk, then silence: the broadcast stays open until the suite ends or cancels it.
    source: () => new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(FLV_HEADER) }),
  })));
