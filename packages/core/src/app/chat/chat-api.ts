import type { ChatUser, StoredMessageType, UserScope } from '../../domain/chat.ts';
import type { ChatUserPayload } from '../../domain/chat-events.ts';
import type { Page } from '../../domain/pagination.ts';
import type { CommonError, Result } from '../../domain/result.ts';
import type { GeoDetails } from '../../domain/viewers.ts';
import type { AccessToken } from '../../domain/integrations.ts';
import type { Emoji } from '../../ports/chat-renderer.ts';
import type { UserListQuery } from '../../ports/user-repository.ts';

// The narrow interfaces inbound adapters (adapters-http: REST routes and /ws) use for chat.
// Everything returned is JSON-ready (ISO date strings, Owncast's field names) unless it is a
// domain object used only for authorization (`ChatUser`, `AccessToken`).

// ---------------------------------------------------------------------------------------------
// WebSocket sessions, without knowing WebSockets
// ---------------------------------------------------------------------------------------------

/** The adapter's side of one chat socket. The core never calls it after `close`. */
export interface ChatSink {
  /**
   * Sends one text frame (one or more JSON events joined by `\n`). Must not throw. Bytes are the
   * frame's UTF-8, shared by every socket of a broadcast: send them as a TEXT frame, never mutate.
   */
  send(frame: string | Uint8Array): void;
  /** Bytes queued by the transport but not yet written (`WebSocket.bufferedAmount`); 0 if unknown. */
  bufferedAmount(): number;
  /** Closes the socket (WebSocket close code and reason). Called at most once by the core. */
  close(code: number, reason: string): void;
}

/** The core's side of one accepted chat socket. */
export interface ChatConnection {
  /** Owncast's numeric client id (unique while the process runs); used by `/integrations/chat/system/client/{clientId}`. */
  readonly clientId: number;
  /**
   * One text frame from the client, exactly as received. Never throws: malformed JSON, unknown
   * event types and oversized frames are handled (ignored, answered or the socket closed).
   * Binary frames should be passed decoded as UTF-8 or dropped by the adapter.
   */
  receive(frame: string): void;
  /** The socket closed (for whatever reason, including after the core closed it). Idempotent. */
  closed(): void;
}

/**
 * Why a chat socket is not accepted, mirroring Owncast:
 * - `chat-disabled`: answer plain-text `CHAT_DISABLED` (HTTP, before upgrading);
 * - `ip-banned`: HTTP 403 before upgrading;
 * - `too-many-connections`: `ERROR_MAX_CONNECTIONS_EXCEEDED` event then close;
 * - `needs-registration`: missing or unknown token: `ERROR_NEEDS_REGISTRATION` event then close;
 * - `user-disabled`: `ERROR_USER_DISABLED` event then close.
 */
export type ChatRefusal =
  | { readonly kind: 'chat-disabled'; readonly message: string }
  | { readonly kind: 'ip-banned'; readonly message: string }
  | { readonly kind: 'too-many-connections'; readonly message: string }
  | { readonly kind: 'needs-registration'; readonly message: string }
  | { readonly kind: 'user-disabled'; readonly message: string };

export interface ConnectChatRequest {
  /** `?accessToken=` of `/ws`; `undefined` or '' counts as missing (`needs-registration`). */
  readonly accessToken: string | undefined;
  /** The client's address (from `X-Forwarded-For` when trusted, as Owncast does). */
  readonly ipAddress: string;
  readonly userAgent: string;
  readonly sink: ChatSink;
}

