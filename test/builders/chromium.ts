import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium driven by playwright-core (STACK.md "Browser tests"), for the HTML report and
// dashboard tests.

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Without Chromium, browser tests are skipped on a workstation (with the reason), never under CI (.ci/run installs it). */
export const noChromium: string | false = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} not found; install it with: apt-get install -y --no-install-recommends chromium` : false;

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** Screenshots and PDFs go outside the repository: $ARTIFACTS_DIR, else the system temp folder. */
export function artifactsDir(): string {
  const wanted = process.env.ARTIFACTS_DIR ? resolve(process.env.ARTIFACTS_DIR) : '';
  const inRepo = wanted !== '' && !relative(REPO, wanted).startsWith('..');
  const dir = wanted && !inRepo ? wanted : join(tmpdir(), 'aws-lockdown-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}
