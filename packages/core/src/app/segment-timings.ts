import { isSegment } from '../domain/hls.ts';
import type { SegmentFigures } from '../domain/operations.ts';
import type { Clock } from '../ports/clock.ts';
import type { HlsOutput } from '../ports/transcoder.ts';

/**
 * Times segment production: wraps the `HlsOutput` a transcoder writes to, so every segment's
 * arrival and storage time is measured where it happens. At the target pace the interval is
 * the latency level's segment length; a longer one means the encoder falls behind.
 */
export class SegmentTimings {
  readonly #clock: Clock;
  #stored = 0;
  #failed = 0;
  #bytes = 0;
  #lastArrival = new Map<string, number>();
  #lastIntervalSeconds: number | undefined;
  #lastStoreSeconds: number | undefined;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** An `HlsOutput` that passes every write on to `output`, timing the segments. */
  wrap(output: HlsOutput): HlsOutput {
    this.#lastArrival = new Map();
    return {
      write: async (path, body) => {
        if (!isSegment(path)) return output.write(path, body);
        const arrived = this.#clock.now().getTime();
        const variant = path.split('/')[0] ?? '';
        const previous = this.#lastArrival.get(variant);
        this.#lastArrival.set(variant, arrived);
        if (previous !== undefined && variant === [...this.#lastArrival.keys()].sort()[0]) this.#lastIntervalSeconds = (arrived - previous) / 1000;
        try {
          await output.write(path, body);
        } catch (error) {
          this.#failed++;
          throw error;
        }
        this.#stored++;
        this.#bytes += body.byteLength;
        this.#lastStoreSeconds = (this.#clock.now().getTime() - arrived) / 1000;
      },
    };
  }

  get figures(): SegmentFigures {
    return { stored: this.#stored, failed: this.#failed, bytes: this.#bytes, lastIntervalSeconds: this.#lastIntervalSeconds, lastStoreSeconds: this.#lastStoreSeconds };
  }
}
