import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Which Chromium the journeys drive: Debian's where installed, else the one @sparticuz/chromium
// ships inside its npm package (unpacked to /tmp on first use). Locally a missing browser skips
// the journeys; under CI it fails them, so a broken setup can never pass as green.

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The same switches for either binary. Not @sparticuz/chromium's own list: that one is for
 * serverless functions, and it composites through SwiftShader, a GPU emulated on the CPU: a page
 * took 1.5 times as long and 1.6 times the CPU on two cores as with Chromium's software compositor
 * (--disable-gpu). Nor its --disable-web-security: the journeys must see the same-origin rules a
 * user's browser applies.
 */
const ARGS = ['--no-sandbox', '--no-zygote', '--disable-gpu', '--font-render-hinting=none'];

async function findChromium(): Promise<string | null> {
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return await sparticuz.executablePath();
  } catch (e) {
    if (process.env.CI) throw new Error(`no Chromium for the browser journeys: ${DEBIAN_CHROMIUM} is missing and @sparticuz/chromium failed: ${(e as Error).message}`);
    return null;
  }
}

const executablePath = await findChromium();

/** False only outside CI, when no Chromium could be found: the journeys then skip. */
export const chromiumAvailable = executablePath !== null;

export async function launchBrowser(): Promise<Browser> {
  if (!executablePath) throw new Error('no Chromium: install Debian\'s chromium or the @sparticuz/chromium package');
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}
