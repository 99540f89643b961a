// Launches the system Chromium (Debian's `chromium` package) through
// playwright-core, headless, with Playwright's own fresh temporary profile.
// Never downloads a browser.

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GUILD_CHROMIUM ?? '/usr/bin/chromium';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
