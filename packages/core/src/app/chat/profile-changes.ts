import { DisplayColorSchema } from '../../domain/chat.ts';
import { toChatUserPayload } from '../../domain/chat-events.ts';
import type { ChatBroadcaster } from './chat-broadcaster.ts';
import type { ChatClient } from './chat-client.ts';
import type { ChatContext } from './chat-context.ts';
import { makeChatEvent } from './chat-event.ts';
import { CHAT_TEXTS } from './chat-texts.ts';
import { isForbiddenName, normalizeDisplayName } from './display-names.ts';

/** NAME_CHANGE and COLOR_CHANGE from a chat socket. */
export class ProfileChanges {
  readonly #ctx: ChatContext;
  readonly #broadcaster: ChatBroadcaster;

  constructor(ctx: ChatContext, broadcaster: ChatBroadcaster) {
    this.#ctx = ctx;
    this.#broadcaster = broadcaster;
  }

  /**
   * Renames the client's user unless the name is forbidden or another user holds it; refusals
   * get Owncast's notice and the unchanged user info. Success: NAME_CHANGE (with `oldName`) to
   * everyone and fresh user info to the user's sockets.
   */
  async rename(client: ChatClient, requested: string): Promise<void> {
    const name = normalizeDisplayName(requested);
    const user = client.user;
    if (name === '' || name === user.displayName) return;
    if (isForbiddenName(name, this.#ctx.settings.get('chat').forbiddenUsernames)) return this.#refuse(client, CHAT_TEXTS.forbiddenName(name));
    const holders = (await this.#ctx.users.findIdsByDisplayName(name)).filter((id) => id !== user.id);
    if (holders.length > 0) return this.#refuse(client, CHAT_TEXTS.nameTaken(name));
    const renamed = await this.#ctx.users.rename(user.id, name, this.#ctx.clock.now());
    if (renamed === undefined) return;
    const clients = this.#ctx.registry.updateUser(renamed);
    this.#broadcaster.broadcast(makeChatEvent(this.#ctx.clock, 'NAME_CHANGE', { user: toChatUserPayload(renamed), oldName: user.displayName }));
    this.#broadcaster.sendUserInfo(clients);
  }

  /** Sets the user's colour (0..7; anything else is ignored) and tells everyone. */
  async recolor(client: ChatClient, color: number): Promise<void> {
    if (!DisplayColorSchema.safeParse(color).success || color === client.user.displayColor) return;
    const updated = await this.#ctx.users.setColor(client.user.id, color);
    if (updated === undefined) return;
    const clients = this.#ctx.registry.updateUser(updated);
    this.#broadcaster.broadcast(makeChatEvent(this.#ctx.clock, 'COLOR_CHANGE', { user: toChatUserPayload(updated) }));
    this.#broadcaster.sendUserInfo(clients);
  }

  #refuse(client: ChatClient, notice: string): void {
    this.#broadcaster.actionTo(client, notice);
    this.#broadcaster.sendUserInfo([client]);
  }
}
