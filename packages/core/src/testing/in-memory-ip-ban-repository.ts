import type { IpBan } from '../domain/chat.ts';
import type { IpBanRepository } from '../ports/ip-ban-repository.ts';
import { copy, newestFirst } from './port-semantics.ts';

/** `IpBanRepository` in a map keyed by the exact address. */
export class InMemoryIpBanRepository implements IpBanRepository {
  readonly #bans = new Map<string, IpBan>();

  async add(ban: IpBan): Promise<void> {
    this.#bans.set(ban.ipAddress, copy(ban));
  }

  async remove(ipAddress: string): Promise<boolean> {
    return this.#bans.delete(ipAddress);
  }

  async isBanned(ipAddress: string): Promise<boolean> {
    return this.#bans.has(ipAddress);
  }

  async list(): Promise<IpBan[]> {
    return [...this.#bans.values()].sort(newestFirst((b) => b.createdAt, (b) => b.ipAddress)).map(copy);
  }
}
