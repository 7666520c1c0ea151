import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AdminApiError, adminGet } from './admin-api.ts';

export interface AdminData<T> {
  data: T | undefined;
  /** The last failure's message, cleared by the next success. */
  error: string | undefined;
  /** The server has no such endpoint: show "unavailable" rather than an error. */
  unavailable: boolean;
  reload: () => Promise<void>;
}

/**
 * GETs an admin endpoint when mounted (and every `everyMs` if given, while the tab is visible),
 * keeping the last good answer through a failed refresh.
 */
export function useAdminData<T>(path: string, everyMs?: number): AdminData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [unavailable, setUnavailable] = useState(false);
  const mounted = useRef(true);

  const reload = useCallback(async () => {
    try {
      const next = await adminGet<T>(path);
      if (!mounted.current) return;
      setData(next);
      setError(undefined);
      setUnavailable(false);
    } catch (failure) {
      if (!mounted.current) return;
      const apiError = failure instanceof AdminApiError ? failure : new AdminApiError(0, String(failure));
      setUnavailable(apiError.unavailable);
      setError(apiError.message);
    }
  }, [path]);

  useEffect(() => {
    mounted.current = true;
    void reload();
    if (everyMs === undefined) return () => (mounted.current = false);
    const timer = setInterval(() => document.visibilityState === 'visible' && void reload(), everyMs);
    return () => {
      mounted.current = false;
      clearInterval(timer);
    };
  }, [reload, everyMs]);

  return { data, error, unavailable, reload };
}
