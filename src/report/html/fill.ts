const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Fills `{name}` placeholders of a check's fix texts; an unknown one stays visible. The encoder
 * (data.ts) and the page script share this one function, so a remediation the encoder judged
 * "the check's templates, filled in" is rebuilt to the same text in the browser.
 */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (match, key: string) => (Object.prototype.hasOwnProperty.call(vars, key) ? String(vars[key]) : match));
}
