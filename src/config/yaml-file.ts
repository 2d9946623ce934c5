import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { firstIssue } from '../evidence/zod-issue.js';
import { msg } from '../i18n/index.js';

/**
 * Reads a YAML (or JSON: YAML is its superset) file and validates it, naming the file, the line
 * and the field of the first problem, so that a user can fix it without guessing.
 */
export function loadYamlFile<S extends z.ZodType>(path: string, schema: S, what: string): z.output<S> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(msg('cannotRead', { what, path, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new InputError(msg('yamlSyntax', { what, path, line, detail: syntax.message.split('\n')[0] ?? '' }));
  }
  // A file of only comments is an empty document: no settings, not an error.
  const result = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
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
