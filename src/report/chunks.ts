// Reports of a many-account scan reach hundreds of MB (427,000 findings for 1,000 accounts of 50
// users): more than one JavaScript string can hold (~512 M characters), and slow to build as one.
// These helpers give a report as pieces of ~256K characters, whose concatenation is exactly the
// text the one-string form gives (tests compare them).

/** About this many characters go into one piece. */
export const CHUNK_CHARS = 1 << 18;

/**
 * `JSON.stringify(items, null, indent)` of an array, byte for byte, in pieces; the items come from
 * an iterable, so they need never all exist at once.
 */
export function* jsonArrayChunks(items: Iterable<unknown>, indent: number | undefined): Generator<string, void, undefined> {
  const pad = indent === undefined ? '' : ' '.repeat(indent);
  const nl = indent === undefined ? '' : `\n${pad}`;
  let piece = '[';
  let first = true;
  for (const item of items) {
    let text = JSON.stringify(item, null, indent) ?? 'null';
    // A JSON string holds no raw newline, so every newline in the text is layout: move it in one level.
    if (indent !== undefined) text = text.replace(/\n/g, `\n${pad}`);
    piece += `${first ? '' : ','}${nl}${text}`;
    first = false;
    if (piece.length >= CHUNK_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${first || indent === undefined ? '' : '\n'}]`;
}

/** Lines joined into pieces of about CHUNK_CHARS characters. */
export function* joinedChunks(lines: Iterable<string>): Generator<string, void, undefined> {
  let piece = '';
  for (const line of lines) {
    piece += line;
    if (piece.length >= CHUNK_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
