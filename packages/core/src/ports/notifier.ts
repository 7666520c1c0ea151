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
  /**
   * Delivers to every destination of the channel, again on each call. `delivered + failed` is the
   * number of destinations; a destination that fails is counted in `failed`, never thrown.
   */
  notifyGoLive(notice: GoLiveNotice): Promise<{ delivered: number; failed: number }>;
}
