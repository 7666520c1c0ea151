import { useEffect, useState } from 'preact/hooks';
import { api, type Status, type WebConfig } from './api.ts';

/** While offline the page looks often, so a waiting viewer sees the stream within about a second of it starting. */
const STATUS_OFFLINE_EVERY_MS = 1_000;
const STATUS_ONLINE_EVERY_MS = 3_000;
const CONFIG_EVERY_MS = 30_000;

export interface ServerState {
  config: WebConfig | undefined;
  status: Status | undefined;
  /** Set while the server cannot be reached. */
  unreachable: boolean;
}

/**
 * The server's public config and status, kept fresh by polling (/api/status every second while
 * offline and every 3 s while live, the config every 30 s and whenever the stream goes on- or
 * offline), so going live or a new stream title shows without a reload.
 */
export function useServerState(): ServerState {
  const [config, setConfig] = useState<WebConfig>();
  const [status, setStatus] = useState<Status>();
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    let stopped = false;
    let lastOnline: boolean | undefined;
    let statusTimer: ReturnType<typeof setTimeout> | undefined;
    const loadConfig = () => api.config().then((c) => !stopped && setConfig(c), () => undefined);
    const loadStatus = async () => {
      try {
        const next = await api.status();
        if (stopped) return;
        setStatus(next);
        setUnreachable(false);
        if (lastOnline !== undefined && lastOnline !== next.online) void loadConfig();
        lastOnline = next.online;
      } catch {
        if (!stopped) setUnreachable(true);
      }
      if (!stopped) statusTimer = setTimeout(loadStatus, lastOnline === true ? STATUS_ONLINE_EVERY_MS : STATUS_OFFLINE_EVERY_MS);
    };
    void loadConfig();
    void loadStatus();
    const configTimer = setInterval(loadConfig, CONFIG_EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(statusTimer);
      clearInterval(configTimer);
    };
  }, []);

  return { config, status, unreachable };
}
