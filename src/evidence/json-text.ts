import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

/**
 * What the scanner found wrong, for the message: the kind, and the character when one is to blame.
 * `end` the text stops inside a value; `char` an unexpected character; `string` a raw control
 * character or a bad escape in a string; `extra` text after the value; `deep` nesting beyond
 * MAX_DEPTH.
 */
export type JsonProblem = 'end' | 'char' | 'string' | 'extra' | 'deep';

export type JsonScan =
  | { ok: true }
  | { ok: false; kind: 'syntax'; at: number; problem: JsonProblem }
  | { ok: false; kind: 'duplicate'; at: number; firstAt: number; key: string };

/**
 * Parses an input file's JSON text, refusing what JSON.parse accepts silently: a key repeated in
 * one object (JSON.parse keeps the last, so a second `"passwordPolicy"` or `"credentialReport"`
 * would quietly replace the first — a false PASS path). A syntax error is worded with its line and
 * column instead of JavaScript's message. `label` names the file in the message. The check for
 * repeated keys counts keys (keyCount); only when the counts differ does the scanner run to name
 * the key and its lines.
 */
export function parseJsonText(text: string, label: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const scan = scanJson(text, 'syntax');
    // The scanner accepts exactly the JSON grammar; should it ever disagree, the end of the text is blamed.
    const at = scan.ok ? text.length : scan.at;
    const problem = !scan.ok && scan.kind === 'syntax' ? scan.problem : 'end';
    const { line, column } = lineAndColumn(text, at);
    throw new InputError(msg('notJsonAt', { path: label, line, column, problem, char: charAt(text, at) }));
  }
  let sameKeys = false;
  try {
    sameKeys = keyCount(text) === keyCount(JSON.stringify(value));
  } catch {
    // JSON.stringify recurses and runs out of stack where JSON.parse did not: the scanner decides.
  }
  if (sameKeys) return value;
  // Fewer keys parsed than written: a key was given twice. The scanner says which, and where.
  const scan = scanJson(text);
  if (scan.ok) return value;
  if (scan.kind === 'duplicate') {
    throw new InputError(msg('jsonKeyTwice', { path: label, value: JSON.stringify(scan.key), line: lineAndColumn(text, scan.at).line, first: lineAndColumn(text, scan.firstAt).line }));
  }
  // Only nesting beyond MAX_DEPTH gets here: JSON.parse took it, no evidence looks like it.
  const { line, column } = lineAndColumn(text, scan.at);
  throw new InputError(msg('notJsonAt', { path: label, line, column, problem: scan.problem, char: '' }));
}

/**
 * A JSON string, or a run of characters that holds no string and no colon. Removing both leaves one
 * colon per key: outside strings a colon only ever separates a key from its value.
 */
