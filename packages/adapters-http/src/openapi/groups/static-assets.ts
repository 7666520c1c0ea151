import { z } from 'zod';
import type { ResponseMap, RouteSpec } from '../route-spec.ts';

const image = (media: readonly string[]): ResponseMap => ({ 200: { description: 'The image', media } });
const LOGO = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Branding and site files outside `/api` (routes/static-assets.ts). */
export const staticAssetSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/logo', summary: 'The uploaded logo, or hexcast’s own', tags: ['Public'], auth: 'none', responses: image(LOGO) },
  { method: 'get', path: '/logo/external', summary: 'The logo as a PNG of at most 512 pixels (for social networks)', tags: ['Public'], auth: 'none', responses: image(['image/png']) },
  { method: 'get', path: '/favicon.ico', summary: 'The uploaded favicon (PNG or ICO), or hexcast’s own', tags: ['Public'], auth: 'none', responses: image(['image/png', 'image/x-icon']) },
  {
    method: 'get',
    path: '/img/platformlogos/{file}',
    summary: 'The icon of a social platform (`<platform>.svg`)',
    tags: ['Public'],
    auth: 'none',
    params: z.object({ file: z.string().describe('`<platform>.svg`, a key of /api/socialplatforms') }),
    responses: { ...image(['image/svg+xml']), 404: { description: 'No such platform', text: z.string() } },
  },
  { method: 'get', path: '/robots.txt', summary: 'Disallows everything while search indexing is disabled', tags: ['Public'], auth: 'none', responses: { 200: { description: 'robots.txt', text: z.string() } } },
  { method: 'get', path: '/customjavascript', summary: 'The admin’s custom JavaScript for the viewer page', tags: ['Public'], auth: 'none', responses: { 200: { description: 'JavaScript', text: z.string(), contentType: 'text/javascript' } } },
];
