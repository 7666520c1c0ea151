import type { Context } from 'hono';

/** How the server tells the TCP peer address of a request (the Node server provides it). */
export type PeerAddress = (c: Context) => string | undefined;
