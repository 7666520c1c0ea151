import { hashToken, newSecretToken, newShortId } from '../../domain/ids.ts';
import { err, ok, type CommonError, type Result } from '../../domain/result.ts';
import type { RegisteredChatUser } from './chat-api.ts';
import type { ChatContext } from './chat-context.ts';
import { isForbiddenName, normalizeDisplayName } from './display-names.ts';
import { generateUsername, pick } from './username-generator.ts';

const GENERATION_ATTEMPTS = 8;

/** `POST /api/chat/register`: anonymous chat users and the names they start with. */
export class Registration {
  readonly #ctx: ChatContext;

  constructor(ctx: ChatContext) {
    this.#ctx = ctx;
  }

  async register(request: { displayName?: string | undefined; forwardedUser?: string | undefined }): Promise<Result<RegisteredChatUser, CommonError>> {
    const requested = normalizeDisplayName(request.displayName ?? '') || normalizeDisplayName(request.forwardedUser ?? '');
    if (requested !== '' && isForbiddenName(requested, this.#ctx.settings.get('chat').forbiddenUsernames)) {
      return err({ kind: 'invalid-input', message: `the display name "${requested}" is not allowed` });
    }
    const displayName = requested || (await this.#freeName());
    const accessToken = newSecretToken();
    const user = await this.#ctx.users.create(
      { id: newShortId(), displayName, displayColor: pick([0, 1, 2, 3, 4, 5, 6, 7]), createdAt: this.#ctx.clock.now() },
      await hashToken(accessToken),
    );
    this.#ctx.logger.debug({ userId: user.id }, 'chat user registered');
    return ok({ id: user.id, accessToken, displayName: user.displayName });
  }

  /** A suggested name nobody holds, else a generated one nobody holds (numbered if need be). */
  async #freeName(): Promise<string> {
    const { suggestedUsernames, forbiddenUsernames } = this.#ctx.settings.get('chat');
    for (const suggestion of suggestedUsernames) {
      const name = normalizeDisplayName(suggestion);
      if (name !== '' && !isForbiddenName(name, forbiddenUsernames) && (await this.#isFree(name))) return name;
    }
    for (let attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
      const name = generateUsername(attempt);
      if (await this.#isFree(name)) return name;
    }
    // 900 names × 999 numbers all taken in 8 draws: accept a duplicate rather than fail.
    return generateUsername(1);
  }

  async #isFree(name: string): Promise<boolean> {
    return (await this.#ctx.users.findIdsByDisplayName(name)).length === 0;
  }
}
