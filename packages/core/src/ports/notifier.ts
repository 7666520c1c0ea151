import type { NotificationChannel } from '../domain/integrations.ts';

export interface GoLiveNotice {
  readonly serverName: string;
  readonly serverUrl: string;
  readonly streamTitle: string;
  readonly message: string;
  readonly logoUrl: string;
}

/** Sends go-live notices over one channel (Discord, browser push, …). */
export interface Notifier {
  readonly channel: NotificationChannel;
  /** Delivers to every destination of the channel; failures of single destinations are reported, not thrown. */
  notifyGoLive(notice: GoLiveNotice): Promise<{ delivered: number; failed: number }>;
}
