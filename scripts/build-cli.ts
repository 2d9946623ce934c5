import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run build`, after tsc: the CLI as one bundle (dist/bundle/lockdown.js, what bin/lockdown.js
// starts), so that start-up reads a handful of files instead of resolving ~300 modules one by one
// (issue 7: `--version` and `checks` within 100 ms of `node -e 0`). Each dynamic import stays its
// own chunk: `scan`, the live collectors and the publishers load only when a command needs them.
// Files read at run time are named from the package folder (src/root.ts), not from the module.

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
// Pure JavaScript packages that every command or every scan loads are bundled. Every other
// dependency loads from node_modules as usual: the AWS SDK (only for a live call), native and
// CommonJS packages that find files beside themselves (better-sqlite3, pg), and any package added
// later until someone decides to bundle it.
const BUNDLED = ['commander', 'zod', '@formatjs/icu-messageformat-parser', 'yaml', 'csv-parse', 'cli-table3', 'picocolors', 'hono'];
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.includes(name))
  .flatMap((name) => [name, `${name}/*`]);
const result = await build({
  entryPoints: { lockdown: fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)) },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Bundled CommonJS packages (commander, cli-table3, csv-parse) call require() for Node's own modules.
  banner: { js: "import { createRequire as __lockdownRequire } from 'node:module';\nconst require = __lockdownRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  write: false,
  logLevel: 'warning',
});

// A CLI started while this runs (another terminal, a test) finds a whole bundle: chunks (named by
// their content) are written first, the entry last and by rename, and only then are the chunks of
// the previous build removed.
mkdirSync(outdir, { recursive: true });
const entry = join(outdir, 'lockdown.js');
const written = new Set(result.outputFiles.map((f) => basename(f.path)));
for (const file of result.outputFiles) if (file.path !== entry) writeFileSync(file.path, file.contents);
const entryFile = result.outputFiles.find((f) => f.path === entry);
if (!entryFile) throw new Error('esbuild produced no dist/bundle/lockdown.js');
writeFileSync(`${entry}.${process.pid}.tmp`, entryFile.contents);
renameSync(`${entry}.${process.pid}.tmp`, entry);
for (const name of readdirSync(outdir)) if (!written.has(name)) rmSync(join(outdir, name), { force: true });
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const bytes = outputs.reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(`CLI bundle: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB → ${outdir}`);
