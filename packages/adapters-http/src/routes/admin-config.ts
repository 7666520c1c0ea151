import { Hono } from 'hono';
import { z } from 'zod';
import type { Settings, SettingsSection } from '@hexcast/core';
import type { AdminConfigApi } from '../api.ts';
import { errorResponse, success } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';

/** Owncast's setter body: `{ "value": … }`. A missing value is an error, never "reset to default". */
const ValueBody = z.object({ value: z.unknown() }).refine((body) => body.value !== undefined, { message: 'the request body needs a "value" field' });

type Field<K extends SettingsSection> = { [S in K]: readonly [S, keyof Settings[S] & string] }[K];

/**
 * The `{value}` setters of Owncast's admin API (`POST /api/admin/config/<path>`), each writing one
 * field of one settings section. Validation is the section's schema, in the core.
 */
export const VALUE_SETTERS: Readonly<Record<string, Field<SettingsSection>>> = {
  name: ['serverInfo', 'name'],
  serversummary: ['serverInfo', 'summary'],
  streamtitle: ['serverInfo', 'streamTitle'],
  tags: ['serverInfo', 'tags'],
  socialhandles: ['serverInfo', 'socialHandles'],
  pagecontent: ['serverInfo', 'extraPageContent'],
  offlinemessage: ['serverInfo', 'offlineMessage'],
  welcomemessage: ['serverInfo', 'welcomeMessage'],
  serverurl: ['serverInfo', 'serverUrl'],
  nsfw: ['serverInfo', 'nsfw'],
  externalactions: ['serverInfo', 'externalActions'],
  customstyles: ['appearance', 'customStyles'],
  customjavascript: ['appearance', 'customJavascript'],
  hideviewercount: ['appearance', 'hideViewerCount'],
  disablesearchindexing: ['appearance', 'disableSearchIndexing'],
  autoplay: ['appearance', 'autoplay'],
  streamkeys: ['security', 'streamKeys'],
  'video/codec': ['video', 'codec'],
  'video/streamlatencylevel': ['video', 'latencyLevel'],
  'video/streamoutputvariants': ['video', 'outputVariants'],
  ffmpegpath: ['video', 'ffmpegPath'],
  webserverport: ['server', 'webServerPort'],
  webserverip: ['server', 'webServerIp'],
  rtmpserverport: ['server', 'rtmpServerPort'],
  rtmpserverbindaddress: ['server', 'rtmpServerAddress'],
  sockethostoverride: ['server', 'socketHostOverride'],
  videoservingendpoint: ['storage', 'videoServingEndpoint'],
  directoryenabled: ['directory', 'enabled'],
  'chat/disable': ['chat', 'disabled'],
  'chat/joinmessagesenabled': ['chat', 'joinMessagesEnabled'],
  'chat/establishedusermode': ['chat', 'establishedUserMode'],
  'chat/forbiddenusernames': ['chat', 'forbiddenUsernames'],
  'chat/suggestedusernames': ['chat', 'suggestedUsernames'],
  'chat/spamprotectionenabled': ['chat', 'spamProtectionEnabled'],
  'chat/slurfilterenabled': ['chat', 'slurFilterEnabled'],
  'chat/requireauthentication': ['chat', 'requireAuthentication'],
  'federation/enable': ['federation', 'enabled'],
  'federation/private': ['federation', 'isPrivate'],
  'federation/showengagement': ['federation', 'showEngagement'],
  'federation/enablequotes': ['federation', 'enableQuotes'],
  'federation/hidefollowers': ['federation', 'hideFollowersTab'],
  'federation/username': ['federation', 'username'],
  'federation/livemessage': ['federation', 'goLiveMessage'],
  'federation/blockdomains': ['federation', 'blockedDomains'],
};

/** Routes under `/api/admin/config` (mounted behind admin auth). */
export function adminConfigRoutes(api: AdminConfigApi): Hono {
  const app = new Hono();
  app.post('/adminpass', async (c) => {
    const body = await readJsonBody(c, z.object({ value: z.string() }));
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.setAdminPassword(body.value.value);
    return result.ok ? success(c, 'admin password changed') : errorResponse(c, result.error);
  });
  for (const [path, [section, field]] of Object.entries(VALUE_SETTERS)) {
    app.post(`/${path}`, async (c) => {
      const body = await readJsonBody(c, ValueBody);
      if (!body.ok) return errorResponse(c, body.error);
      const result = await api.updateSettings(section, { [field]: body.value.value });
      return result.ok ? success(c, `${path} changed`) : errorResponse(c, result.error);
    });
  }
  return app;
}
