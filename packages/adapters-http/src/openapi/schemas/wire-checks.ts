import type { z } from 'zod';
import type { AccessTokenView, AdminStatus, ChatClientView, ChatMessageView, ChatUserDetails, ChatUserView, CreatedAccessToken, HardwareReport, IpBanView, PublicStatus, RegisteredChatUser, TimestampedValue, VideoMetrics, VideoVariantInfo, WebConfig } from '@hexcast/core';
import type { AccessTokenViewWire, ChatClientViewWire, ChatMessageViewWire, ChatUserDetailsWire, ChatUserViewWire, CreatedAccessTokenWire, IpBanViewWire, RegisteredChatUserWire } from './chat.ts';
import type { TimestampedValue as TimestampedValueWire } from './common.ts';
import type { HardwareStatsWire, VideoMetricsWire } from './operations.ts';
import type { AdminStatusWire, PublicStatusWire, VideoVariantWire, WebConfigWire } from './status.ts';

/**
 * Compile-time checks that each wire schema accepts what `JSON.stringify` makes of the core's
 * view type: a field whose type changes, or one the schema promises and the view lacks, fails
 * `tsc`. (Fields a view adds are caught at run time, by responses.test.ts, when exercised.)
 */
type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Array<Json<U>> : T extends object ? { -readonly [K in keyof T]: Json<T[K]> } : T;
type Fits<View, Schema extends z.ZodType> = [Json<View>] extends [z.output<Schema>] ? true : false;

export type WireChecks = [
  Fits<PublicStatus, typeof PublicStatusWire>,
  Fits<WebConfig, typeof WebConfigWire>,
  Fits<AdminStatus, typeof AdminStatusWire>,
  Fits<VideoVariantInfo, typeof VideoVariantWire>,
  Fits<ChatUserView, typeof ChatUserViewWire>,
  Fits<ChatMessageView, typeof ChatMessageViewWire>,
  Fits<ChatClientView, typeof ChatClientViewWire>,
  Fits<ChatUserDetails, typeof ChatUserDetailsWire>,
  Fits<RegisteredChatUser, typeof RegisteredChatUserWire>,
  Fits<IpBanView, typeof IpBanViewWire>,
  Fits<AccessTokenView, typeof AccessTokenViewWire>,
  Fits<CreatedAccessToken, typeof CreatedAccessTokenWire>,
  Fits<TimestampedValue, typeof TimestampedValueWire>,
  Fits<HardwareReport, typeof HardwareStatsWire>,
  Fits<VideoMetrics, typeof VideoMetricsWire>,
];

/** Every check must hold; a `false` entry here is the schema that drifted. */
export const WIRE_CHECKS_HOLD: WireChecks extends true[] ? true : never = true;
