import { z } from 'zod';
import type { UserScope } from '@hexcast/core';

/** HTTP methods a route may document (lower case, as OpenAPI spells them). */
export type HttpMethod = 'get' | 'head' | 'post' | 'put' | 'delete' | 'options';

/**
 * Who may call a route, which decides its security requirement and its 401:
 * - `admin`: HTTP Basic as the admin; the auth middleware also answers any preflight with 204;
 * - `chat-user` / `moderator`: a chat user's `?accessToken=` (moderators need the MODERATOR scope);
 * - `{ integration }`: `Authorization: Bearer <access token>` holding that scope; preflights 204.
 */
export type RouteAuth = 'none' | 'admin' | 'chat-user' | 'moderator' | { readonly integration: UserScope };

/** One documented response. At most one of `json`, `text`, `media`. */
export interface ResponseSpec {
  readonly description: string;
  /** a JSON body and the zod schema of its wire form (dates as ISO strings) */
  readonly json?: z.ZodType;
  /** a text body (`text/plain` unless `contentType` says otherwise) */
  readonly text?: z.ZodType;
  /** binary or opaque bodies, by content type (video segments, images) */
  readonly media?: readonly string[];
  readonly contentType?: string;
}

/** What a status code maps to; `default` is any other status (unexpected errors). */
export type ResponseMap = Readonly<Partial<Record<number | 'default', ResponseSpec>>>;

/** One operation of hexcast's HTTP surface: the source of `/api/openapi.json`. */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** the OpenAPI path, with `{name}` parameters, e.g. `/api/moderation/chat/user/{userId}` */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly auth: RouteAuth;
  /** path parameters, as a zod object keyed by name */
  readonly params?: z.ZodObject;
  /** the query string, as a zod object (values arrive as strings) */
  readonly query?: z.ZodObject;
  /** the JSON request body */
  readonly body?: z.ZodType;
  readonly responses: ResponseMap;
  readonly deprecated?: boolean;
}

/** Owncast's `BaseAPIResponse`: `{success, message}`, both for success and for failures. */
export const BaseApiResponse = z.object({ success: z.boolean(), message: z.string() });

/** `{success: true, message}` answers of setters and actions. */
export const SUCCESS: ResponseMap = { 200: { description: 'Done', json: BaseApiResponse } };

/** The JSON failure of a request the server could not accept (`{success: false, message}`). */
export const failureResponse = (description: string): ResponseSpec => ({ description, json: BaseApiResponse });

export const BAD_REQUEST: ResponseMap = { 400: failureResponse('The request is malformed or a value is invalid (the message says which)') };
export const NOT_FOUND: ResponseMap = { 404: failureResponse('No such item') };

/** A JSON 200 answer. */
export const jsonOk = (json: z.ZodType, description = 'Successful response'): ResponseMap => ({ 200: { description, json } });

/** `METHOD path`, the key routes are compared by. */
export function routeKey(route: { readonly method: string; readonly path: string }): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}
