import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

/** Above this many findings the JSON is compact: a 40,000-finding result is then a third smaller and faster to write. */
const INDENT_LIMIT = 1000;

/**
 * About this many characters go into one piece of jsonChunks: large enough that writing a piece
 * costs little, small enough that no piece is one of the big strings that made a 40,000-finding
 * report cost ~70 MB (two bytes a character) plus its UTF-8 copy, and a fifth of the scan in GC.
 */
const CHUNK_CHARS = 1 << 18;

/** The canonical output (SPEC §6). */
export function renderJson(result: ScanResult, options?: ReportOptions): string {
  return [...jsonChunks(result, options)].join('');
}

/**
 * The same text as renderJson, byte for byte, in pieces of ~256K characters: the result with its
 * findings stringified one by one, so a large report is written without ever being one string.
 * Equal to `JSON.stringify(result, null, indent) + '\n'` (test/report-json.test.ts).
 */
export function* jsonChunks(result: ScanResult, _options?: ReportOptions): Generator<string, void, undefined> {
  const indent = result.findings.length > INDENT_LIMIT ? undefined : 2;
  // One level in: what JSON.stringify puts before a top-level key, and before a finding.
  const nl = indent === undefined ? '' : '\n  ';
  const nl2 = indent === undefined ? '' : '\n    ';
  const colon = indent === undefined ? ':' : ': ';
  // A nested value stringified on its own, then moved in by the levels it sits at (a JSON string
  // holds no raw newline, so every newline in the text is layout).
  const nested = (value: unknown, depth: string): string | undefined => {
    const text = JSON.stringify(value, null, indent);
    return text === undefined || indent === undefined ? text : text.replace(/\n/g, `\n${depth}`);
  };
  let piece = '{';
  let first = true;
  for (const key of Object.keys(result)) {
    const value = (result as unknown as Record<string, unknown>)[key];
    const head = `${first ? '' : ','}${nl}${JSON.stringify(key)}${colon}`;
    if (key === 'findings' && Array.isArray(value)) {
      first = false;
      if (value.length === 0) {
        piece += `${head}[]`;
        continue;
      }
      piece += `${head}[`;
      for (let i = 0; i < value.length; i++) {
        piece += `${i === 0 ? '' : ','}${nl2}${nested(value[i], '    ') ?? 'null'}`;
        if (piece.length >= CHUNK_CHARS) {
          yield piece;
          piece = '';
        }
      }
      piece += `${nl}]`;
      continue;
    }
    const text = nested(value, '  ');
    // JSON.stringify leaves out a key whose value is undefined (or a function).
    if (text === undefined) continue;
    first = false;
    piece += head + text;
  }
  piece += `${first ? '' : indent === undefined ? '' : '\n'}}\n`;
  yield piece;
}
