/** Where a client appears to be, from a GeoIP lookup. */
export interface GeoDetails {
  readonly countryCode: string;
  readonly regionName: string;
  readonly timeZone: string;
}

/** An active viewer: a client that fetched a playlist or pinged within the activity window. */
export interface Viewer {
  readonly clientId: string;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly userAgent: string;
  readonly ipAddress: string;
  readonly geo: GeoDetails | null;
}

/** A viewer is active for a minute after its last playlist fetch or ping. */
export const VIEWER_ACTIVITY_WINDOW_MS = 60_000;

/** One point of the viewers-over-time series. */
export interface ViewerSample {
  readonly time: Date;
  readonly value: number;
}

/** Counters that outlive a single stream. */
export interface StreamStats {
  readonly overallPeakViewerCount: number;
  readonly sessionPeakViewerCount: number;
  readonly lastConnectTime: Date | null;
  readonly lastDisconnectTime: Date | null;
}

export const EMPTY_STREAM_STATS: StreamStats = {
  overallPeakViewerCount: 0,
  sessionPeakViewerCount: 0,
  lastConnectTime: null,
  lastDisconnectTime: null,
};
