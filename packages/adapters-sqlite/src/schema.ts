/**
 * The SQLite schema of hexcast. drizzle-kit generates the committed migrations under `drizzle/`
 * from this file (`npm run db:generate`), so it imports nothing but drizzle-orm: drizzle-kit's
 * loader does not resolve the workspace's `.ts` import specifiers.
 *
 * Conventions: dates are integer milliseconds since the epoch (`timestamp_ms`) so they round-trip
 * to the millisecond; lists and free-form values are JSON text, parsed and validated on read by
 * `json-column.ts` (drizzle's `mode: 'json'` would throw a bare SyntaxError on a corrupt cell).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestampMs = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** One row per settings section; `value` is the section as JSON. */
export const settings = sqliteTable('settings', {
  section: text('section').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestampMs('updated_at').notNull(),
});

/** Small key/value markers that belong to no section (e.g. "defaults were populated"). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    displayColor: integer('display_color').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    disabledAt: timestampMs('disabled_at'),
    disabledReason: text('disabled_reason'),
    nameChangedAt: timestampMs('name_changed_at'),
    /** JSON array of strings */
    previousNames: text('previous_names').notNull(),
    /** JSON array of `UserScope` */
    scopes: text('scopes').notNull(),
    isBot: integer('is_bot', { mode: 'boolean' }).notNull(),
    authenticated: integer('authenticated', { mode: 'boolean' }).notNull(),
    /** JSON array of provider names */
    authProviders: text('auth_providers').notNull(),
  },
  // lower() folds ASCII only, exactly the case-insensitivity the port promises for names.
  (t) => [index('users_created_at_idx').on(t.createdAt), index('users_display_name_lower_idx').on(sql`lower(${t.displayName})`)],
);

/** A chat user's access tokens, by hash; deleting the user deletes them. */
export const userAccessTokens = sqliteTable(
  'user_access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('user_access_tokens_user_id_idx').on(t.userId)],
);

/**
 * Chat history. `user_id` has no foreign key: history outlives users in Owncast and system or
 * federated messages have no user.
 */
export const chatMessages = sqliteTable(
  'chat_messages',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    userId: text('user_id'),
    body: text('body').notNull(),
    rawBody: text('raw_body').notNull(),
    timestamp: timestampMs('timestamp').notNull(),
    hiddenAt: timestampMs('hidden_at'),
    /**
     * JSON object with the optional fediverse fields (`image`, `link`, `title`) exactly as
     * given, so an absent field and a null one both round-trip; NULL when none was given.
     */
    engagement: text('engagement'),
  },
  (t) => [index('chat_messages_timestamp_idx').on(t.timestamp, t.id), index('chat_messages_user_id_idx').on(t.userId)],
);

export const ipBans = sqliteTable('ip_bans', {
  ipAddress: text('ip_address').primaryKey(),
  notes: text('notes').notNull(),
  createdAt: timestampMs('created_at').notNull(),
});

export const webhooks = sqliteTable('webhooks', {
  /** AUTOINCREMENT so ids of deleted webhooks are never handed out again. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  /** JSON array of `WebhookEventType` */
  events: text('events').notNull(),
  secret: text('secret').notNull(),
  createdAt: timestampMs('created_at').notNull(),
  lastUsed: timestampMs('last_used'),
});

/** Integration access tokens. `seq` keeps creation order independent of the random ids. */
export const accessTokens = sqliteTable('access_tokens', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  id: text('id').notNull().unique(),
  displayName: text('display_name').notNull(),
  displayColor: integer('display_color').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  tokenPrefix: text('token_prefix').notNull(),
  /** JSON array of `UserScope` */
  scopes: text('scopes').notNull(),
  createdAt: timestampMs('created_at').notNull(),
  lastUsedAt: timestampMs('last_used_at'),
});

export const notifications = sqliteTable(
  'notifications',
  {
    /** registration order */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    destination: text('destination').notNull(),
    createdAt: timestampMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('notifications_channel_destination_idx').on(t.channel, t.destination)],
);

export const followers = sqliteTable(
  'followers',
  {
    actorIri: text('actor_iri').primaryKey(),
    inbox: text('inbox').notNull(),
    name: text('name').notNull(),
    username: text('username').notNull(),
    image: text('image').notNull(),
    followRequestIri: text('follow_request_iri').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    approvedAt: timestampMs('approved_at'),
    disabledAt: timestampMs('disabled_at'),
  },
  (t) => [index('followers_created_at_idx').on(t.createdAt)],
);

export const federatedActivities = sqliteTable(
  'federated_activities',
  {
    iri: text('iri').primaryKey(),
    actorIri: text('actor_iri').notNull(),
    type: text('type').notNull(),
    timestamp: timestampMs('timestamp').notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [index('federated_activities_direction_timestamp_idx').on(t.direction, t.timestamp), index('federated_activities_timestamp_idx').on(t.timestamp)],
);

/** Exactly one row (id 1), written whole. */
export const streamStats = sqliteTable(
  'stream_stats',
  {
    id: integer('id').primaryKey(),
    overallPeakViewerCount: integer('overall_peak_viewer_count').notNull(),
    sessionPeakViewerCount: integer('session_peak_viewer_count').notNull(),
    lastConnectTime: timestampMs('last_connect_time'),
    lastDisconnectTime: timestampMs('last_disconnect_time'),
  },
  (t) => [check('stream_stats_single_row', sql`${t.id} = 1`)],
);

/** Viewers over time: one point per instant. */
export const viewerSamples = sqliteTable('viewer_samples', {
  time: timestampMs('time').primaryKey(),
  value: integer('value').notNull(),
});
