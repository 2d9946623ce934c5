// A tiny XML writer for the Query protocols: plain JS values in AWS API shapes become elements.
// Objects → child elements in key order, arrays → repeated `itemName` elements (`member` for
// IAM/STS, `item` for EC2), Map → <entry><key/><value/></entry>, Date → ISO 8601 without
// milliseconds (as IAM sends it), undefined/null → no element at all.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function toXml(name: string, value: unknown, itemName = 'member'): string {
  if (value === undefined || value === null) return '';
  let inner: string;
  if (Array.isArray(value)) {
    inner = value.map((v) => toXml(itemName, v, itemName)).join('');
  } else if (value instanceof Map) {
    inner = [...value].map(([k, v]) => `<entry>${toXml('key', k, itemName)}${toXml('value', v, itemName)}</entry>`).join('');
  } else if (value instanceof Date) {
    inner = isoSeconds(value);
  } else if (typeof value === 'object') {
    inner = Object.entries(value).map(([k, v]) => toXml(k, v, itemName)).join('');
  } else {
    inner = escapeXml(String(value));
  }
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

/** The children of an object, without a wrapping element. */
export function fieldsToXml(value: Record<string, unknown>, itemName = 'member'): string {
  return Object.entries(value).map(([k, v]) => toXml(k, v, itemName)).join('');
}
