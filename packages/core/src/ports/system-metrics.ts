/** One reading of the machine's load, each a percentage from 0 to 100. */
export interface SystemUsage {
  /** CPU time spent busy, all cores together, since the previous reading (the first: since the adapter was created) */
  readonly cpuPercent: number;
  /** memory in use (not available to new processes) */
  readonly memoryPercent: number;
  /** space used on the volume that holds the server's data */
  readonly diskPercent: number;
}

/** The machine's CPU, memory and disk load, sampled by the core on its clock. */
export interface SystemMetrics {
  /**
   * Reads the current load. Every value is finite and within 0-100, also when two readings come
   * in the same instant (CPU then reports 0). Rejects only when the system cannot be read at all
   * (e.g. the data directory is gone); the caller skips that sample.
   */
  read(): Promise<SystemUsage>;
}
