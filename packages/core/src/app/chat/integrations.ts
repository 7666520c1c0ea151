import { CreateAccessTokenSchema, type AccessToken } from '../../domain/integrations.ts';
import type { ChatUser } from '../../domain/chat.ts';
import { hashToken, newSecretToken, newShortId } from '../../domain/ids.ts';
import { err, ok, type CommonError, type Result } from '../../domain/result.ts';
import { zodIssues } from '../validation.ts';
import type { AccessTokenView, CreatedAccessToken } from './chat-api.ts';
import type { ChatBroadcaster } from './chat-broadcaster.ts';
import type { ChatContext } from './chat-context.ts';
import { toAccessTokenView } from './chat-views.ts';
import { pick } from './username-generator.ts';

const TOKEN_PREFIX_LENGTH = 6;
const blank = () => err<CommonError>({ kind: 'invalid-input', message: 'the message body is empty' });

/**
 * What 3rd-party integrations do in chat, and their access tokens. Each token has a bot user
 * (same id, `isBot`) that its messages come from; the bot keeps existing when the token is
 * deleted so its messages keep their author.
 */
export class Integrations {
  readonly #ctx: ChatContext;
  readonly #broadcaster: ChatBroadcaster;

  constructor(ctx: ChatContext, broadcaster: ChatBroadcaster) {
    this.#ctx = ctx;
    this.#broadcaster = broadcaster;
  }

  async sendSystemMessage(request: { body: string; clientId?: number | undefined }): Promise<Result<void, CommonError>> {
    if (request.clientId === undefined) return (await this.#broadcaster.postSystemMessage(request.body)) ? ok(undefined) : blank();
    const client = this.#ctx.registry.get(request.clientId);
    if (client === undefined) return err({ kind: 'not-found', message: `no chat client ${request.clientId}` });
    return this.#broadcaster.systemTo(client, request.body) ? ok(undefined) : blank();
  }

  async sendBotMessage(token: AccessToken, body: string): Promise<Result<void, CommonError>> {
    const bot = await this.#botUser(token);
    return (await this.#broadcaster.postUserMessage(bot, body)) ? ok(undefined) : blank();
  }

  async sendChatAction(request: { body: string; author?: string | undefined }): Promise<Result<void, CommonError>> {
    if (request.body.trim() === '') return blank();
    const author = request.author?.trim() ?? '';
    return (await this.#broadcaster.postAction(author === '' ? request.body : `${author} ${request.body}`)) ? ok(undefined) : blank();
  }

  async listAccessTokens(): Promise<AccessTokenView[]> {
    return (await this.#ctx.accessTokens.list()).map(toAccessTokenView);
  }

  async createAccessToken(request: { name: unknown; scopes: unknown }): Promise<Result<CreatedAccessToken, CommonError>> {
    const input = CreateAccessTokenSchema.safeParse(request);
    if (!input.success) {
      const issues = zodIssues(input.error);
      return err({ kind: 'invalid-input', message: `invalid access token: ${issues.join('; ')}`, issues });
    }
    const accessToken = newSecretToken();
    const token = await this.#ctx.accessTokens.create({
      id: newShortId(),
      displayName: input.data.name,
      displayColor: pick([0, 1, 2, 3, 4, 5, 6, 7]),
      tokenHash: await hashToken(accessToken),
      tokenPrefix: accessToken.slice(0, TOKEN_PREFIX_LENGTH),
      scopes: [...new Set(input.data.scopes)],
      createdAt: this.#ctx.clock.now(),
      lastUsedAt: null,
    });
    await this.#botUser(token);
    return ok({ ...toAccessTokenView(token), accessToken });
  }

  async deleteAccessToken(tokenOrId: string): Promise<Result<void, CommonError>> {
    if (await this.#ctx.accessTokens.deleteByTokenHash(await hashToken(tokenOrId))) return ok(undefined);
    const byId = await this.#ctx.accessTokens.getById(tokenOrId);
    if (byId !== undefined && (await this.#ctx.accessTokens.deleteByTokenHash(byId.tokenHash))) return ok(undefined);
    return err({ kind: 'not-found', message: 'no such access token' });
  }

  /** The token's bot user, created on first need. Its own chat token is never revealed: bots post over the API. */
  async #botUser(token: AccessToken): Promise<ChatUser> {
    const existing = await this.#ctx.users.getById(token.id);
    if (existing !== undefined) return existing;
    return this.#ctx.users.create(
      { id: token.id, displayName: token.displayName, displayColor: token.displayColor, createdAt: token.createdAt, isBot: true, scopes: [...token.scopes] },
      await hashToken(newSecretToken()),
    );
  }
}
