import { Hono } from 'hono';
import { z } from 'zod';
import type { LogLine, OperationsApi, Viewer } from '@hexcast/core';
import { errorResponse } from '../errors.ts';
import { readQuery } from '../json-body.ts';

/** `?windowStart=<unix seconds>` of `/api/admin/viewersOverTime`. */
export const ViewersOverTimeQuery = z.object({
  windowStart: z
    .string()
    .regex(/^\d{1,12}$/, 'windowStart must be a time in unix seconds')
    .optional()
    .describe('unix seconds; default: a day ago'),
});

/** Owncast spells the viewer's id `clientID`. */
function viewerView({ clientId, ...viewer }: Viewer) {
  return { clientID: clientId, ...viewer };
}

/** Owncast's log levels are logrus's names: `warn` is spelt `warning` there. */
export const WIRE_LOG_LEVELS = { debug: 'debug', info: 'info', warn: 'warning', error: 'error' } as const;

function logView(line: LogLine) {
  return { ...line, level: WIRE_LOG_LEVELS[line.level] };
}

/**
 * Operations routes under `/api/admin` (mounted behind admin auth): the server's own log,
 * hardware load, viewers, and playback health.
 */
export function adminOpsRoutes(api: OperationsApi): Hono {
  const app = new Hono();
  app.get('/logs', (c) => c.json(api.getLogs().map(logView)));
  app.get('/logs/warnings', (c) => c.json(api.getLogs('warn').map(logView)));
  app.get('/hardwarestats', (c) => c.json(api.getHardwareStats()));
  app.get('/viewers', (c) => c.json(api.getActiveViewers().map(viewerView)));
  app.get('/viewersOverTime', async (c) => {
    const query = readQuery(c, ViewersOverTimeQuery);
    if (!query.ok) return errorResponse(c, query.error);
    const { windowStart } = query.value;
    return c.json(await api.getViewersOverTime(windowStart === undefined ? undefined : new Date(Number(windowStart) * 1000)));
  });
  app.get('/metrics/video', (c) => c.json(api.getVideoMetrics()));
  return app;
}
