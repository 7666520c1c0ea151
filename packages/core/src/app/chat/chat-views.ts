import type { ChatMessage, ChatUser, IpBan } from '../../domain/chat.ts';
import { toChatUserPayload } from '../../domain/chat-events.ts';
import type { AccessToken } from '../../domain/integrations.ts';
import type { AccessTokenView, ChatClientView, ChatMessageView, ChatUserView, IpBanView } from './chat-api.ts';
import type { ChatClient } from './chat-client.ts';

/** A user as admins and moderators see it: the protocol payload plus the reason and sign-in methods. */
export function toChatUserView(user: ChatUser): ChatUserView {
  return {
    ...toChatUserPayload(user),
    ...(user.disabledReason !== null ? { disabledReason: user.disabledReason } : {}),
    ...(user.authProviders.length > 0 ? { authProviders: [...user.authProviders] } : {}),
  };
}

/**
 * A stored message in Owncast's history shape. `undefined` for a CHAT message whose user is gone
 * (nothing meaningful to show as its author).
 */
export function toChatMessageView(message: ChatMessage, author: ChatUser | undefined, serverName: string): ChatMessageView | undefined {
  const base = {
    type: message.type,
    id: message.id,
    timestamp: message.timestamp.toISOString(),
    body: message.body,
    visible: message.hiddenAt === null,
    ...(message.hiddenAt !== null ? { hiddenAt: message.hiddenAt.toISOString() } : {}),
  };
  switch (message.type) {
    case 'CHAT':
      return author && { ...base, user: toChatUserPayload(author) };
    case 'SYSTEM':
      return { ...base, user: { displayName: serverName } };
    case 'CHAT_ACTION':
      return base;
    default:
      return { ...base, image: message.image ?? '', link: message.link ?? '', title: message.title ?? '' };
  }
}

export function toChatClientView(client: ChatClient): ChatClientView {
  return {
    id: client.id,
    connectedAt: client.connectedAt.toISOString(),
    messageCount: client.messageCount,
    userAgent: client.userAgent,
    ipAddress: client.ipAddress,
    geo: client.geo,
    user: toChatUserView(client.user),
  };
}

export function toIpBanView(ban: IpBan): IpBanView {
  return { ipAddress: ban.ipAddress, notes: ban.notes, createdAt: ban.createdAt.toISOString() };
}

export function toAccessTokenView(token: AccessToken): AccessTokenView {
  return {
    id: token.id,
    displayName: token.displayName,
    displayColor: token.displayColor,
    type: 'API',
    isBot: true,
    scopes: [...token.scopes],
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    tokenPrefix: token.tokenPrefix,
  };
}
