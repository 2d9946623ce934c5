import { readFileSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { parseJsonText } from './json-text.js';

/**
 * The largest evidence file read (256 MiB). A 5,000-user account's authorization details are tens
 * of megabytes; V8 cannot hold a string much above 512 MiB at all, and JSON.parse needs several
 * times the text in memory, so a larger file would end in an internal error, not a scan.
 */
export const EVIDENCE_FILE_LIMIT = 256 * 1024 * 1024;

/**
 * Reads a file the user named, as text: every importer (and the config and mutelist loaders)
 * goes through here, so each bad input is one clear line. Only regular files are opened: a FIFO
 * would block the open and a device never ends. UTF-8 with or without a byte-order mark and
 * UTF-16 with one (what Windows PowerShell's `>` writes) are decoded; anything else is refused
 * rather than read as replacement characters.
 */
export function readInput(path: string, what: string, limit = EVIDENCE_FILE_LIMIT): string {
  return decodeInput(path, what, readInputBytes(path, what, limit));
}

/**
 * Reads and parses a JSON input file: a syntax error names its line and column, and a key given
 * twice in one object is refused (./json-text.ts), so no importer can silently keep one answer.
 */
export function readJsonInput(path: string, what: string, limit = EVIDENCE_FILE_LIMIT): unknown {
  return parseJsonText(readInput(path, what, limit), path);
}

function readInputBytes(path: string, what: string, limit: number): Buffer {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new InputError(msg('cannotRead', { what, path, code: codeOf(error) }));
  }
  if (!stat.isFile()) throw new InputError(msg('notRegularFile', { what, path, kind: stat.isDirectory() ? 'directory' : stat.isFIFO() ? 'fifo' : 'other' }));
  if (stat.size > limit) throw new InputError(msg('fileTooLarge', { what, path, size: stat.size, limit }));
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(msg('cannotRead', { what, path, code: codeOf(error) }));
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Text from bytes: UTF-16 only with a byte-order mark (nothing else says it is UTF-16). */
export function decodeInput(path: string, what: string, bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    // The decoder drops the byte-order mark of its encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(msg('inputNotText', { what, path }));
  }
}
