import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm run build`, after tsc: the CLI as one bundle (dist/bundle/lockdown.js, what bin/lockdown.js
// starts), so that start-up reads a handful of files instead of resolving ~300 modules one by one
// (issue 7: `--version` and `checks` within 100 ms of `node -e 0`). Each dynamic import stays its
// own chunk: `scan`, the live collectors and the publishers load only when a command needs them.
// The AWS SDK is not bundled: it loads from node_modules, and only for a live call.
// Files read at run time are named from the package folder (src/root.ts), not from the module.

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { lockdown: fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)) },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // The SDK loads lazily from node_modules; esbuild is only used when running from the sources.
  external: ['@aws-sdk/*', 'esbuild'],
  // Bundled CommonJS packages (commander, cli-table3, csv-parse) call require() for Node's own modules.
  banner: { js: "import { createRequire as __lockdownRequire } from 'node:module';\nconst require = __lockdownRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const bytes = outputs.reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(`CLI bundle: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB → ${outdir}`);