/** Chat sockets: admission, connection and registration of anonymous users. */
export interface ChatSessionApi {
  /**
   * What the adapter checks before upgrading `/ws`, so it can answer with plain HTTP: only
   * `chat-disabled` or `ip-banned` (checked in that order); `ok` otherwise.
   */
  checkChatAdmission(request: { readonly ipAddress: string }): Promise<Result<void, ChatRefusal>>;
  /**
   * Accepts an upgraded socket. On success the core has already queued `CONNECTED_USER_INFO`
   * (and `USER_JOINED` for everyone when live). On refusal the core has already sent the matching
   * event, if there is one (`ERROR_*`), and closed the sink: the adapter does nothing more (it may
   * still call `checkChatAdmission` first to answer `chat-disabled`/`ip-banned` over HTTP).
   * Frames arriving before the promise settles should be queued by the adapter and passed to
   * `receive` in order afterwards.
   */
  connectChat(request: ConnectChatRequest): Promise<Result<ChatConnection, ChatRefusal>>;
  /**
   * `POST /api/chat/register`. The name is `displayName` from the body, else `forwardedUser`
   * (`X-Forwarded-User`), else a suggested username nobody holds, else a generated one; it is
   * trimmed, stripped of control and format characters and cut to 30 characters (names stay plain
   * text: whoever puts them into HTML escapes them). An explicitly requested forbidden name is
   * `invalid-input`. Names other users hold are accepted here (as Owncast does); renames check them.
   */
  registerChatUser(request: { readonly displayName?: string | undefined; readonly forwardedUser?: string | undefined }): Promise<Result<RegisteredChatUser, CommonError>>;
}

export interface RegisteredChatUser {
  readonly id: string;
  /** the plain token, shown only now (only its hash is stored) */
  readonly accessToken: string;
  readonly displayName: string;
}

// ---------------------------------------------------------------------------------------------
// Message and client views (Owncast's JSON shapes)
// ---------------------------------------------------------------------------------------------

/** A user as the admin and moderators see it (`UserWithDisabledReason`). */
export type ChatUserView = ChatUserPayload & {
  readonly disabledReason?: string;
  /** absent for users who never signed in with an external method */
  readonly authProviders?: readonly string[];
};

/**
 * One stored message of `GET /api/chat`, `/api/admin/chat/messages`, `/api/integrations/chat`:
 * - `CHAT`: `user`, `body` (sanitised HTML), `visible`, `hiddenAt` when hidden;
 * - `SYSTEM`: `body`, `user: { displayName: <server name> }`;
 * - `CHAT_ACTION`: `body`;
 * - `FEDIVERSE_ENGAGEMENT_*`: `body`, `image`, `link`, `title`.
 */
export interface ChatMessageView {
  readonly type: StoredMessageType;
  readonly id: string;
  readonly timestamp: string;
  readonly body: string;
  readonly visible: boolean;
  readonly hiddenAt?: string;
  readonly user?: ChatUserView | { readonly displayName: string };
  readonly image?: string;
  readonly link?: string;
  readonly title?: string;
}

/** A connected chat socket (`/api/admin/chat/clients`, `/api/integrations/clients`). */
export interface ChatClientView {
  /** the numeric client id */
  readonly id: number;
  readonly connectedAt: string;
  readonly messageCount: number;
  readonly userAgent: string;
  readonly ipAddress: string;
  /** `null` until (or unless) the GeoIP lookup answers */
  readonly geo: GeoDetails | null;
  readonly user: ChatUserView;
}

/** `/api/moderation/chat/user/{id}` and `/api/integrations/moderation/chat/user/{id}`. */
export interface ChatUserDetails {
  readonly user: ChatUserView;
  readonly connectedClients: readonly ChatClientView[];
  /** the user's latest messages (at most 50), oldest first, hidden ones included */
  readonly messages: readonly ChatMessageView[];
}

/** Who asks for history decides what it contains. */
export type ChatHistoryAudience =
  /** `GET /api/chat`: visible messages only (no hidden ones, none of disabled users) */
  | 'viewer'
  /** admin and integrations: everything, hidden messages included (with `hiddenAt`) */
  | 'moderation';

