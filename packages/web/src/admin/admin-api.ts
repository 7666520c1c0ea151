/**
 * The admin API as the dashboard uses it (Owncast's paths and field names). Requests are
 * same-origin and carry the admin session cookie (or the browser's Basic credentials) that
 * opening /admin/ established. Failures throw an {@link AdminApiError} carrying the server's own
 * message, so a form can show why a value was refused.
 */

import { ApiError } from '../shared/api.ts';

export class AdminApiError extends ApiError {
  /** The endpoint does not exist on this server (yet): the page shows "unavailable". */
  get unavailable(): boolean {
    return this.status === 404 || this.status === 501;
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store', credentials: 'same-origin', ...init });
  } catch {
    throw new AdminApiError(0, 'The server cannot be reached.');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  if (!response.ok) throw new AdminApiError(response.status, failureMessage(response.status, body));
  return body as T;
}

function failureMessage(status: number, body: unknown): string {
  if (body !== null && typeof body === 'object') {
    const { message, error } = body as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    if (typeof error === 'string' && error !== '') return error;
  }
  if (status === 401) return 'Not signed in: reload the page to log in again.';
  if (status === 429) return 'Too many attempts: wait a moment and try again.';
  return typeof body === 'string' && body !== '' && body.length < 200 ? body : `The server answered ${status}.`;
}

export function adminGet<T>(path: string): Promise<T> {
  return request<T>(path);
}

export function adminPost<T = { success: boolean; message: string }>(path: string, body?: unknown): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function adminDelete<T = { success: boolean; message: string }>(path: string): Promise<T> {
  return request<T>(path, { method: 'DELETE' });
}

/** `POST /api/admin/config/<setter>` with Owncast's `{ value }` body. */
export function setConfig(setter: string, value: unknown): Promise<{ success: boolean; message: string }> {
  return adminPost(`/api/admin/config/${setter}`, { value });
}
