import { z } from 'zod';
import { MessageVisibilityBody, ModeratorBody, StringValueBody, UserEnabledBody } from '../../chat-schemas.ts';
import { ChatClientViewWire, ChatMessageViewWire, ChatUserViewWire, IpBanViewWire } from '../schemas/chat.ts';
import { BAD_REQUEST, NOT_FOUND, SUCCESS, jsonOk, type RouteSpec } from '../route-spec.ts';

const admin = { tags: ['Admin', 'Chat'], auth: 'admin' } as const;

/** `/api/admin/chat/*` (routes/admin-chat.ts). */
export const adminChatSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/api/admin/chat/messages', summary: 'Every recent chat message, hidden ones included', ...admin, responses: jsonOk(z.array(ChatMessageViewWire)) },
  { method: 'post', path: '/api/admin/chat/messagevisibility', summary: 'Hide or show messages', ...admin, body: MessageVisibilityBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'get', path: '/api/admin/chat/clients', summary: 'Connected chat clients', ...admin, responses: jsonOk(z.array(ChatClientViewWire)) },
  { method: 'post', path: '/api/admin/chat/users/setenabled', summary: 'Enable or disable a chat user', ...admin, body: UserEnabledBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
  { method: 'get', path: '/api/admin/chat/users/disabled', summary: 'Disabled users', ...admin, responses: jsonOk(z.array(ChatUserViewWire)) },
  { method: 'post', path: '/api/admin/chat/users/setmoderator', summary: 'Grant or remove the moderator scope', ...admin, body: ModeratorBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
  { method: 'get', path: '/api/admin/chat/users/moderators', summary: 'Moderators', ...admin, responses: jsonOk(z.array(ChatUserViewWire)) },
  { method: 'get', path: '/api/admin/chat/users/ipbans', summary: 'Banned IP addresses', ...admin, responses: jsonOk(z.array(IpBanViewWire)) },
  { method: 'post', path: '/api/admin/chat/users/ipbans/create', summary: 'Ban an IP address', ...admin, body: StringValueBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'post', path: '/api/admin/chat/users/ipbans/remove', summary: 'Lift an IP ban', ...admin, body: StringValueBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
];
