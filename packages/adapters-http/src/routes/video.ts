import { Hono } from 'hono';
import type { VideoApi } from '../api.ts';
import type { RequestOrigin } from '../peer-address.ts';
import { answerVideoRequest } from '../video-request.ts';

/** The video routes on Hono (see `answerVideoRequest`), and `/api/video/variants`. */
export function videoRoutes(api: VideoApi, options: { readonly origin: RequestOrigin }): Hono {
  const app = new Hono();
  app.on(['GET', 'HEAD'], ['/hls/*', '/thumbnail.jpg', '/preview.gif'], async (c) => {
    const answer = await answerVideoRequest(api, {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      userAgent: c.req.header('user-agent'),
      clientAddress: () => options.origin.address(c),
    });
    return new Response(answer.body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers });
  });
  app.get('/api/video/variants', (c) => c.json(api.getVideoVariants()));
  return app;
}
