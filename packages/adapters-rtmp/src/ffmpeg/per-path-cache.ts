/**
 * Memoizes an async lookup per ffmpeg path: concurrent and later calls share one promise. A
 * rejection is not remembered, so a path that starts working (ffmpeg installed later) is retried.
 */
export function cachePerPath<T>(lookup: (ffmpegPath: string) => Promise<T>): (ffmpegPath: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (ffmpegPath) => {
    let pending = cache.get(ffmpegPath);
    if (pending === undefined) {
      pending = lookup(ffmpegPath);
      cache.set(ffmpegPath, pending);
      pending.catch(() => cache.delete(ffmpegPath));
    }
    return pending;
  };
}
