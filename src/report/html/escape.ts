/**
 * JSON for a `<script type="application/json">` block. `<` is written as \u003c so no value can
 * close the element (`</script>`) or open a comment; `>` and `&` follow for good measure, and
 * U+2028/U+2029 so the text stays valid in any JavaScript context. JSON.parse reads them back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
