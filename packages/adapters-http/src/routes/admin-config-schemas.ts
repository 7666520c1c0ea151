import { z } from 'zod';
import { MAX_FAVICON_BYTES, MAX_LOGO_BYTES, S3SettingsSchema } from '@hexcast/core';

/** Owncast's setter body: `{ "value": … }`. A missing value is an error, never "reset to default". */
export const ValueBody = z.object({ value: z.unknown() }).refine((body) => body.value !== undefined, { message: 'the request body needs a "value" field' });

/** `/adminpass`: the new password (the core refuses weak ones). */
export const AdminPasswordBody = z.object({ value: z.string() });

/** `/logo` and `/favicon`: the image as base64, usually a `data:image/…;base64,` URL. */
export const ImageUploadBody = z.object({ value: z.string().min(1, 'value must be the image as a base64 data: URL') });

/** `/s3`: Owncast's `S3Info`; missing fields take their defaults (S3 off, empty strings). */
export const S3ConfigBody = z.object({ value: S3SettingsSchema });

/** `/notifications/discord`: Owncast's `DiscordNotificationConfiguration` (fields left out keep their value). */
export const DiscordConfigBody = z.object({ value: z.object({ enabled: z.boolean(), webhook: z.string(), goLiveMessage: z.string() }).partial() });

/** `/notifications/browser`: Owncast's `BrowserNotificationConfiguration` (fields left out keep their value). */
export const BrowserConfigBody = z.object({ value: z.object({ enabled: z.boolean(), goLiveMessage: z.string() }).partial() });

/** Base64 is a third larger than the bytes; the rest is room for the JSON and the data: prefix. */
export const MAX_LOGO_BODY_BYTES = Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4096;
export const MAX_FAVICON_BODY_BYTES = Math.ceil((MAX_FAVICON_BYTES * 4) / 3) + 4096;
