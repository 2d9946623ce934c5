// Text from evidence, AWS errors or a user's files can carry terminal escape sequences (ESC [ …,
// OSC 8 links, a BEL), NUL bytes or Unicode bidi overrides that make a name read differently from
// what it is (CVE-2021-42574 "Trojan Source"). Output meant for a terminal, a spreadsheet or a
// pull-request comment shows each such character visibly as a `\uXXXX` escape instead of passing
// it through: the reader sees that something odd was there, and nothing is executed or reordered.
// Tab and line feed stay: they are layout, not commands (each output format handles them); a
// carriage return, which can overwrite a terminal line, stays only in CSV fields (safeCsvText).

/**
 * C0 controls but tab and line feed, DEL, C1 controls (U+0080–U+009F, which some terminals treat
 * as CSI/OSC), the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
 * line/paragraph separators, and a lone UTF-16 surrogate (no character at all).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (c: string) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** A string with every unsafe character shown as `\uXXXX` text; other text is returned as is. */
export function safeText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escape) : text;
}

// The same but for a carriage return, which is data inside a quoted CSV field (RFC 4180).
const UNSAFE_IN_CSV = new RegExp(UNSAFE.source.replace('\\u000b-\\u001f', '\\u000b\\u000c\\u000e-\\u001f'), 'g');

/** safeText for a CSV field: a carriage return stays, quoted by the CSV writer. */
export function safeCsvText(text: string): string {
  UNSAFE_IN_CSV.lastIndex = 0;
  return UNSAFE_IN_CSV.test(text) ? text.replace(UNSAFE_IN_CSV, escape) : text;
}

/**
 * A copy of a value (a scan result, a message's parameters) with safeText applied to every string
 * in it; objects whose strings are all safe are returned as they are. A reporter calls this once
 * on its input, so no field can be forgotten.
 */
export function safeStrings<T>(value: T, safe: (text: string) => string = safeText): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const clean = safeStrings(item, safe);
      if (clean !== item) (copy ??= value.slice())[i] = clean;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const clean = safeStrings(item, safe);
      if (clean !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = clean;
    }
    return (copy ?? value) as T;
  }
  return value;
}