/** History and connected clients. */
export interface ChatReadApi {
  /**
   * The latest messages, oldest first: at most 50 for `viewer` (Owncast's backlog), 500 for
   * `moderation` (both are `ChatService` options). CHAT messages of deleted users are left out.
   */
  getChatHistory(audience: ChatHistoryAudience): Promise<ChatMessageView[]>;
  /** Every open chat socket, oldest connection first. */
  listChatClients(): ChatClientView[];
  /** `not-found` when the user does not exist. */
  getChatUserDetails(userId: string): Promise<Result<ChatUserDetails, CommonError>>;
}

// ---------------------------------------------------------------------------------------------
// Authorization
// ---------------------------------------------------------------------------------------------

/**
 * Token checks for routes that take a chat-user token or an integration bearer token. Every
 * failure is `unauthorized` (Owncast answers 401 whatever the reason), with a message that says
 * which reason (never the token).
 */
export interface ChatAuthApi {
  /**
   * The user behind a chat token (`?accessToken=`). Refused when the token is missing or
   * unknown, the user is disabled, `ipAddress` (when given) is banned, or `requireModerator` and
   * the user lacks the MODERATOR scope.
   */
  authenticateChatUser(request: { readonly accessToken: string | undefined; readonly ipAddress?: string; readonly requireModerator?: boolean }): Promise<Result<ChatUser, CommonError>>;
  /**
   * The integration token behind `Authorization: Bearer <token>` (the adapter strips the
   * scheme, case-insensitively). Looked up by hash, so time does not depend on the token;
   * `lastUsedAt` is updated on success. Refused when missing, unknown, or without `scope`.
   */
  authenticateIntegration(token: string | undefined, scope?: UserScope): Promise<Result<AccessToken, CommonError>>;
}

// ---------------------------------------------------------------------------------------------
// Moderation and users
// ---------------------------------------------------------------------------------------------

/** Everything admins (and partly moderators and integrations) do to messages and users. */
export interface ChatModerationApi {
  /**
   * Hides or shows messages and broadcasts `VISIBILITY-UPDATE` with the ids that exist.
   * Unknown ids are ignored; `invalid-input` when `ids` is empty. Returns the updated ids.
   */
  setMessageVisibility(ids: readonly string[], visible: boolean): Promise<Result<string[], CommonError>>;
  /**
   * Disables a user: their sockets get `CHAT_DISABLED` and are closed, their messages are hidden
   * (and stay hidden if re-enabled) and the addresses they were connected from are IP-banned
   * (notes "Banning of <name>"), as Owncast does. Enabling clears `disabledAt`/`disabledReason`
   * only. `not-found` for an unknown user.
   */
  setUserEnabled(request: { readonly userId: string; readonly enabled: boolean; readonly reason?: string | undefined }): Promise<Result<ChatUserView, CommonError>>;
  /** Grants or removes the MODERATOR scope; the user's sockets get a fresh `CONNECTED_USER_INFO`. */
  setModerator(request: { readonly userId: string; readonly isModerator: boolean }): Promise<Result<ChatUserView, CommonError>>;
  /** Every moderator, newest first. */
  listModerators(): Promise<ChatUserView[]>;
  /** Every disabled user, newest first. */
  listDisabledUsers(): Promise<ChatUserView[]>;
  /** `GET /api/admin/users`: newest first unless `sort: 'asc'`. */
  listUsers(query: UserListQuery & { readonly sort?: 'asc' | 'desc' }): Promise<Page<ChatUserView>>;
  /**
   * Permanently deletes a user, their tokens and messages; their sockets are closed and clients
   * get `VISIBILITY-UPDATE` (hidden) for the deleted messages. `not-found` for an unknown user.
   */
  deleteUser(userId: string): Promise<Result<void, CommonError>>;
  /** Banned addresses, newest first (`{ipAddress, notes, createdAt}`). */
  listIpBans(): Promise<IpBanView[]>;
  /** Bans an address (replacing an earlier ban) and closes its open chat sockets. `invalid-input` when blank. */
  banIpAddress(ipAddress: string, notes?: string): Promise<Result<IpBanView, CommonError>>;
  /** `not-found` when the address was not banned. */
  unbanIpAddress(ipAddress: string): Promise<Result<void, CommonError>>;
}

