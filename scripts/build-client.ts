import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FILE, bundleOptions } from '../src/report/html/script.js';

// `npm run build`, after tsc: bundles the HTML report's page script next to the compiled reporter
// (dist/report/html/), where src/report/html/script.ts reads it.

const target = fileURLToPath(new URL(`../dist/report/html/${BUNDLE_FILE}`, import.meta.url));
const result = await build({ ...bundleOptions(), metafile: true });
const text = result.outputFiles[0]?.text;
if (!text) throw new Error('esbuild produced no page script');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, text);
console.log(`page script: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB → ${target}`);
