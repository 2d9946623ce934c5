import type { Message } from '../i18n/index.js';

/** The error codes of a part set aside as inconsistent (live evidence): read, but not to be judged. */
export const INCONSISTENCY_CODES = ['DuplicateEntry', 'ForeignAccount', 'FutureDate', 'ImpossibleValue', 'Contradiction'] as const;
export type InconsistencyCode = (typeof INCONSISTENCY_CODES)[number];

/** Whether a part's error says it was read but contradicts itself or AWS (not that it could not be read). */
export const isInconsistent = (error: { code: string }): boolean => (INCONSISTENCY_CODES as readonly string[]).includes(error.code);

/**
 * Why evidence cannot be judged as it stands. `part` is the evidence part it is about (a name of
 * `parts`, `accessAnalyzers.<region>`, or `account` for the document's own identity); `code` is
 * the error code that part gets when the evidence was read live.
 */
export interface Problem {
  part: string;
  code: InconsistencyCode;
  detail: Message;
  /** The detail as an error part (and so a finding) states it, when `detail` quotes what findings must not. */
  shared?: Message;
}

/** Every entry of a list as `field[i]`, the way a reader finds it in the evidence file. */
export const at = (field: string, i: number) => `${field}[${i}]`;
