import { z } from 'zod';
import type { RouteSpec } from '../route-spec.ts';

/** `GET /ws` (chat-socket.ts): the chat WebSocket; refusals before the upgrade are plain HTTP. */
export const chatSocketSpecs: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/ws',
    summary: 'The chat WebSocket (Owncast protocol)',
    description: 'Upgrade to a WebSocket with `?accessToken=` of a registered chat user. Server events are `ServerChatEvent` JSON objects, several per frame separated by newlines.',
    tags: ['Chat'],
    auth: 'none',
    query: z.object({ accessToken: z.string().optional() }),
    responses: {
      101: { description: 'Switching to the WebSocket protocol' },
      200: { description: 'Refused before upgrading: CHAT_DISABLED, ERROR_MAX_CONNECTIONS_EXCEEDED, …', text: z.string() },
      400: { description: 'Not a WebSocket upgrade request', text: z.string() },
      403: { description: 'The address is banned', text: z.string() },
      501: { description: 'This server was set up without WebSocket support', text: z.string() },
    },
  },
];
