/**
 * The HTML pages of the web app: each is one esbuild entry point and one HTML file. The admin
 * dashboard is a page like the others; adding a page means adding an entry here (see README).
 */
export interface PageSpec {
  /** esbuild entry (relative to src/), its bundle is named after `name`. */
  readonly entry: string;
  readonly name: string;
  /** Where the HTML lands in the output directory. */
  readonly html: string;
  readonly title: string;
  /** `<body>` class, for layout differences (embeds fill the frame). */
  readonly bodyClass: string;
}

export const PAGES: readonly PageSpec[] = [
  { entry: 'viewer/main.tsx', name: 'viewer', html: 'index.html', title: 'hexcast', bodyClass: 'page-viewer' },
  { entry: 'embed/video-main.tsx', name: 'embed-video', html: 'embed-video.html', title: 'hexcast video', bodyClass: 'page-embed' },
  { entry: 'embed/chat-main.tsx', name: 'embed-chat', html: 'embed-chat.html', title: 'hexcast chat', bodyClass: 'page-embed' },
  { entry: 'admin/main.tsx', name: 'admin', html: 'admin/index.html', title: 'hexcast admin', bodyClass: 'page-admin' },
];

/** The HTML of one page; asset paths are absolute so the same file serves `/embed/chat/readonly` and `/`. */
export function pageHtml(page: PageSpec, assets: { script: string; styles: readonly string[]; preloads: readonly string[] }): string {
  const links = [
    ...assets.styles.map((href) => `<link rel="stylesheet" href="/${href}">`),
    ...assets.preloads.map((href) => `<link rel="modulepreload" href="/${href}">`),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    '<meta name="color-scheme" content="dark light">',
    `<title>${page.title}</title>`,
    '<link rel="icon" href="/favicon.ico">',
    ...links,
    `<script type="module" src="/${assets.script}"></script>`,
    '</head>',
    `<body class="${page.bodyClass}">`,
    '<noscript>This page needs JavaScript. The stream itself is at <a href="/hls/stream.m3u8">/hls/stream.m3u8</a>.</noscript>',
    '<div id="app"></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
