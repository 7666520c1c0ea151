import { useEffect, useState } from 'preact/hooks';
import { api, type Status, type WebConfig } from './api.ts';
import { applyCustomisation } from './customisation.ts';

/** While offline the page looks often, so a waiting viewer sees the stream within about a second of it starting. */
const STATUS_OFFLINE_EVERY_MS = 1_000;
const STATUS_ONLINE_EVERY_MS = 3_000;
const CONFIG_EVERY_MS = 30_000;
/** While chat is off the page holds no socket: it looks at the config more often to notice chat coming back. */
const CONFIG_CHAT_OFF_EVERY_MS = 10_000;

export interface ServerState {
  config: WebConfig | undefined;
  status: Status | undefined;
  /** Set while the server cannot be reached. */
  unreachable: boolean;
}

/**
 * The server's public config and status, kept fresh by polling (/api/status every second while
 * offline and every 3 s while live, the config every 30 s — 10 s while chat is off — and whenever
 * the stream goes on- or offline), so going live or a new stream title shows without a reload.
 * Each config that arrives also applies the admin's look to the page (see customisation.ts).
 */
export function useServerState(): ServerState {
  const [config, setConfig] = useState<WebConfig>();
  const [status, setStatus] = useState<Status>();
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    let stopped = false;
    let lastOnline: boolean | undefined;
    let statusTimer: ReturnType<typeof setTimeout> | undefined;
    let configTimer: ReturnType<typeof setTimeout> | undefined;
    let chatOff = false;
    const loadConfig = () =>
      api.config().then(
        (c) => {
          if (stopped) return;
          setConfig(c);
          applyCustomisation(c);
          chatOff = c.chatDisabled;
        },
        () => undefined,
      );
    const pollConfig = async () => {
      await loadConfig();
      if (!stopped) configTimer = setTimeout(pollConfig, chatOff ? CONFIG_CHAT_OFF_EVERY_MS : CONFIG_EVERY_MS);
    };
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
    void pollConfig();
    void loadStatus();
    return () => {
      stopped = true;
      clearTimeout(statusTimer);
      clearTimeout(configTimer);
    };
  }, []);

  return { config, status, unreachable };
}
