import type { ChatUser } from '../../domain/chat.ts';
import { err, ok, type CommonError, type Result } from '../../domain/result.ts';
import { isLoopbackAddress } from '../../domain/net-addresses.ts';
import type { ChatUserView, IpBanView } from './chat-api.ts';
import type { ChatBroadcaster } from './chat-broadcaster.ts';
import type { ChatClient } from './chat-client.ts';
import type { ChatContext } from './chat-context.ts';
import { makeChatEvent } from './chat-event.ts';
import { CLOSE_CODES } from './chat-texts.ts';
import { toChatUserView, toIpBanView } from './chat-views.ts';
import type { Presence } from './presence.ts';

/** Every message of one user, however many (deleting a user must find them all). */
const ALL_MESSAGES = 1_000_000_000;

/** Hiding messages, disabling users, moderators, deletions and IP bans. */
export class ChatModeration {
  readonly #ctx: ChatContext;
  readonly #broadcaster: ChatBroadcaster;
  readonly #presence: Presence;
  readonly #disconnect: (client: ChatClient, code: number, reason: string) => void;

  constructor(deps: { ctx: ChatContext; broadcaster: ChatBroadcaster; presence: Presence; disconnect: (client: ChatClient, code: number, reason: string) => void }) {
    this.#ctx = deps.ctx;
    this.#broadcaster = deps.broadcaster;
    this.#presence = deps.presence;
    this.#disconnect = deps.disconnect;
  }

  async setMessageVisibility(ids: readonly string[], visible: boolean): Promise<Result<string[], CommonError>> {
    if (ids.length === 0) return err({ kind: 'invalid-input', message: 'no message ids given' });
    const updated = await this.#ctx.messages.setHidden(ids, visible ? null : this.#ctx.clock.now());
    this.#announceVisibility(updated, visible);
    return ok(updated);
  }

  async setUserEnabled(request: { userId: string; enabled: boolean; reason?: string | undefined }): Promise<Result<ChatUserView, CommonError>> {
    const now = this.#ctx.clock.now();
    const user = await this.#ctx.users.setDisabled(request.userId, request.enabled ? null : now, request.enabled ? undefined : request.reason);
    if (user === undefined) return err({ kind: 'not-found', message: `no chat user ${request.userId}` });
    this.#ctx.registry.updateUser(user);
    if (!request.enabled) {
      // Hidden for good: re-enabling a user does not bring back what got them disabled.
      this.#announceVisibility(await this.#ctx.messages.hideAllFromUser(user.id, now), false);
      await this.#banAddressesOf(user);
    }
    return ok(toChatUserView(user));
  }

  async setModerator(request: { userId: string; isModerator: boolean }): Promise<Result<ChatUserView, CommonError>> {
    const user = await this.#ctx.users.getById(request.userId);
    if (user === undefined) return err({ kind: 'not-found', message: `no chat user ${request.userId}` });
    const others = user.scopes.filter((s) => s !== 'MODERATOR');
    const updated = await this.#ctx.users.setScopes(user.id, request.isModerator ? [...others, 'MODERATOR'] : others);
    if (updated === undefined) return err({ kind: 'not-found', message: `no chat user ${request.userId}` });
    this.#broadcaster.sendUserInfo(this.#ctx.registry.updateUser(updated));
    return ok(toChatUserView(updated));
  }

  async deleteUser(userId: string): Promise<Result<void, CommonError>> {
    const user = await this.#ctx.users.getById(userId);
    if (user === undefined) return err({ kind: 'not-found', message: `no chat user ${userId}` });
    for (const client of this.#ctx.registry.ofUser(userId)) this.#disconnect(client, CLOSE_CODES.policy, 'user deleted');
    this.#presence.forget(userId);
    const messages = await this.#ctx.messages.list({ limit: ALL_MESSAGES, includeHidden: true, userId });
    await this.#ctx.messages.deleteAllFromUser(userId);
    await this.#ctx.users.delete(userId);
    this.#announceVisibility(
      messages.filter((m) => m.hiddenAt === null).map((m) => m.id),
      false,
    );
    return ok(undefined);
  }

  async listIpBans(): Promise<IpBanView[]> {
    return (await this.#ctx.ipBans.list()).map(toIpBanView);
  }

  async banIpAddress(ipAddress: string, notes = ''): Promise<Result<IpBanView, CommonError>> {
    const address = ipAddress.trim();
    if (address === '' || address.length > 64) return err({ kind: 'invalid-input', message: 'an IP address is required' });
    const ban = { ipAddress: address, notes, createdAt: this.#ctx.clock.now() };
    await this.#ctx.ipBans.add(ban);
    for (const client of this.#ctx.registry.fromAddress(address)) this.#disconnect(client, CLOSE_CODES.policy, 'ip banned');
    return ok(toIpBanView(ban));
  }

  async unbanIpAddress(ipAddress: string): Promise<Result<void, CommonError>> {
    if (!(await this.#ctx.ipBans.remove(ipAddress.trim()))) return err({ kind: 'not-found', message: `${ipAddress} is not banned` });
    return ok(undefined);
  }

  /** Owncast's ban: CHAT_DISABLED to each socket of the user, then close, then ban the addresses they used. */
  async #banAddressesOf(user: ChatUser): Promise<void> {
    const clients = this.#ctx.registry.ofUser(user.id);
    for (const client of clients) {
      client.send(makeChatEvent(this.#ctx.clock, 'CHAT_DISABLED'));
      this.#disconnect(client, CLOSE_CODES.policy, 'user disabled');
    }
    for (const address of new Set(clients.map((c) => c.ipAddress))) {
      // Loopback is exempt, as in Owncast. Behind a proxy that sends no X-Forwarded-For everyone is loopback: banning it would lock out the whole chat.
      if (isLoopbackAddress(address)) continue;
      await this.#ctx.ipBans.add({ ipAddress: address, notes: `Banning of ${user.displayName}`, createdAt: this.#ctx.clock.now() });
    }
  }

  #announceVisibility(ids: readonly string[], visible: boolean): void {
    if (ids.length > 0) this.#broadcaster.broadcast(makeChatEvent(this.#ctx.clock, 'VISIBILITY-UPDATE', { ids: [...ids], visible }));
  }
}
