// Child process of crash-durability.test.ts: writes through the repositories, acknowledges once
// the writes resolved, then idles until the parent kills it with SIGKILL (no close, no cleanup).
import { defaultSettings } from '@hexcast/core';
import { SqliteChatMessageRepository, SqliteSettingsRepository, openSqliteDatabase } from '../src/index.ts';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: crash-writer.ts <database file>');
const { db } = openSqliteDatabase(path);
await new SqliteSettingsRepository(db).write('serverInfo', { ...defaultSettings('serverInfo'), name: 'Written before the crash' });
await new SqliteChatMessageRepository(db).save({
  id: 'crash-1',
  type: 'CHAT',
  userId: null,
  body: '<p>still here?</p>',
  rawBody: 'still here?',
  timestamp: new Date(Date.UTC(2024, 0, 1)),
  hiddenAt: null,
});
process.stdout.write('ACK\n');
setInterval(() => {}, 60_000);
