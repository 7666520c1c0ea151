import { z } from 'zod';
import type { UserScope } from '@hexcast/core';
import { ActionBody, MessageBody, MessageVisibilityBody, StringValueBody } from '../../chat-schemas.ts';
import { ChatClientViewWire, ChatMessageViewWire, ChatUserDetailsWire } from '../schemas/chat.ts';
import { PublicStatusWire } from '../schemas/status.ts';
import { BAD_REQUEST, NOT_FOUND, SUCCESS, jsonOk, type RouteSpec } from '../route-spec.ts';

const integration = (integration: UserScope) => ({ tags: ['Integrations'], auth: { integration } }) as const;

/** Owncast's 3rd-party API under `/api/integrations` (routes/integrations.ts); every route also answers preflights. */
export const integrationSpecs: readonly RouteSpec[] = [
  { method: 'post', path: '/api/integrations/chat/system', summary: 'Send a system message to chat', ...integration('CAN_SEND_SYSTEM_MESSAGES'), body: MessageBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  {
    method: 'post',
    path: '/api/integrations/chat/system/client/{clientId}',
    summary: 'Send a system message to one chat client',
    ...integration('CAN_SEND_SYSTEM_MESSAGES'),
    params: z.object({ clientId: z.string().regex(/^\d+$/) }),
    body: MessageBody,
    responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND },
  },
  { method: 'post', path: '/api/integrations/chat/send', summary: 'Send a chat message as the integration', ...integration('CAN_SEND_MESSAGES'), body: MessageBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'post', path: '/api/integrations/chat/user', summary: 'Send a chat message as the integration (deprecated name of /chat/send)', deprecated: true, ...integration('CAN_SEND_MESSAGES'), body: MessageBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'post', path: '/api/integrations/chat/action', summary: 'Send an action message to chat', ...integration('CAN_SEND_SYSTEM_MESSAGES'), body: ActionBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'post', path: '/api/integrations/chat/messagevisibility', summary: 'Hide or show messages', ...integration('HAS_ADMIN_ACCESS'), body: MessageVisibilityBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'post', path: '/api/integrations/streamtitle', summary: 'Set the stream title', ...integration('HAS_ADMIN_ACCESS'), body: StringValueBody, responses: { ...SUCCESS, ...BAD_REQUEST } },
  { method: 'get', path: '/api/integrations/chat', summary: 'Chat history, hidden messages included', ...integration('HAS_ADMIN_ACCESS'), responses: jsonOk(z.array(ChatMessageViewWire)) },
  { method: 'get', path: '/api/integrations/clients', summary: 'Connected chat clients', ...integration('HAS_ADMIN_ACCESS'), responses: jsonOk(z.array(ChatClientViewWire)) },
  {
    method: 'get',
    path: '/api/integrations/moderation/chat/user/{userId}',
    summary: "A chat user's details, clients and latest messages",
    ...integration('HAS_ADMIN_ACCESS'),
    params: z.object({ userId: z.string() }),
    responses: { ...jsonOk(ChatUserDetailsWire), ...NOT_FOUND },
  },
  { method: 'get', path: '/api/integrations/status', summary: 'The public status', ...integration('HAS_ADMIN_ACCESS'), responses: jsonOk(PublicStatusWire) },
];
