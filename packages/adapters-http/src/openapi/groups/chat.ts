import { z } from 'zod';
import { MessageVisibilityBody, UserEnabledBody } from '../../chat-schemas.ts';
import { RegisterBody } from '../../routes/chat.ts';
import { ChatMessageViewWire, ChatUserDetailsWire, EmojiWire, RegisteredChatUserWire } from '../schemas/chat.ts';
import { BAD_REQUEST, NOT_FOUND, SUCCESS, jsonOk, type RouteSpec } from '../route-spec.ts';

const chat = ['Chat'];

/** Chat registration, history, emoji and the moderators' routes (routes/chat.ts). */
export const chatSpecs: readonly RouteSpec[] = [
  { method: 'options', path: '/api/chat/register', summary: 'CORS preflight (any origin)', tags: chat, auth: 'none', responses: { 204: { description: 'No content' } } },
  {
    method: 'post',
    path: '/api/chat/register',
    summary: 'Register an anonymous chat user; the token is shown only now',
    tags: chat,
    auth: 'none',
    body: RegisterBody,
    responses: { ...jsonOk(RegisteredChatUserWire), ...BAD_REQUEST },
  },
  { method: 'get', path: '/api/chat', summary: 'Recent visible chat messages', tags: chat, auth: 'chat-user', responses: jsonOk(z.array(ChatMessageViewWire)) },
  { method: 'post', path: '/api/chat/messagevisibility', summary: 'Hide or show messages (moderators)', tags: chat, auth: 'moderator', body: MessageVisibilityBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'post', path: '/api/chat/users/setenabled', summary: 'Enable or disable a user (moderators)', tags: chat, auth: 'moderator', body: UserEnabledBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
  {
    method: 'get',
    path: '/api/moderation/chat/user/{userId}',
    summary: "A chat user's details (moderators)",
    tags: chat,
    auth: 'moderator',
    params: z.object({ userId: z.string() }),
    responses: { ...jsonOk(ChatUserDetailsWire), ...NOT_FOUND },
  },
  { method: 'get', path: '/api/emoji', summary: 'Custom emoji', tags: chat, auth: 'none', responses: jsonOk(z.array(EmojiWire)) },
  {
    method: 'get',
    path: '/img/emoji/{file}',
    summary: 'A custom emoji image',
    tags: chat,
    auth: 'none',
    params: z.object({ file: z.string() }),
    responses: { 200: { description: 'The image', media: ['image/png', 'image/gif', 'image/jpeg', 'image/webp'] }, 404: { description: 'No such emoji', text: z.string() } },
  },
];
