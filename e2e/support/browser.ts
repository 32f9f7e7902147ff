import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Which Chromium the journeys drive: Debian's where installed, else the one @sparticuz/chromium
// ships inside its npm package (unpacked to /tmp on first use). Locally a missing browser skips
// the journeys; under CI it fails them, so a broken setup can never pass as green.

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

interface Launcher {
  executablePath: string;
  args: string[];
}

async function findChromium(): Promise<Launcher | null> {
  if (fs.existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: ['--no-sandbox'] };
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    const executablePath = await sparticuz.executablePath();
    // --single-process is for serverless functions; with several pages open it can crash the browser
    const args = sparticuz.args.filter((a) => a !== '--single-process');
    return { executablePath, args: [...args, '--no-sandbox'] };
  } catch (e) {
    if (process.env.CI) throw new Error(`no Chromium for the browser journeys: ${DEBIAN_CHROMIUM} is missing and @sparticuz/chromium failed: ${(e as Error).message}`);
    return null;
  }
}

const launcher = await findChromium();

/** False only outside CI, when no Chromium could be found: the journeys then skip. */
export const chromiumAvailable = launcher !== null;

export async function launchBrowser(): Promise<Browser> {
  if (!launcher) throw new Error('no Chromium: install Debian\'s chromium or the @sparticuz/chromium package');
  return chromium.launch({ executablePath: launcher.executablePath, args: launcher.args, headless: true });
}
