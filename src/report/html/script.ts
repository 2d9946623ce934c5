import type { BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../../root.js';

// The page script is TypeScript (client/), bundled by esbuild into one IIFE that the page carries
// inline. `npm run build` writes it beside the compiled reporter (scripts/build-client.ts); run
// from the sources (tsx: tests, development) there is no build step, so it is bundled here on
// first use from the current sources, with the same options, and can never be stale.

/** The bundle's file name, in dist/report/html/ (beside the compiled reporter). */
export const BUNDLE_FILE = 'client.bundle.js';

/** esbuild options shared by the build script and the from-source path below. */
export function bundleOptions(): BuildOptions & { write: false } {
  return {
    entryPoints: [fileURLToPath(new URL('./client/main.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last few years; the page must run from a file:// URL with no polyfills.
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
  };
}

let script: string | undefined;

/** The page script's text. */
export function pageScript(): string {
  script ??= import.meta.url.endsWith('.ts') ? bundleFromSource() : readBundle();
  return script;
}

function readBundle(): string {
  // Named from the package folder: the bundled CLI (dist/bundle/) runs this code from elsewhere.
  const file = packageFile(`dist/report/html/${BUNDLE_FILE}`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the HTML report's page script is missing (${file}): run npm run build`);
  }
}

function bundleFromSource(): string {
  // esbuild is a development dependency: only reached when running from src/ through tsx.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync(bundleOptions()).outputFiles?.[0];
  if (!out) throw new Error('esbuild produced no page script');
  return out.text;
}