export interface IpBanView {
  readonly ipAddress: string;
  readonly notes: string;
  readonly createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Integrations (3rd-party APIs) and their access tokens
// ---------------------------------------------------------------------------------------------

/** An integration token as the admin sees it (`ExternalAPIUser`, without the plain token). */
export interface AccessTokenView {
  readonly id: string;
  readonly displayName: string;
  readonly displayColor: number;
  readonly type: 'API';
  readonly isBot: true;
  readonly scopes: readonly UserScope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  /** the first characters of the token, to tell tokens apart */
  readonly tokenPrefix: string;
}

/** What `createAccessToken` returns: the only time the plain token is shown. */
export type CreatedAccessToken = AccessTokenView & { readonly accessToken: string };

/** Messages sent by integrations, and the tokens they use. Authorization is the caller's (see `ChatAuthApi`). */
export interface ChatIntegrationApi {
  /**
   * A SYSTEM message (rendered, `user.displayName` = server name) to everyone (stored in
   * history) or, with `clientId`, to that one socket only (not stored). `invalid-input` for a
   * blank body, `not-found` for an unknown client.
   */
  sendSystemMessage(request: { readonly body: string; readonly clientId?: number | undefined }): Promise<Result<void, CommonError>>;
  /** A CHAT message from the bot user of `token`, stored and broadcast. `invalid-input` for a blank body. */
  sendBotMessage(token: AccessToken, body: string): Promise<Result<void, CommonError>>;
  /** A CHAT_ACTION (stored), `author` prefixed to the body when given. `invalid-input` for a blank body. */
  sendChatAction(request: { readonly body: string; readonly author?: string | undefined }): Promise<Result<void, CommonError>>;
  /** Every token, in creation order; never the plain token. */
  listAccessTokens(): Promise<AccessTokenView[]>;
  /** `{name, scopes}` (validated by `CreateAccessTokenSchema`); also creates the bot user. */
  createAccessToken(request: { readonly name: unknown; readonly scopes: unknown }): Promise<Result<CreatedAccessToken, CommonError>>;
  /**
   * Deletes a token given as the plain token or as the id the list shows (the list has no plain
   * tokens). `not-found` when neither matches.
   */
  deleteAccessToken(token: string): Promise<Result<void, CommonError>>;
}

// ---------------------------------------------------------------------------------------------
// Emoji
// ---------------------------------------------------------------------------------------------

/** Custom emoji through the `EmojiStore` port (an empty list without one). */
export interface EmojiApi {
  /** `GET /api/emoji`: `[{name, url}]` sorted by name. */
  listEmoji(): Promise<Emoji[]>;
  /**
   * `POST /api/admin/emoji/upload {name, data}`: `data` is base64, optionally a `data:` URL.
   * A path and extension on `name` are dropped (`party.gif` → `party`). `invalid-input` for bad
   * base64, names or images (the store checks the content); `unavailable` without a store.
   */
  uploadEmoji(request: { readonly name: string; readonly data: string }): Promise<Result<Emoji, CommonError>>;
  /** `POST /api/admin/emoji/delete {name}` (path and extension dropped as above). `not-found` when missing. */
  deleteEmoji(name: string): Promise<Result<void, CommonError>>;
  /** The image for `/img/emoji/<file>`; `undefined` when missing. */
  getEmojiFile(file: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
}

/** Everything chat-related the HTTP adapter needs from the core. */
export interface ChatApi extends ChatSessionApi, ChatReadApi, ChatAuthApi, ChatModerationApi, ChatIntegrationApi, EmojiApi {}
