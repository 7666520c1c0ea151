import type { Settings, SettingsSection } from '../../domain/settings.ts';
import type { AccessTokenRepository } from '../../ports/access-token-repository.ts';
import type { ChatMessageRepository } from '../../ports/chat-message-repository.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IpBanRepository } from '../../ports/ip-ban-repository.ts';
import type { Logger } from '../../ports/logger.ts';
import type { UserRepository } from '../../ports/user-repository.ts';
import type { EventBus } from '../event-bus.ts';
import type { ClientRegistry } from './client-registry.ts';

/** The settings the chat reads (always current: `SettingsService` satisfies it). */
export interface SettingsReader {
  get<K extends SettingsSection>(section: K): Settings[K];
}

/** What the chat's collaborators share: ports, the open sockets and a few live facts. */
export interface ChatContext {
  readonly users: UserRepository;
  readonly messages: ChatMessageRepository;
  readonly ipBans: IpBanRepository;
  readonly accessTokens: AccessTokenRepository;
  readonly settings: SettingsReader;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: EventBus;
  readonly registry: ClientRegistry;
  /** whether a stream is live now */
  readonly isOnline: () => boolean;
  /** chat markdown to safe HTML, with the current custom emoji */
  readonly render: (markdown: string) => string;
}
