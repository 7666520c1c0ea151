import type { FunctionComponent } from 'preact';

export interface Section {
  /** Path below /admin/ ('' is the dashboard). */
  readonly path: string;
  readonly label: string;
  /** Each section is its own chunk, fetched when first opened. */
  readonly load: () => Promise<FunctionComponent>;
}

export const SECTIONS: readonly Section[] = [
  { path: '', label: 'Dashboard', load: () => import('./pages/dashboard-page.tsx').then((m) => m.DashboardPage) },
  { path: 'settings', label: 'Server settings', load: () => import('./pages/settings-page.tsx').then((m) => m.SettingsPage) },
  { path: 'stream-keys', label: 'Stream keys', load: () => import('./pages/stream-keys-page.tsx').then((m) => m.StreamKeysPage) },
  { path: 'video', label: 'Video', load: () => import('./pages/video-page.tsx').then((m) => m.VideoPage) },
  { path: 'chat', label: 'Chat', load: () => import('./pages/chat-page.tsx').then((m) => m.ChatPage) },
  { path: 'integrations', label: 'Integrations', load: () => import('./pages/integrations-page.tsx').then((m) => m.IntegrationsPage) },
  { path: 'storage', label: 'Storage', load: () => import('./pages/storage-page.tsx').then((m) => m.StoragePage) },
  { path: 'logs', label: 'Logs', load: () => import('./pages/logs-page.tsx').then((m) => m.LogsPage) },
];
