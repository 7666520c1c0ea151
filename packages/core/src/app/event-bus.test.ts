import { describe, expect, it } from 'vitest';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { EventBus } from './event-bus.ts';
import type { AppEvent } from './events.ts';

const event: AppEvent = { type: 'viewer-count-changed', count: 3 };

describe('EventBus', () => {
  it('delivers to the listeners of the type and to catch-all listeners, until unsubscribed', () => {
    const bus = new EventBus(new MemoryLogger());
    const seen: string[] = [];
    const off = bus.on('viewer-count-changed', () => void seen.push('typed'));
    bus.on('stream-stopped', () => void seen.push('other type'));
    bus.onAny((e) => void seen.push(`any:${e.type}`));
    bus.publish(event);
    off();
    bus.publish(event);
    expect(seen).toEqual(['typed', 'any:viewer-count-changed', 'any:viewer-count-changed']);
  });

  it('logs a listener that throws and still delivers to the others', () => {
    const logger = new MemoryLogger();
    const bus = new EventBus(logger);
    const delivered: number[] = [];
    bus.on('viewer-count-changed', () => {
      throw new Error('broken subscriber');
    });
    bus.on('viewer-count-changed', (e) => void delivered.push(e.count));
    bus.onAny(() => void delivered.push(-1));
    expect(() => bus.publish(event)).not.toThrow();
    expect(delivered).toEqual([3, -1]);
    expect(logger.at('error')).toHaveLength(1);
    expect(logger.at('error')[0]?.fields).toMatchObject({ event: 'viewer-count-changed' });
  });

  it('logs a listener whose promise rejects and still delivers to the others', async () => {
    const logger = new MemoryLogger();
    const bus = new EventBus(logger);
    const delivered: number[] = [];
    bus.on('viewer-count-changed', async () => {
      throw new Error('async failure');
    });
    bus.on('viewer-count-changed', (e) => void delivered.push(e.count));
    bus.publish(event);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(delivered).toEqual([3]);
    expect(logger.at('error').map((entry) => (entry.fields['err'] as Error).message)).toEqual(['async failure']);
  });
});
