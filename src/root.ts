import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder the package is installed in (where package.json, demo/ and dist/ are), found from
 * this module upwards: the code runs from src/ (tsx), from dist/ (tsc) and from the bundle in
 * dist/bundle/ (esbuild, what bin/lockdown.js starts), and a file named relative to its own module
 * would be found in only some of them. Files the CLI reads at run time are named from here.
 */
export const ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** A file of the package, by its path from the package folder (`demo/…`, `dist/…`). */
export const packageFile = (path: string): string => join(ROOT, path);
