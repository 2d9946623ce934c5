import { createHash } from 'node:crypto';
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

/**
 * The opening of a self-contained page, up to `</head>`: its one stylesheet inline and (if any) its
 * one script allowed by hash in the Content-Security-Policy, nothing else fetched or run. The HTML
 * report and `lockdown diff --format html` share it.
 */
export function selfContainedHead(page: { lang: string; title: string; style: string; script?: string }): Html {
  const csp = [
    "default-src 'none'",
    ...(page.script === undefined ? [] : [`script-src '${sha256(page.script)}'`]),
    `style-src '${sha256(page.style)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<style>${raw(page.style)}</style>
</head>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
