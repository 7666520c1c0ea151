import type { ChatEvent } from '../domain/chat.ts';
import type { SettingsSection } from '../domain/settings.ts';
import type { Broadcaster } from '../domain/video.ts';

/** Everything services announce to each other. Subscribers must not assume delivery order between types. */
export type AppEvent =
  | { readonly type: 'broadcaster-connected'; readonly broadcaster: Broadcaster }
  | { readonly type: 'broadcaster-disconnected'; readonly sessionId: string; readonly at: Date }
  | { readonly type: 'stream-started'; readonly at: Date; readonly broadcaster: Broadcaster; readonly streamTitle: string }
  | { readonly type: 'stream-stopped'; readonly at: Date }
  | { readonly type: 'stream-title-changed'; readonly title: string; readonly at: Date }
  | { readonly type: 'settings-changed'; readonly section: SettingsSection }
  | { readonly type: 'viewer-count-changed'; readonly count: number }
  | { readonly type: 'chat'; readonly event: ChatEvent };

export type AppEventType = AppEvent['type'];
export type AppEventOf<T extends AppEventType> = Extract<AppEvent, { type: T }>;
