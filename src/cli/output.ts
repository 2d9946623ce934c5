import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

/**
 * Writes the whole file or nothing: a temp file beside the target, renamed over it. A failed
 * scan never leaves a half-written report where the old one was.
 */
export function writeAtomically(path: string, content: string, flag = '--output'): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new InputError(msg('cannotWrite', { flag, path, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
}
