import type { Repositories } from '../app/app-controller.ts';
import { InMemoryAccessTokenRepository } from './in-memory-access-token-repository.ts';
import { InMemoryChatMessageRepository } from './in-memory-chat-message-repository.ts';
import { InMemoryFederatedActivityRepository } from './in-memory-federated-activity-repository.ts';
import { InMemoryFollowerRepository } from './in-memory-follower-repository.ts';
import { InMemoryIpBanRepository } from './in-memory-ip-ban-repository.ts';
import { InMemoryNotificationRepository } from './in-memory-notification-repository.ts';
import { InMemorySettingsRepository } from './in-memory-settings-repository.ts';
import { InMemoryStatsRepository } from './in-memory-stats-repository.ts';
import { InMemoryUserRepository } from './in-memory-user-repository.ts';
import { InMemoryWebhookRepository } from './in-memory-webhook-repository.ts';

/** A fresh, empty bundle of every in-memory repository, wired together as a database would be. */
export function inMemoryRepositories(): Repositories {
  const users = new InMemoryUserRepository();
  return {
    settings: new InMemorySettingsRepository(),
    users,
    chatMessages: new InMemoryChatMessageRepository(users),
    ipBans: new InMemoryIpBanRepository(),
    webhooks: new InMemoryWebhookRepository(),
    accessTokens: new InMemoryAccessTokenRepository(),
    notifications: new InMemoryNotificationRepository(),
    followers: new InMemoryFollowerRepository(),
    federatedActivities: new InMemoryFederatedActivityRepository(),
    stats: new InMemoryStatsRepository(),
  };
}
