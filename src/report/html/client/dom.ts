// Every element is built with createElement and textContent, so names from the account are never
// parsed as HTML.

export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text?: string | number | null): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (cls) element.className = cls;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

/** Appends the children that are there (null and undefined are skipped) and returns the parent. */
export function add<T extends Node>(parent: T, ...children: (Node | null | undefined)[]): T {
  for (const child of children) if (child) parent.appendChild(child);
  return parent;
}

export const own = (o: object, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);
