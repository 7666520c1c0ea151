import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { VideoApi } from './api.ts';
import { clientAddress } from './client-identity.ts';
import { compileTrustedProxies, DEFAULT_TRUSTED_PROXIES, type TrustedProxies } from './trusted-proxies.ts';
import { answerVideoRequest, isVideoRequest } from './video-request.ts';

type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The Node request listener of the whole HTTP surface: video requests (the hot path: every
 * viewer, every few seconds) are answered straight from the live window with Node's own
 * response, skipping the Fetch API objects; everything else goes to the Hono app.
 */
export function createNodeRequestListener(api: VideoApi, app: Hono, onError: (error: unknown) => void, trustedProxies: TrustedProxies = DEFAULT_TRUSTED_PROXIES): NodeListener {
  const fallback = getRequestListener(app.fetch);
  return withVideoFastPath(api, (req, res) => void fallback(req, res), onError, trustedProxies);
}

/**
 * Puts the video fast path (see `createNodeRequestListener`) in front of any Node request
 * listener; viewers' addresses believe `X-Forwarded-For` only from `trustedProxies` (ADR 13).
 */
export function withVideoFastPath(api: VideoApi, fallback: NodeListener, onError: (error: unknown) => void, trustedProxies: TrustedProxies = DEFAULT_TRUSTED_PROXIES): NodeListener {
  const trust = compileTrustedProxies(trustedProxies);
  return (req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (!isVideoRequest(method, path)) {
      fallback(req, res);
      return;
    }
    answerVideoRequest(api, {
      method,
      path,
      userAgent: req.headers['user-agent'],
      clientAddress: () => clientAddress(firstHeader(req.headers['x-forwarded-for']), req.socket.remoteAddress, trust),
    }).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ?? undefined);
      },
      (error: unknown) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal Server Error');
      },
    );
  };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
