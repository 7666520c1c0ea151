import { z } from 'zod';
import { InboundStreamDetailsSchema, OutputVariantSchema } from '@hexcast/core';
import { IsoDateTime } from './common.ts';
import { StreamHealthOverviewWire } from './operations.ts';

/** Wire forms of the core's status views (`PublicStatus`, `WebConfig`, `AdminStatus`, …). */

export const PublicStatusWire = z.object({
  online: z.boolean(),
  viewerCount: z.number().int().optional().describe('left out when the admin hides the viewer count'),
  serverTime: IsoDateTime,
  lastConnectTime: IsoDateTime.nullable(),
  lastDisconnectTime: IsoDateTime.nullable(),
  versionNumber: z.string(),
  streamTitle: z.string(),
});

export const WebConfigWire = z.object({
  name: z.string(),
  summary: z.string(),
  logo: z.string(),
  tags: z.array(z.string()),
  version: z.string(),
  nsfw: z.boolean(),
  socialHandles: z.array(z.object({ platform: z.string(), url: z.string(), icon: z.string() })),
  extraPageContent: z.string().describe('sanitised HTML'),
  offlineMessage: z.string().describe('sanitised HTML'),
  streamTitle: z.string(),
  appearanceVariables: z.record(z.string(), z.string()),
  customStyles: z.string(),
  socketHostOverride: z.string(),
  externalActions: z.array(z.unknown()),
  notifications: z.object({ browser: z.object({ enabled: z.boolean(), publicKey: z.string() }) }),
  federation: z.object({ enabled: z.boolean(), account: z.string(), followerCount: z.number().int(), hideFollowersTab: z.boolean() }),
  maxSocketPayloadSize: z.number().int(),
  hideViewerCount: z.boolean(),
  chatDisabled: z.boolean(),
  chatRequireAuthentication: z.boolean(),
  autoplay: z.string(),
  authentication: z.object({ indieAuthEnabled: z.boolean() }),
});

export const AdminStatusWire = z.object({
  online: z.boolean(),
  broadcaster: z.object({ remoteAddr: z.string(), time: IsoDateTime, streamDetails: InboundStreamDetailsSchema }).nullable(),
  currentBroadcast: z
    .object({
      outputSettings: z.array(OutputVariantSchema),
      latencyLevel: z.object({ level: z.number().int(), secondsPerSegment: z.number(), segmentCount: z.number().int() }),
    })
    .nullable(),
  health: StreamHealthOverviewWire.nullable(),
  streamTitle: z.string(),
  versionNumber: z.string(),
  viewerCount: z.number().int(),
  overallPeakViewerCount: z.number().int(),
  sessionPeakViewerCount: z.number().int(),
});

export const VideoVariantWire = z.object({ index: z.number().int(), name: z.string() });
