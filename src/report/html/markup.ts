import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

// Markup is written with hono's `html` tagged template: every interpolated string is escaped
// (& < > " ' — names, policy names and tag values come from the account), arrays are joined,
// and only what passed through `html` or `raw` is inserted as markup.

export type Html = HtmlEscapedString;
export type Child = string | number | boolean | null | undefined | Html | readonly Child[];

/** Markup with every interpolation escaped. Synchronous: the page interpolates no promises. */
export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new Error('html(): an interpolated value was a promise');
  return out;
}

/** Trusted markup, inserted as it is: only for text this code built itself (the style, the script, hashes). */
export { raw };
