import { ShapeError } from '../../errors.js';
import { msg } from '../../i18n/index.js';

// Reading AWS API answers (as the AWS CLI prints them and SDK v3 returns them: PascalCase,
// timestamps as strings or Dates). Wrong types surface when the part is validated against its
// schema, with the file or call named.

export type Obj = Record<string, unknown>;

export const obj = (v: unknown, field: string): Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(msg('expectedObject', { field }));
  return v as Obj;
};

export const arr = (v: unknown, field: string): Obj[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ShapeError(msg('expectedList', { field }));
  return v.map((x, i) => obj(x, `${field}[${i}]`));
};

export const optional = <T>(v: T | undefined | null) => (v === undefined || v === null ? undefined : v);

// Absent fields are left out rather than set to undefined: a saved evidence file (JSON drops
// undefined) must read back deep-equal to the evidence that was saved.
export const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** `raw[outer][field]` when both are there, for checking which call an answer belongs to. */
export const answerField = (raw: unknown, outer: string, field: string): unknown => {
  const o = typeof raw === 'object' && raw !== null ? (raw as Obj)[outer] : undefined;
  return typeof o === 'object' && o !== null ? (o as Obj)[field] : undefined;
};
