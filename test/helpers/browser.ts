/**
 * Headless Chromium driven by playwright-core, in a throwaway profile. The browser comes from npm
 * (`@sparticuz/chromium`, a self-contained headless build unpacked into the temp folder on first
 * use), so the tests need no system package; CHROMIUM_PATH points them at another Chromium instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import packagedChromium from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Networking extras off, so the only traffic is what the page causes. */
const QUIET_ARGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** The Chromium to launch and its flags: CHROMIUM_PATH's with the usual headless flags, or the packaged build's own. */
async function browserBinary(): Promise<{ executablePath: string; args: string[] }> {
  const custom = process.env.CHROMIUM_PATH;
  if (custom) return { executablePath: custom, args: ['--headless', '--no-sandbox', '--disable-gpu', ...QUIET_ARGS] };
  return { executablePath: await packagedChromium.executablePath(), args: [...packagedChromium.args, ...QUIET_ARGS] };
}

export async function launchBrowser(): Promise<TestBrowser> {
  const { executablePath, args } = await browserBinary();
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
