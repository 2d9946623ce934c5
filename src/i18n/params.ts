import type { TermId } from './terms.js';

/**
 * A message parameter as code emits it: language-neutral, so a stored finding can be put into
 * words in any language later. Plain strings and numbers are shown as they are (names, ARNs,
 * counts); the structured kinds are put into words by the catalogue's language.
 */
export type Param = string | number | Term | ParamList | DateParam;

/** A word of the shared vocabulary (src/i18n/terms.ts), such as "password" or "access key 1". */
export interface Term {
  term: TermId;
  args?: Record<string, string | number>;
}

/** A list joined the language's way ("a, b and c"); `more` counts the items left out. */
export interface ParamList {
  list: (string | Term)[];
  more?: number;
}

/** A calendar day (YYYY-MM-DD), shown in the language's own date form. */
export interface DateParam {
  date: string;
}

export type Params = Record<string, Param>;

export const term = (id: TermId, args?: Term['args']): Term => (args ? { term: id, args } : { term: id });

/** A list of at most `cap` items; the rest is counted, and said as "and N more" in words. */
export function list(items: readonly (string | Term)[], cap = Infinity): ParamList {
  if (items.length <= cap) return { list: [...items] };
  return { list: items.slice(0, cap), more: items.length - cap };
}

export const day = (date: Date): DateParam => ({ date: date.toISOString().slice(0, 10) });
