import type { Repositories } from '@hexcast/core';
import type { HexcastDatabase } from './open-database.ts';
import { SqliteAccessTokenRepository } from './sqlite-access-token-repository.ts';
import { SqliteChatMessageRepository } from './sqlite-chat-message-repository.ts';
import { SqliteFederatedActivityRepository } from './sqlite-federated-activity-repository.ts';
import { SqliteFollowerRepository } from './sqlite-follower-repository.ts';
import { SqliteIpBanRepository } from './sqlite-ip-ban-repository.ts';
import { SqliteNotificationRepository } from './sqlite-notification-repository.ts';
import { SqliteSettingsRepository } from './sqlite-settings-repository.ts';
import { SqliteStatsRepository } from './sqlite-stats-repository.ts';
import { SqliteUserRepository } from './sqlite-user-repository.ts';
import { SqliteWebhookRepository } from './sqlite-webhook-repository.ts';

/** Every repository port on one database, as `createAppController` takes them. */
export function createSqliteRepositories(db: HexcastDatabase): Repositories {
  return {
    settings: new SqliteSettingsRepository(db),
    users: new SqliteUserRepository(db),
    chatMessages: new SqliteChatMessageRepository(db),
    ipBans: new SqliteIpBanRepository(db),
    webhooks: new SqliteWebhookRepository(db),
    accessTokens: new SqliteAccessTokenRepository(db),
    notifications: new SqliteNotificationRepository(db),
    followers: new SqliteFollowerRepository(db),
    federatedActivities: new SqliteFederatedActivityRepository(db),
    stats: new SqliteStatsRepository(db),
  };
}
