import { adminChatSpecs } from './groups/admin-chat.ts';
import { adminConfigSpecs } from './groups/admin-config.ts';
import { adminServerConfigSpecs } from './groups/admin-serverconfig.ts';
import { adminEmojiSpecs } from './groups/admin-emoji.ts';
import { adminStreamSpecs } from './groups/admin-stream.ts';
import { adminUserSpecs } from './groups/admin-users.ts';
import { chatSocketSpecs } from './groups/chat-socket.ts';
import { chatSpecs } from './groups/chat.ts';
import { integrationSpecs } from './groups/integrations.ts';
import { openApiSpecs } from './groups/openapi.ts';
import { operationsSpecs } from './groups/operations.ts';
import { publicSpecs } from './groups/public.ts';
import { staticAssetSpecs } from './groups/static-assets.ts';
import { videoSpecs } from './groups/video.ts';
import type { RouteSpec } from './route-spec.ts';

/**
 * Every operation of hexcast's HTTP surface, one group per route file. Add a group here when
 * you add a route file; `coverage.test.ts` fails until the app and this list agree (README.md).
 */
export const ROUTE_SPECS: readonly RouteSpec[] = [
  ...publicSpecs,
  ...staticAssetSpecs,
  ...openApiSpecs,
  ...videoSpecs,
  ...chatSpecs,
  ...chatSocketSpecs,
  ...integrationSpecs,
  ...adminStreamSpecs,
  ...adminConfigSpecs,
  ...adminServerConfigSpecs,
  ...adminChatSpecs,
  ...adminEmojiSpecs,
  ...adminUserSpecs,
  ...operationsSpecs,
];
