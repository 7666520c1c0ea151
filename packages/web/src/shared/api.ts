/**
 * The public hexcast API as the browser app uses it (Owncast's field names). Only what the pages
 * read is typed; everything comes from same-origin requests.
 */
export interface WebConfig {
  name: string;
  summary: string;
  logo: string;
  tags: string[];
  nsfw: boolean;
  socialHandles: Array<{ platform: string; url: string; icon: string }>;
  extraPageContent: string;
  offlineMessage: string;
  streamTitle: string;
  appearanceVariables: Record<string, string>;
  customStyles: string;
  socketHostOverride: string;
  hideViewerCount: boolean;
  externalActions: ExternalAction[];
  chatDisabled: boolean;
  /** `off`, `always` or `sound-only`. */
  autoplay: string;
  maxSocketPayloadSize: number;
}

/** A button the admin added to the page (a donation link, a merch shop…). */
export interface ExternalAction {
  url: string;
  title: string;
  description?: string;
  icon?: string;
  color?: string;
  openExternally?: boolean;
}

export interface Status {
  online: boolean;
  viewerCount?: number;
  serverTime: string;
  lastConnectTime: string | null;
  lastDisconnectTime: string | null;
  streamTitle: string;
}

export interface Variant {
  index: number;
  name: string;
}

export interface Emoji {
  name: string;
  url: string;
}

export interface ChatUser {
  id: string;
  displayName: string;
  displayColor: number;
  scopes: string[];
  isBot?: boolean;
  previousNames?: string[];
}

export interface Registration {
  id: string;
  accessToken: string;
  displayName: string;
}

/** A GET of JSON; throws with the status on anything but 2xx. */
export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { cache: 'no-store', ...init });
  if (!response.ok) throw new ApiError(response.status, `${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** A POST of JSON; resolves with the parsed answer or throws with the status. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return getJson<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export const api = {
  config: () => getJson<WebConfig>('/api/config'),
  status: () => getJson<Status>('/api/status'),
  variants: () => getJson<Variant[]>('/api/video/variants'),
  emoji: () => getJson<Emoji[]>('/api/emoji'),
  register: (displayName?: string) => postJson<Registration>('/api/chat/register', displayName ? { displayName } : {}),
  history: (token: string) => getJson<unknown[]>(`/api/chat?accessToken=${encodeURIComponent(token)}`),
  setMessageVisibility: (token: string, ids: string[], visible: boolean) =>
    postJson<unknown>(`/api/chat/messagevisibility?accessToken=${encodeURIComponent(token)}`, { idArray: ids, visible }),
  setUserEnabled: (token: string, userId: string, enabled: boolean) =>
    postJson<unknown>(`/api/chat/users/setenabled?accessToken=${encodeURIComponent(token)}`, { userId, enabled }),
};
