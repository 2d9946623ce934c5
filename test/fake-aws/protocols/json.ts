// JSON wire formats: awsJson1_1 (Organizations, SSO Admin) and restJson1 (Account, Access Analyzer).
import type { WireResponse } from './query.js';

/** Timestamps: epoch seconds unless the model says `@timestampFormat("date-time")` (Access Analyzer). */
export type TimestampFormat = 'epoch-seconds' | 'date-time';

function toJsonValue(value: unknown, ts: TimestampFormat): unknown {
  if (value instanceof Date) return ts === 'epoch-seconds' ? value.getTime() / 1000 : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, ts));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v, ts);
    return out;
  }
  return value;
}

export function jsonResult(protocol: 'json' | 'rest-json', result: unknown, ts: TimestampFormat, requestId: string): WireResponse {
  const contentType = protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json';
  return { status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: JSON.stringify(toJsonValue(result ?? {}, ts)) };
}

/** awsJson1_1: `{"__type": code, "Message": …}`; restJson1: `x-amzn-errortype` header and `{"message": …}`. */
export function jsonError(protocol: 'json' | 'rest-json', status: number, code: string, message: string, requestId: string): WireResponse {
  if (protocol === 'json') {
    return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId }, body: JSON.stringify({ __type: code, Message: message }) };
  }
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId }, body: JSON.stringify({ message }) };
}
