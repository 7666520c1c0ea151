import { UserScopeSchema, type ChatUser } from '@hexcast/core';
import { z } from 'zod';
import { parseJsonCell } from './json-column.ts';
import type { users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

const StringListSchema = z.array(z.string());
const ScopeListSchema = z.array(UserScopeSchema);

/** Maps a `users` row to the domain type, validating its JSON columns. */
export function toChatUser(row: UserRow): ChatUser {
  const cell = (column: string) => ({ table: 'users', column, row: row.id });
  return {
    id: row.id,
    displayName: row.displayName,
    displayColor: row.displayColor,
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    nameChangedAt: row.nameChangedAt,
    previousNames: parseJsonCell(row.previousNames, StringListSchema, cell('previous_names')),
    scopes: parseJsonCell(row.scopes, ScopeListSchema, cell('scopes')),
    isBot: row.isBot,
    authenticated: row.authenticated,
    authProviders: parseJsonCell(row.authProviders, StringListSchema, cell('auth_providers')),
  };
}

/** Deduplicates, keeping the first occurrence's position. */
export function uniqueInOrder<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
