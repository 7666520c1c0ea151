import type { ChatMessage, ChatUser } from '../../domain/chat.ts';
import { err, ok, type CommonError, type Result } from '../../domain/result.ts';
import type { ChatClientView, ChatHistoryAudience, ChatMessageView, ChatUserDetails } from './chat-api.ts';
import type { ChatContext } from './chat-context.ts';
import { toChatClientView, toChatMessageView, toChatUserView } from './chat-views.ts';

export interface HistoryLimits {
  /** messages `GET /api/chat` returns at most */
  readonly viewer: number;
  /** messages admins and integrations get at most */
  readonly moderation: number;
  /** a user's latest messages in their details */
  readonly userDetails: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { viewer: 50, moderation: 500, userDetails: 50 };

/** Read-only views of the chat: history, connected clients, one user's details. */
export class ChatHistory {
  readonly #ctx: ChatContext;
  readonly #limits: HistoryLimits;

  constructor(ctx: ChatContext, limits: HistoryLimits) {
    this.#ctx = ctx;
    this.#limits = limits;
  }

  async history(audience: ChatHistoryAudience): Promise<ChatMessageView[]> {
    const moderation = audience === 'moderation';
    const messages = await this.#ctx.messages.list({ limit: moderation ? this.#limits.moderation : this.#limits.viewer, includeHidden: moderation });
    return this.#views(messages);
  }

  clients(): ChatClientView[] {
    return this.#ctx.registry.all().map(toChatClientView);
  }

  async userDetails(userId: string): Promise<Result<ChatUserDetails, CommonError>> {
    const user = await this.#ctx.users.getById(userId);
    if (user === undefined) return err({ kind: 'not-found', message: `no chat user ${userId}` });
    const messages = await this.#ctx.messages.list({ limit: this.#limits.userDetails, includeHidden: true, userId });
    return ok({
      user: toChatUserView(user),
      connectedClients: this.#ctx.registry.ofUser(userId).map(toChatClientView),
      messages: await this.#views(messages, new Map([[user.id, user]])),
    });
  }

  /** Views of stored messages, looking each author up once. */
  async #views(messages: readonly ChatMessage[], known = new Map<string, ChatUser | undefined>()): Promise<ChatMessageView[]> {
    const serverName = this.#ctx.settings.get('serverInfo').name;
    const views: ChatMessageView[] = [];
    for (const message of messages) {
      const userId = message.userId;
      if (userId !== null && !known.has(userId)) known.set(userId, await this.#ctx.users.getById(userId));
      const view = toChatMessageView(message, userId === null ? undefined : known.get(userId), serverName);
      if (view !== undefined) views.push(view);
    }
    return views;
  }
}
