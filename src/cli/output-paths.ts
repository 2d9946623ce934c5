import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

export interface NamedPath {
  flag: string;
  path: string;
}

/**
 * Refuses, before anything is read or written, an output that is one of the scan's inputs
 * (`--output` = `--evidence` would replace the evidence with its own report) or another output.
 * Paths are compared as real paths, so `./a/../e.json`, a symbolic link or a hard-to-spot relative
 * path cannot slip past. /dev and /proc are shared by design (two flags may both name /dev/null).
 */
export function refuseOverlaps(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const seen = new Map<string, NamedPath>();
  for (const input of inputs) seen.set(realPath(input.path), input);
  for (const output of outputs) {
    const real = realPath(output.path);
    if (/^\/(dev|proc)\//.test(real)) continue;
    const other = seen.get(real);
    if (other && inputs.includes(other)) throw new InputError(msg('outputIsInput', { flag: output.flag, path: output.path, input: other.flag }));
    if (other) throw new InputError(msg('outputTwice', { a: other.flag, b: output.flag, path: output.path }));
    seen.set(real, output);
  }
}

/** The real path of a file, or of the folder it would be created in, joined with its name. */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}
