import { useEffect, useState } from 'preact/hooks';
import { api, type Status, type WebConfig } from './api.ts';

const STATUS_EVERY_MS = 3_000;
const CONFIG_EVERY_MS = 30_000;

export interface ServerState {
  config: WebConfig | undefined;
  status: Status | undefined;
  /** Set while the server cannot be reached. */
  unreachable: boolean;
}

/**
 * The server's public config and status, kept fresh by polling (/api/status every 3 s, the config
 * every 30 s and whenever the stream goes on- or offline), so a new stream title or going live
 * shows without a reload.
 */
export function useServerState(): ServerState {
  const [config, setConfig] = useState<WebConfig>();
  const [status, setStatus] = useState<Status>();
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    let stopped = false;
    let lastOnline: boolean | undefined;
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
    };
    void loadConfig();
    void loadStatus();
    const statusTimer = setInterval(loadStatus, STATUS_EVERY_MS);
    const configTimer = setInterval(loadConfig, CONFIG_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(statusTimer);
      clearInterval(configTimer);
    };
  }, []);

  return { config, status, unreachable };
}
