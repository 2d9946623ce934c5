import { ShapeError } from '../errors.js';
import { msg } from '../i18n/index.js';
// AWS CLI v2 prints `2026-11-21T10:00:00+00:00`, v1 `…Z`, the SDK gives Date objects, the
// credential report `2026-11-21T10:00:00+00:00`. All become ISO strings in UTC.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

export function toIso(value: unknown, field: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && ISO_WITH_ZONE.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new ShapeError(msg('expectedTimestamp', { field, value: JSON.stringify(value) }));
}
