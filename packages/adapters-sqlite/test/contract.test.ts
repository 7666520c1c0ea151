import {
  describeAccessTokenRepositoryContract,
  describeChatMessageRepositoryContract,
  describeFederatedActivityRepositoryContract,
  describeFollowerRepositoryContract,
  describeIpBanRepositoryContract,
  describeNotificationRepositoryContract,
  describeSettingsRepositoryContract,
  describeStatsRepositoryContract,
  describeUserRepositoryContract,
  describeWebhookRepositoryContract,
} from '@hexcast/core/testing';
import { afterAll, afterEach, describe } from 'vitest';
import {
  SqliteAccessTokenRepository,
  SqliteFederatedActivityRepository,
  SqliteFollowerRepository,
  SqliteIpBanRepository,
  SqliteNotificationRepository,
  SqliteSettingsRepository,
  SqliteStatsRepository,
  SqliteUserRepository,
  SqliteWebhookRepository,
  createSqliteRepositories,
  openSqliteDatabase,
  type HexcastDatabase,
  type SqliteDatabase,
} from '../src/index.ts';
import { createTempDatabases } from './temp-databases.ts';

// Every make() opens a fresh, fully migrated database. The suites for settings, users and chat
// run on real files (WAL and all); the rest use :memory: to keep the run short.
const files = createTempDatabases('hexcast-contract-');
const inMemory: SqliteDatabase[] = [];
afterEach(() => {
  files.closeAll();
  for (const database of inMemory.splice(0)) database.close();
});
afterAll(() => files.cleanup());

const onFile = (): HexcastDatabase => files.open().db;
const inRam = (): HexcastDatabase => {
  const database = openSqliteDatabase(':memory:');
  inMemory.push(database);
  return database.db;
};

describe('SqliteSettingsRepository (file)', () => describeSettingsRepositoryContract(() => new SqliteSettingsRepository(onFile())));
describe('SqliteUserRepository (file)', () => describeUserRepositoryContract(() => new SqliteUserRepository(onFile())));
describe('SqliteChatMessageRepository (file)', () => describeChatMessageRepositoryContract(() => createSqliteRepositories(onFile())));
describe('SqliteIpBanRepository', () => describeIpBanRepositoryContract(() => new SqliteIpBanRepository(inRam())));
describe('SqliteWebhookRepository', () => describeWebhookRepositoryContract(() => new SqliteWebhookRepository(inRam())));
describe('SqliteAccessTokenRepository', () => describeAccessTokenRepositoryContract(() => new SqliteAccessTokenRepository(inRam())));
describe('SqliteNotificationRepository', () => describeNotificationRepositoryContract(() => new SqliteNotificationRepository(inRam())));
describe('SqliteFollowerRepository', () => describeFollowerRepositoryContract(() => new SqliteFollowerRepository(inRam())));
describe('SqliteFederatedActivityRepository', () => describeFederatedActivityRepositoryContract(() => new SqliteFederatedActivityRepository(inRam())));
describe('SqliteStatsRepository', () => describeStatsRepositoryContract(() => new SqliteStatsRepository(inRam())));
