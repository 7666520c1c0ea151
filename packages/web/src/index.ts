/**
 * The Node side of @hexcast/web: where the built browser app is. The browser code itself lives
 * beside this file (viewer/, chat/, player/, embed/, admin/) and is bundled by esbuild.
 */
export { ensureWebBuild, latestWebBuild, sourceDigest, type WebBuild } from './build/build-web.ts';
