import { ShapeError } from '../errors.js';
import { msg } from '../i18n/index.js';
// AWS CLI v2 prints `2026-11-21T10:00:00+00:00`, v1 `…Z`, the SDK gives Date objects, the
// credential report `2026-11-21T10:00:00+00:00`, Python's str(datetime) in boto3-based tools
// `2026-11-21 10:00:00+00:00` (RFC 3339 allows the space). All become ISO strings in UTC.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

export function toIso(value: unknown, field: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && ISO_WITH_ZONE.test(value)) {
    // Date.parse rolls 30 February over into March; a date that does not exist is an error.
    if (!existsInCalendar(value)) throw new ShapeError(msg('impossibleDate', { field, value: JSON.stringify(value) }));
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new ShapeError(msg('expectedTimestamp', { field, value: JSON.stringify(value) }));
}

function existsInCalendar(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
