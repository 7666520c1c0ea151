import { isModerator, type ChatUser, type UserScope } from '../../domain/chat.ts';
import { hashToken } from '../../domain/ids.ts';
import type { AccessToken } from '../../domain/integrations.ts';
import { err, ok, type CommonError, type Result } from '../../domain/result.ts';
import type { ChatContext } from './chat-context.ts';

const unauthorized = (message: string) => err<CommonError>({ kind: 'unauthorized', message });

/**
 * Chat-user and integration token checks. Tokens are only ever looked up by their SHA-256, so
 * no comparison of secret strings happens here (nothing to time).
 */
export class ChatAuth {
  readonly #ctx: ChatContext;

  constructor(ctx: ChatContext) {
    this.#ctx = ctx;
  }

  async chatUser(request: { accessToken: string | undefined; ipAddress?: string | undefined; requireModerator?: boolean | undefined }): Promise<Result<ChatUser, CommonError>> {
    if (request.accessToken === undefined || request.accessToken === '') return unauthorized('an access token is required');
    if (request.ipAddress !== undefined && (await this.#ctx.ipBans.isBanned(request.ipAddress))) return unauthorized('this address is banned from chat');
    const user = await this.#ctx.users.getByTokenHash(await hashToken(request.accessToken));
    if (user === undefined) return unauthorized('unknown access token');
    if (user.disabledAt !== null) return unauthorized('this user is disabled');
    if (request.requireModerator === true && !isModerator(user)) return unauthorized('moderator access is required');
    return ok(user);
  }

  async integration(token: string | undefined, scope?: UserScope): Promise<Result<AccessToken, CommonError>> {
    if (token === undefined || token.trim() === '') return unauthorized('a bearer token is required');
    const tokenHash = await hashToken(token.trim());
    const found = await this.#ctx.accessTokens.getByTokenHash(tokenHash);
    if (found === undefined) return unauthorized('unknown access token');
    if (scope !== undefined && !found.scopes.includes(scope)) return unauthorized(`the token lacks the ${scope} scope`);
    const now = this.#ctx.clock.now();
    await this.#ctx.accessTokens.markUsed(tokenHash, now);
    return ok({ ...found, lastUsedAt: now });
  }
}
