import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { readInput } from '../evidence/read-input.js';
import { firstIssue } from '../evidence/zod-issue.js';
import { msg } from '../i18n/index.js';

/** A config or mutelist is a page of settings; anything larger is a mistake or an attack. */
export const MAX_YAML_BYTES = 1024 * 1024;
/**
 * Alias expansions a document may make (the `yaml` package's own default, stated here): enough for
 * reuse, far too few for a "billion laughs" document that expands to gigabytes.
 */
export const MAX_YAML_ALIASES = 100;

/**
 * Reads a YAML (or JSON: YAML is its superset) file and validates it, naming the file, the line
 * and the field of the first problem, so that a user can fix it without guessing.
 */
export function loadYamlFile<S extends z.ZodType>(path: string, schema: S, what: string): z.output<S> {
  // A directory, FIFO or device is refused before it is opened, a file over the limit before it is read.
  const text = readInput(path, what, MAX_YAML_BYTES);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new InputError(msg('yamlSyntax', { what, path, line, detail: syntax.message.split('\n')[0] ?? '' }));
  }
  // A file of only comments is an empty document: no settings, not an error.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // The only thing toJS throws on a parsed document: "Excessive alias count …".
    if (error instanceof ReferenceError) throw new InputError(msg('yamlAliases', { what, path, limit: MAX_YAML_ALIASES }));
    throw error;
  }
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issue = firstIssue(result.error);
  // An unknown key is reported at its own line, not at the line of the object that holds it.
  const first = result.error.issues[0];
  const at = first?.code === 'unrecognized_keys' && first.keys[0] !== undefined ? [...first.path, first.keys[0]] : issue.path;
  const line = lineOf(doc.contents, at, lineCounter);
  throw new InputError(msg('fileIssue', { what, path, line: line ? `:${line}` : '', detail: issue.said }));
}

// The line of the node at `path`, or of its nearest ancestor that exists (a missing key is
// reported at the object that lacks it).
function lineOf(root: unknown, path: PropertyKey[], counter: LineCounter): number | undefined {
  let node = root as Node | null | undefined;
  let line = node?.range ? counter.linePos(node.range[0]).line : undefined;
  for (const key of path) {
    if (!node || isScalar(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = counter.linePos(keyNode.range[0]).line;
      node = pair.value as Node | null;
    } else if ('items' in node && Array.isArray(node.items) && typeof key === 'number') {
      node = node.items[key] as Node | undefined;
      if (node?.range) line = counter.linePos(node.range[0]).line;
    } else break;
  }
  return line;
}
