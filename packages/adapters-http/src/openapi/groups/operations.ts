import { z } from 'zod';
import { PlaybackReportSchema } from '@hexcast/core';
import { ViewersOverTimeQuery } from '../../routes/admin-ops.ts';
import { TimestampedValue } from '../schemas/common.ts';
import { HardwareStatsWire, HealthWire, LogLineWire, VideoMetricsWire, ViewerWire } from '../schemas/operations.ts';
import { BAD_REQUEST, jsonOk, type RouteSpec } from '../route-spec.ts';

const admin = { tags: ['Admin', 'Operations'], auth: 'admin' } as const;

/** routes/admin-ops.ts, routes/metrics.ts and routes/health.ts. */
export const operationsSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/api/admin/logs', summary: "The server's recent log lines (secrets redacted), oldest first", ...admin, responses: jsonOk(z.array(LogLineWire)) },
  { method: 'get', path: '/api/admin/logs/warnings', summary: 'The recent warnings and errors', ...admin, responses: jsonOk(z.array(LogLineWire)) },
  { method: 'get', path: '/api/admin/hardwarestats', summary: 'CPU, memory and disk use (percent), sampled each minute over the last day', ...admin, responses: jsonOk(HardwareStatsWire) },
  { method: 'get', path: '/api/admin/viewers', summary: 'Viewers active within the last minute', ...admin, responses: jsonOk(z.array(ViewerWire)) },
  { method: 'get', path: '/api/admin/viewersOverTime', summary: 'Viewer counts recorded each minute since windowStart', ...admin, query: ViewersOverTimeQuery, responses: { ...jsonOk(z.array(TimestampedValue)), ...BAD_REQUEST } },
  { method: 'get', path: '/api/admin/metrics/video', summary: "Playback health per minute from players' reports", ...admin, responses: jsonOk(VideoMetricsWire) },
  {
    method: 'get',
    path: '/api/admin/prometheus',
    summary: 'Prometheus metrics: process, stream, viewers, chat, hardware',
    ...admin,
    responses: { 200: { description: 'The Prometheus text exposition format', text: z.string(), contentType: 'text/plain; version=0.0.4' } },
  },
  {
    method: 'post',
    path: '/api/metrics/playback',
    summary: "A player's playback health report (errors and quality switches since its last report)",
    tags: ['Video'],
    auth: 'none',
    body: PlaybackReportSchema,
    responses: { 200: { description: 'Recorded' }, ...BAD_REQUEST },
  },
  {
    method: 'get',
    path: '/healthz',
    summary: 'Health for load balancers: the database answers and the core runs',
    tags: ['Operations'],
    auth: 'none',
    responses: { 200: { description: 'Healthy', json: HealthWire }, 503: { description: 'Unhealthy (which check failed)', json: HealthWire } },
  },
];
