import type { Message } from '../i18n/index.js';

/**
 * Why evidence cannot be judged as it stands. `part` is the evidence part it is about (a name of
 * `parts`, `accessAnalyzers.<region>`, or `account` for the document's own identity); `code` is
 * the error code that part gets when the evidence was read live.
 */
export interface Problem {
  part: string;
  code: 'DuplicateEntry' | 'ForeignAccount' | 'FutureDate' | 'ImpossibleValue';
  detail: Message;
}

/** Every entry of a list as `field[i]`, the way a reader finds it in the evidence file. */
export const at = (field: string, i: number) => `${field}[${i}]`;
