import { z } from 'zod';
import { VIDEO_METRIC_SERIES } from '@hexcast/core';
import { WIRE_LOG_LEVELS } from '../../routes/admin-ops.ts';
import { GeoDetailsWire } from './chat.ts';
import { IsoDateTime, TimestampedValue } from './common.ts';

/** Wire forms of the operations views (`OperationsApi`). */

export const LogLineWire = z.object({ time: IsoDateTime, level: z.enum(Object.values(WIRE_LOG_LEVELS)), message: z.string() });

/** Owncast's `StreamHealthOverview`. */
export const StreamHealthOverviewWire = z.object({
  healthy: z.boolean(),
  healthPercentage: z.number().int().min(0).max(100),
  message: z.string(),
  representation: z.number().int().min(0).max(100),
});

/** The samples, and the health overview once players have reported playback metrics. */
export const HardwareStatsWire = z.object({
  cpu: z.array(TimestampedValue),
  memory: z.array(TimestampedValue),
  disk: z.array(TimestampedValue),
  ...StreamHealthOverviewWire.partial().shape,
});

export const ViewerWire = z.object({
  clientID: z.string(),
  firstSeen: IsoDateTime,
  lastSeen: IsoDateTime,
  userAgent: z.string(),
  ipAddress: z.string(),
  geo: GeoDetailsWire.nullable(),
});

export const VideoMetricsWire = z.object({
  ...Object.fromEntries(VIDEO_METRIC_SERIES.map((name) => [name, z.array(TimestampedValue)])),
  availableBitrates: z.array(z.number().int()),
  segmentLength: z.number().int(),
  representation: z.number().int().min(0).max(100),
});

export const HealthWire = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ database: z.enum(['ok', 'failing']), core: z.enum(['ok', 'starting', 'stopped']) }),
});
