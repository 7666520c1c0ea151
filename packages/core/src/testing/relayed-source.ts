/** A broadcast passed through a stream the transcoder contract can end or break at will. */
export interface RelayedSource {
  /** What the job reads. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The broadcaster leaves: the job's source closes after what was already relayed. */
  end(): Promise<void>;
  /** The publisher is dropped: the job's source errors. */
  fail(reason: Error): Promise<void>;
  /** Whether the job cancelled its source (let go of it while it was open). */
  cancelled(): boolean;
}

/** Relays `upstream` chunk by chunk; the upstream is cancelled once the relay ends either way. */
export function relaySource(upstream: ReadableStream<Uint8Array>): RelayedSource {
  const reader = upstream.getReader();
  let open = true;
  let cancelled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const release = async () => {
    open = false;
    await reader.cancel().catch(() => undefined);
  };
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    pull: async (c) => {
      const read = await reader.read();
      // end(), fail() or cancel() may have closed the relay while this read was pending.
      if (!open) return;
      if (read.done) {
        open = false;
        c.close();
      } else c.enqueue(read.value);
    },
    cancel: async () => {
      cancelled = true;
      await release();
    },
  });
  return {
    stream,
    end: async () => {
      if (!open) return;
      controller.close();
      await release();
    },
    fail: async (reason) => {
      if (!open) return;
      controller.error(reason);
      await release();
    },
    cancelled: () => cancelled,
  };
}