const ALL_BUT_KEY_COLONS = /"[^"\\]*(?:\\.[^"\\]*)*"|[^:"]+/g;

/**
 * The keys written in valid JSON text. Compared with the keys of JSON.stringify of what JSON.parse
 * made of it (which keeps one value per key), it tells whether a key was repeated, in native regex
 * and JSON code only: ~40 ms of CPU for the 5,000-user evidence, against ~60 ms for scanJson.
 */
function keyCount(json: string): number {
  return json.replace(ALL_BUT_KEY_COLONS, '').length;
}

/** 1-based line and column (in UTF-16 code units) of a position in the text. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

function charAt(text: string, at: number): string {
  const c = text.codePointAt(at);
  return c === undefined ? '' : JSON.stringify(String.fromCodePoint(c));
}

// Character codes.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

// Evidence nests a few levels (policy documents a few more); the limit keeps the recursion far
// from the stack's end, where JSON.parse (which does not recurse) would still go on.
const MAX_DEPTH = 1000;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

class Stop {
  constructor(readonly scan: Exclude<JsonScan, { ok: true }>) {}
}

/**
 * One pass over JSON text (RFC 8259) without building values: it finds the first syntax error,
 * or the first key that appears twice in one object (compared after unescaping, as JSON.parse
 * compares them). Strings are skipped with indexOf, so a 5,000-user account's tens of megabytes
 * cost a few tens of milliseconds (bench/evaluate prints it). Mode `syntax` (used once JSON.parse
 * has refused the text, to say where) also checks a string's characters one by one and ignores
 * repeated keys.
 */
export function scanJson(text: string, mode: 'duplicates' | 'syntax' = 'duplicates'): JsonScan {
  const n = text.length;
  let i = 0;
  const strict = mode === 'syntax';
  const fail = (at: number, problem: JsonProblem): never => {
    throw new Stop({ ok: false, kind: 'syntax', at, problem });
  };
  const space = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i += 1;
  };
  // i is at an opening quote; returns the position of the closing one and leaves i after it.
  const string = (): number => {
    const start = i;
    let end = text.indexOf('"', i + 1);
    for (;;) {
      if (end === -1) fail(n, 'end');
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (strict) checkString(text, start + 1, end, fail);
    i = end + 1;
    return end;
  };
  const number = () => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i += 1;
    if (text.charCodeAt(i) === 0x30) i += 1;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i += 1;
    else fail(i >= n ? n : start, i >= n ? 'end' : 'char');
    if (text.charCodeAt(i) === 0x2e) {
      i += 1;
      if (!isDigit(text.charCodeAt(i))) fail(i, i >= n ? 'end' : 'char');
      while (isDigit(text.charCodeAt(i))) i += 1;
    }
    if ((text.charCodeAt(i) | 0x20) === 0x65) {
      i += 1;
      if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i += 1;
      if (!isDigit(text.charCodeAt(i))) fail(i, i >= n ? 'end' : 'char');
      while (isDigit(text.charCodeAt(i))) i += 1;
    }
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k += 1) {
      if (i + k >= n) fail(n, 'end');
      if (text.charCodeAt(i + k) !== word.charCodeAt(k)) fail(i + k, 'char');
    }
    i += word.length;
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(i, 'deep');
    space();
    if (i >= n) fail(n, 'end');
    const c = text.charCodeAt(i);
    if (c === QUOTE) string();
    else if (c === OPEN_OBJECT) object(depth);
    else if (c === OPEN_ARRAY) array(depth);
    else if (c === 0x74) literal('true');
    else if (c === 0x66) literal('false');
    else if (c === 0x6e) literal('null');
    else if (c === 0x2d || isDigit(c)) number();
    else fail(i, 'char');
  };
  const object = (depth: number) => {
    i += 1;
    space();
    if (text.charCodeAt(i) === CLOSE_OBJECT) {
      i += 1;
      return;
    }
    // Keys seen in this object and where they stand. Most objects have a handful of keys, which
    // a list compares faster than a Map is built; a large object gets a Map.
    const list: string[] = [];
    const places: number[] = [];
    let keys: Map<string, number> | undefined;
    for (;;) {
      space();
      if (i >= n) fail(n, 'end');
      if (text.charCodeAt(i) !== QUOTE) fail(i, 'char');
      const start = i;
      const end = string();
      let key = text.slice(start + 1, end);
      if (key.includes('\\')) key = JSON.parse(text.slice(start, end + 1)) as string;
      if (!strict) {
        const first = keys ? keys.get(key) : places[list.indexOf(key)];
        if (first !== undefined) throw new Stop({ ok: false, kind: 'duplicate', at: start, firstAt: first, key });
        if (keys) keys.set(key, start);
        else if (list.length < 16) {
          list.push(key);
          places.push(start);
        } else {
          keys = new Map(list.map((k, x) => [k, places[x] as number]));
          keys.set(key, start);
        }
      }
      space();
      if (i >= n) fail(n, 'end');
      if (text.charCodeAt(i) !== COLON) fail(i, 'char');
      i += 1;
      value(depth + 1);
      space();
      if (i >= n) fail(n, 'end');
      const next = text.charCodeAt(i);
      i += 1;
      if (next === CLOSE_OBJECT) return;
      if (next !== COMMA) fail(i - 1, 'char');
    }
  };
  const array = (depth: number) => {
    i += 1;
    space();
    if (text.charCodeAt(i) === CLOSE_ARRAY) {
      i += 1;
      return;
    }
    for (;;) {
      value(depth + 1);
      space();
      if (i >= n) fail(n, 'end');
      const next = text.charCodeAt(i);
      i += 1;
      if (next === CLOSE_ARRAY) return;
      if (next !== COMMA) fail(i - 1, 'char');
    }
  };

  const run = (): JsonScan => {
    i = 0;
    try {
      // A byte-order mark is dropped when the file is decoded; one left in the text is not JSON.
      value(0);
      space();
      if (i < n) fail(i, 'extra');
      return { ok: true };
    } catch (error) {
      if (error instanceof Stop) return error.scan;
      throw error;
    }
  };
  return run();

  function checkString(s: string, from: number, to: number, stop: (at: number, p: JsonProblem) => never): void {
    for (let k = from; k < to; k += 1) {
      const c = s.charCodeAt(k);
      if (c < 0x20) stop(k, 'string');
      if (c !== BACKSLASH) continue;
      const e = s.charCodeAt(k + 1);
      if (e === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(k + 2, k + 6))) stop(k, 'string');
        k += 5;
      } else if ('"\\/bfnrt'.includes(String.fromCharCode(e))) k += 1;
      else stop(k, 'string');
    }
  }
}
