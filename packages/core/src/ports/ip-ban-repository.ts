import type { IpBan } from '../domain/chat.ts';

/** IP addresses refused at chat connect. Addresses are compared exactly as stored. */
export interface IpBanRepository {
  /** Adds or replaces the ban for this address. */
  add(ban: IpBan): Promise<void>;
  /** `false` when the address was not banned. */
  remove(ipAddress: string): Promise<boolean>;
  isBanned(ipAddress: string): Promise<boolean>;
  /** Newest `createdAt` first, equal times by address descending. */
  list(): Promise<IpBan[]>;
}
