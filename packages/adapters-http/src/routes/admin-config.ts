import { Hono, type Context } from 'hono';
import type { CommonError, Result, Settings, SettingsSection } from '@hexcast/core';
import type { AdminConfigApi } from '../api.ts';
import { errorResponse, success } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import {
  AdminPasswordBody,
  BrowserConfigBody,
  DiscordConfigBody,
  ImageUploadBody,
  MAX_FAVICON_BODY_BYTES,
  MAX_LOGO_BODY_BYTES,
  S3ConfigBody,
  ValueBody,
} from './admin-config-schemas.ts';

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
  appearance: ['appearance', 'appearanceVariables'],
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
  const answer = (c: Context, result: Result<unknown, CommonError>, message: string) => (result.ok ? success(c, message) : errorResponse(c, result.error));
  app.post('/adminpass', async (c) => {
    const body = await readJsonBody(c, AdminPasswordBody);
    return body.ok ? answer(c, await api.setAdminPassword(body.value.value), 'admin password changed') : errorResponse(c, body.error);
  });
  app.post('/logo', async (c) => {
    const body = await readJsonBody(c, ImageUploadBody, { maxBytes: MAX_LOGO_BODY_BYTES });
    return body.ok ? answer(c, await api.setLogo(body.value.value), 'logo changed') : errorResponse(c, body.error);
  });
  app.post('/favicon', async (c) => {
    const body = await readJsonBody(c, ImageUploadBody, { maxBytes: MAX_FAVICON_BODY_BYTES });
    return body.ok ? answer(c, await api.setFavicon(body.value.value), 'favicon changed') : errorResponse(c, body.error);
  });
  app.delete('/favicon', async (c) => answer(c, await api.resetFavicon(), 'favicon reset to the default'));
  app.post('/s3', async (c) => {
    const body = await readJsonBody(c, S3ConfigBody);
    return body.ok ? answer(c, await api.updateSettings('storage', { s3: body.value.value }), 's3 changed') : errorResponse(c, body.error);
  });
  app.post('/notifications/discord', async (c) => {
    const body = await readJsonBody(c, DiscordConfigBody);
    if (!body.ok) return errorResponse(c, body.error);
    const current = api.getSettings('notifications');
    return answer(c, await api.updateSettings('notifications', { discord: { ...current.discord, ...body.value.value } }), 'discord notifications changed');
  });
  app.post('/notifications/browser', async (c) => {
    const body = await readJsonBody(c, BrowserConfigBody);
    if (!body.ok) return errorResponse(c, body.error);
    const current = api.getSettings('notifications');
    return answer(c, await api.updateSettings('notifications', { browser: { ...current.browser, ...body.value.value } }), 'browser notifications changed');
  });
  for (const [path, [section, field]] of Object.entries(VALUE_SETTERS)) {
    app.post(`/${path}`, async (c) => {
      const body = await readJsonBody(c, ValueBody);
      return body.ok ? answer(c, await api.updateSettings(section, { [field]: body.value.value }), `${path} changed`) : errorResponse(c, body.error);
    });
  }
  return app;
}
