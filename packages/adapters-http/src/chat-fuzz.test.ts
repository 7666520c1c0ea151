import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { ADMIN, createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
let moderatorQuery: string;
let everyScope: Record<string, string>;

beforeAll(async () => {
  f = await createFixture();
  const mod = await f.register('Mod', { moderator: true });
  moderatorQuery = `?accessToken=${mod.accessToken}`;
  everyScope = { Authorization: `Bearer ${await f.integrationToken(['CAN_SEND_MESSAGES', 'CAN_SEND_SYSTEM_MESSAGES', 'HAS_ADMIN_ACCESS'])}` };
});

/** Every POST route of chat, moderation, users, emoji, tokens and integrations, with credentials that pass. */
const routes = (): [string, Record<string, string>][] => [
  ['/api/chat/register', {}],
  [`/api/chat/messagevisibility${moderatorQuery}`, {}],
  [`/api/chat/users/setenabled${moderatorQuery}`, {}],
  ['/api/admin/chat/messagevisibility', ADMIN],
  ['/api/admin/chat/users/setenabled', ADMIN],
  ['/api/admin/chat/users/setmoderator', ADMIN],
  ['/api/admin/chat/users/ipbans/create', ADMIN],
  ['/api/admin/chat/users/ipbans/remove', ADMIN],
  ['/api/admin/users/delete', ADMIN],
  ['/api/admin/emoji/upload', ADMIN],
  ['/api/admin/emoji/delete', ADMIN],
  ['/api/admin/accesstokens/create', ADMIN],
  ['/api/admin/accesstokens/delete', ADMIN],
  ['/api/integrations/chat/system', everyScope],
  ['/api/integrations/chat/system/client/0', everyScope],
  ['/api/integrations/chat/send', everyScope],
  ['/api/integrations/chat/user', everyScope],
  ['/api/integrations/chat/action', everyScope],
  ['/api/integrations/chat/messagevisibility', everyScope],
  ['/api/integrations/streamtitle', everyScope],
];

/** Bodies near the real shapes (right keys, wrong or odd values) as well as arbitrary JSON and text. */
const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc.record({ idArray: fc.oneof(fc.array(fc.string()), fc.jsonValue()), visible: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ userId: fc.oneof(fc.string(), fc.jsonValue()), enabled: fc.jsonValue(), isModerator: fc.jsonValue(), reason: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ value: fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.jsonValue()) }).map((v) => JSON.stringify(v)),
  fc.record({ name: fc.oneof(fc.string(), fc.jsonValue()), data: fc.oneof(fc.base64String(), fc.string(), fc.jsonValue()), scopes: fc.jsonValue(), token: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ body: fc.oneof(fc.string(), fc.jsonValue()), author: fc.jsonValue(), displayName: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);

it('never answers 500 to any body on any chat POST route (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes()), body, async ([path, headers], text) => {
      const response = await f.post(path, text, headers);
      expect([200, 400, 404], `${path} ${text} → ${response.status}`).toContain(response.status);
      const json = (await response.json()) as Record<string, unknown>;
      if (response.status !== 200) expect(json.success).toBe(false);
    }),
    { numRuns: 600 },
  );
  expect(f.logger.at('error')).toEqual([]);
  expect((await f.get('/api/admin/chat/messages', ADMIN)).status).toBe(200);
});
