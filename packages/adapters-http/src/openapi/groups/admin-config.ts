import { z } from 'zod';
import { SETTINGS_SCHEMAS, type SettingsSection } from '@hexcast/core';
import { VALUE_SETTERS } from '../../routes/admin-config.ts';
import { BrowserConfigBody, DiscordConfigBody, ImageUploadBody, S3ConfigBody } from '../../routes/admin-config-schemas.ts';
import { BAD_REQUEST, SUCCESS, type RouteSpec } from '../route-spec.ts';

/** The field's schema as a client must send it: a default never stands in for a missing value. */
function valueSchema(section: SettingsSection, field: string): z.ZodType {
  const shape = SETTINGS_SCHEMAS[section].shape as Record<string, z.ZodType>;
  const schema = shape[field];
  if (schema === undefined) throw new Error(`no settings field ${section}.${field}`);
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/** `/api/admin/config/*` (routes/admin-config.ts): the `{value}` setters, one per settings field. */
export const adminConfigSpecs: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/api/admin/config/adminpass',
    summary: 'Change the admin password (weak passwords are refused)',
    tags: ['Admin'],
    auth: 'admin',
    body: z.object({ value: z.string() }),
    responses: { ...SUCCESS, ...BAD_REQUEST },
  },
  ...(
    [
      ['logo', 'Upload the logo (PNG, JPEG, GIF, WebP or SVG as a base64 data: URL, ≤ 2 MiB)', ImageUploadBody],
      ['favicon', 'Upload the favicon (PNG or ICO as a base64 data: URL, ≤ 200 KB)', ImageUploadBody],
      ['s3', 'Set the S3 storage configuration (Owncast’s S3Info)', S3ConfigBody],
      ['notifications/discord', 'Configure Discord notifications', DiscordConfigBody],
      ['notifications/browser', 'Configure browser notifications', BrowserConfigBody],
    ] as const
  ).map(([path, summary, body]): RouteSpec => ({ method: 'post', path: `/api/admin/config/${path}`, summary, tags: ['Admin'], auth: 'admin', body, responses: { ...SUCCESS, ...BAD_REQUEST } })),
  { method: 'delete', path: '/api/admin/config/favicon', summary: 'Reset the favicon to the default', tags: ['Admin'], auth: 'admin', responses: SUCCESS },
  ...Object.entries(VALUE_SETTERS).map(
    ([path, [section, field]]): RouteSpec => ({
      method: 'post',
      path: `/api/admin/config/${path}`,
      summary: `Set ${section}.${field}`,
      tags: ['Admin'],
      auth: 'admin',
      body: z.object({ value: valueSchema(section, field) }),
      responses: { ...SUCCESS, ...BAD_REQUEST },
    }),
  ),
];
