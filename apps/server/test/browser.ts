import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (never a downloaded one); `HEXCAST_CHROMIUM` points elsewhere. */
export const CHROMIUM = process.env.HEXCAST_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Screenshots go to test-artifacts/ at the repository root (gitignored), for people to look at. */
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Collects uncaught page errors, so a test can assert the page ran clean. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The <video>'s playback position now and a moment later: it advances while the video plays. */
export async function playbackAdvances(page: Page, selector = 'video', waitMs = 1_500): Promise<{ before: number; after: number }> {
  const before = await page.$eval(selector, (v) => (v as HTMLVideoElement).currentTime);
  await page.waitForTimeout(waitMs);
  const after = await page.$eval(selector, (v) => (v as HTMLVideoElement).currentTime);
  return { before, after };
}
