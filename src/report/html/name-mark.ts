/** Stands for the resource name in a message template (data.ts encodes, the page script decodes). */
export const NAME_MARK = '\u0001';
